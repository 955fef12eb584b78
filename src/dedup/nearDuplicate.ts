// Near-duplicate test for article texts: the same story syndicated with another headline,
// dateline or footer, or lightly edited, is one article for counting purposes.
import { contentHash, hammingDistance, normaliseForHash, simhash } from './hash.js';

/**
 * Largest simhash Hamming distance (of 64 bits) at which two texts count as near-duplicates.
 * For two unrelated texts the distance is about Binomial(64, ½): P(distance ≤ 10) ≈ 1e-8, so
 * chance matches are negligible even across millions of pairs; on our calibration texts an
 * added dateline and footer cost 7 bits and a rewritten sentence 4 (see neardup.test.ts).
 */
export const NEAR_DUPLICATE_MAX_DISTANCE = 10;

/**
 * Below this many words a simhash says little (a few shingles decide every bit), so shorter
 * texts are near-duplicates only when their normalised texts are identical.
 */
export const NEAR_DUPLICATE_MIN_WORDS = 20;

export interface NearDuplicateOptions {
  maxDistance?: number;
}

function wordCount(text: string): number {
  const n = normaliseForHash(text);
  return n === '' ? 0 : n.split(' ').length;
}

/** Whether two texts are the same article give or take small edits. */
export function isNearDuplicate(a: string, b: string, options: NearDuplicateOptions = {}): boolean {
  const max = options.maxDistance ?? NEAR_DUPLICATE_MAX_DISTANCE;
  if (Math.min(wordCount(a), wordCount(b)) < NEAR_DUPLICATE_MIN_WORDS)
    return contentHash(a) === contentHash(b);
  return hammingDistance(simhash(a), simhash(b)) <= max;
}
