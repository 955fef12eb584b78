// The relevance model: a logistic regression over the features of features.ts, trained by
// scripts/train-relevance.mjs and shipped as data (data/classify/relevance-model.json): one
// mean, scale and weight per feature and a bias. Deterministic, a few dozen multiplications per
// document, and every decision splits into per-feature contributions that `explain` shows.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DmonError } from '../errors.js';
import { FEATURE_NAMES } from './features.js';

export interface RelevanceModel {
  bias: number;
  /** Per feature: the training mean and standard deviation it is standardised with, and its weight. */
  features: Array<{ name: string; mean: number; scale: number; weight: number }>;
}

export interface ModelScore {
  /** Log-odds of relevance. */
  logit: number;
  probability: number;
  /** Each feature's share of the log-odds (weight × standardised value). */
  contributions: Array<{ name: string; value: number; points: number }>;
}

export const DEFAULT_MODEL_FILE = fileURLToPath(
  new URL('../../data/classify/relevance-model.json', import.meta.url),
);

/** Reads and checks a model file; every feature it names must be one features.ts computes. */
export function loadModel(file: string = DEFAULT_MODEL_FILE): RelevanceModel {
  if (!existsSync(file))
    throw new DmonError(
      'CONFIG_INVALID',
      `the relevance model ${file} is missing; run scripts/train-relevance.mjs`,
    );
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DmonError(
      'CONFIG_INVALID',
      `${file}: not readable JSON (${(e as Error).message}); retrain or restore it`,
    );
  }
  const m = value as Partial<RelevanceModel>;
  const known = new Set(FEATURE_NAMES);
  const ok =
    typeof m.bias === 'number' &&
    Array.isArray(m.features) &&
    m.features.every(
      (f) =>
        known.has(f.name) &&
        [f.mean, f.scale, f.weight].every((x) => typeof x === 'number' && Number.isFinite(x)) &&
        f.scale > 0,
    );
  if (!ok)
    throw new DmonError(
      'CONFIG_INVALID',
      `${file}: expected {bias, features: [{name, mean, scale, weight}]} over the features of src/classify/features.ts; retrain with scripts/train-relevance.mjs`,
    );
  return { bias: m.bias as number, features: m.features as RelevanceModel['features'] };
}

export function scoreModel(model: RelevanceModel, x: Readonly<Record<string, number>>): ModelScore {
  let logit = model.bias;
  const contributions: ModelScore['contributions'] = [];
  for (const f of model.features) {
    // A feature the caller could not compute (the facts count without the extractor) stands at
    // its training mean: it pushes neither way.
    const value = x[f.name] ?? f.mean;
    const points = (f.weight * (value - f.mean)) / f.scale;
    logit += points;
    contributions.push({ name: f.name, value, points });
  }
  return { logit, probability: 1 / (1 + Math.exp(-logit)), contributions };
}
