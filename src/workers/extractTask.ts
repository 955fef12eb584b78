// The body of one extraction thread (piscina): the same pure extract() as everywhere else, in
// a worker thread so that a large document does not hold the API's event loop.
import { extract } from '../extract/index.js';
import type { DocumentInput, ExtractResult } from '../types.js';

export default function extractTask(doc: DocumentInput): ExtractResult {
  return extract(doc);
}
