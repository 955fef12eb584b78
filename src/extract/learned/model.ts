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

export function probability(model: Pick<LinkerModel, 'weights'>, x: Features): number {
  let z = 0;
  for (const [k, v] of x) z += (model.weights[k] ?? 0) * v;
  return 1 / (1 + Math.exp(-z));
}
