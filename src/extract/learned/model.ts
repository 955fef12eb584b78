// The learned linker's model: logistic weights over named features (data/linker.json, written by
// scripts/train-linker.mts) and the probability threshold above which a pair becomes a fact.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Features } from './features.js';

export interface LinkerModel {
  weights: Record<string, number>;
  threshold: number;
}

let shipped: LinkerModel | null | undefined;

/** The model shipped in data/linker.json, or null when there is none (before the first training). */
export function shippedLinker(): LinkerModel | null {
  if (shipped !== undefined) return shipped;
  const file = fileURLToPath(new URL('../../../data/linker.json', import.meta.url));
  shipped = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LinkerModel) : null;
  return shipped;
}

/**
 * Whether a pair could reach the threshold once the document's features (relevance and facts,
 * each between 0 and 1, added after classify) are known: the sentence's part plus their largest
 * possible contribution. Lets the dearer gates run only for such pairs.
 */
export function couldPass(model: LinkerModel): (x: Features) => boolean {
  const documentMax =
    Math.max(0, model.weights.relevance ?? 0) + Math.max(0, model.weights.document_facts ?? 0);
  const logit = Math.log(model.threshold / (1 - model.threshold));
  return (x) => {
    let z = documentMax;
    for (const [k, v] of x) z += (model.weights[k] ?? 0) * v;
    return z >= logit;
  };
}

export function probability(model: Pick<LinkerModel, 'weights'>, x: Features): number {
  let z = 0;
  for (const [k, v] of x) z += (model.weights[k] ?? 0) * v;
  return 1 / (1 + Math.exp(-z));
}
