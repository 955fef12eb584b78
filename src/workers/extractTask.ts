// The body of one extraction thread (piscina): the same pure extract() as everywhere else, with
// its confidences calibrated as at every output (src/eval/calibrate.ts), in
// a worker thread so that a large document does not hold the API's event loop.
import { calibrateFacts } from '../eval/calibrate.js';
import { shippedCalibration } from '../eval/calibrationData.js';
import { extract } from '../extract/index.js';
import type { DocumentInput, ExtractResult } from '../types.js';

export default function extractTask(doc: DocumentInput): ExtractResult {
  return calibrateFacts(extract(doc), shippedCalibration());
}
