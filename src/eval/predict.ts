// Predictions for gold documents from the product itself, in process: what `dmon extract
// --jsonl` (facts, classify) or `dmon geoparse --jsonl` (geo) prints for each document, given
// only its id, text, publication date and language, never its gold fields.
import { extract } from '../extract/index.js';
import { geoparse, loadGazetteer } from '../geoparse/index.js';
import { calibrateFacts, type CalibrationMap } from './calibrate.js';
import type { EvalTask, GoldDoc, Prediction } from './types.js';

export interface PredictOptions {
  /** The calibration map applied to confidences, as the CLI and the store apply it; null for
   * the extractor's raw confidence. */
  calibration: CalibrationMap | null;
}

export function* predict(
  task: EvalTask,
  docs: Iterable<GoldDoc>,
  options: PredictOptions,
): Generator<Prediction> {
  if (task === 'geo') {
    const gazetteer = loadGazetteer();
    for (const d of docs) {
      const r = geoparse(d.text, { gazetteer, published: d.published ?? null });
      yield {
        id: d.id,
        places: r.places.map((p) => ({ start: p.start, end: p.end, lat: p.lat, lon: p.lon })),
      };
    }
    return;
  }
  for (const d of docs) {
    const raw = extract({ id: d.id, text: d.text, published: d.published ?? null, lang: d.lang ?? null });
    const r = options.calibration ? calibrateFacts(raw, options.calibration) : raw;
    yield { id: d.id, ...r } as Prediction;
  }
}
