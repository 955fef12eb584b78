// Scores predictions against gold documents for one task, overall and per source, and returns
// the shared scorer's JSON result (`results.all`, `results.<source>`) with the same metric names.
import { clsMetrics, newClsAcc, scoreClsDoc } from './classify.js';
import { factMetrics, newFactAcc, scoreFactsDoc, type FactOutcome } from './facts.js';
import { geoMetrics, newGeoAcc, scoreGeoDoc } from './geo.js';
import type { EvalTask, GoldDoc, Prediction } from './types.js';

export type TaskMetrics =
  ReturnType<typeof factMetrics> | ReturnType<typeof clsMetrics> | ReturnType<typeof geoMetrics>;

export interface EvalResult {
  mode: EvalTask;
  gold: string;
  docs: number;
  predictions: number;
  missing_predictions: number;
  unknown_ids: number;
  results: Record<string, TaskMetrics>;
}

export interface ScoreOptions {
  /** Also score every source apart (`results.<source>`). */
  bySource?: boolean;
  /** Called with each facts document's matching outcome (for calibration). */
  onFactOutcome?: (doc: GoldDoc, outcome: FactOutcome) => void;
}

function scorer(task: EvalTask) {
  if (task === 'facts') {
    return {
      make: newFactAcc,
      score: scoreFactsDoc,
      metrics: factMetrics,
    } as const;
  }
  if (task === 'classify') return { make: newClsAcc, score: scoreClsDoc, metrics: clsMetrics } as const;
  return { make: newGeoAcc, score: scoreGeoDoc, metrics: geoMetrics } as const;
}

export function scoreTask(
  task: EvalTask,
  goldPath: string,
  docs: readonly GoldDoc[],
  preds: ReadonlyMap<string, Prediction>,
  options: ScoreOptions = {},
): EvalResult {
  // The three scorers share one shape; the casts keep each accumulator with its own scorer.
  const s = scorer(task) as unknown as {
    make: () => object;
    score: (g: GoldDoc, p: Prediction | undefined, acc: object) => FactOutcome | void;
    metrics: (acc: object) => TaskMetrics;
  };
  const all = s.make();
  const bySrc = new Map<string, object>();
  for (const d of docs) {
    const p = preds.get(d.id);
    const outcome = s.score(d, p, all);
    if (outcome && options.onFactOutcome) options.onFactOutcome(d, outcome);
    if (options.bySource) {
      const src = d.source ?? '(none)';
      if (!bySrc.has(src)) bySrc.set(src, s.make());
      s.score(d, p, bySrc.get(src)!);
    }
  }
  const goldIds = new Set(docs.map((d) => d.id));
  return {
    mode: task,
    gold: goldPath,
    docs: docs.length,
    predictions: preds.size,
    missing_predictions: docs.filter((d) => !preds.has(d.id)).length,
    unknown_ids: [...preds.keys()].filter((id) => !goldIds.has(id)).length,
    results: {
      all: s.metrics(all),
      ...Object.fromEntries([...bySrc].map(([k, v]) => [k, s.metrics(v)])),
    },
  };
}
