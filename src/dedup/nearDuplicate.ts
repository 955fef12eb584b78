// Near-duplicate detection for article texts: the same story syndicated with another headline,
// dateline or footer, or lightly edited, is one article. Two tools:
// - isNearDuplicate(a, b): exact — the Jaccard similarity of the two texts' word-pair sets.
// - isNearDuplicateCandidate(h1, h2): a cheap pre-filter on stored 64-bit simhashes, to find
//   which earlier articles are worth the exact test.
// simhash alone is too noisy for short texts to decide: a 250-word article has only ~250
// shingles, and its Hamming distances scatter by ±3 bits around their expectation.
import { hammingDistance, shingles } from './hash.js';

/**
 * Two texts whose word-pair sets have Jaccard similarity at least this are near-duplicates.
 * On our calibration texts (neardup.test.ts): an added dateline and footer ≈ 0.9, one
 * rewritten sentence ≈ 0.9, the last of four paragraphs dropped ≈ 0.75; the same event written
 * by another outlet ≈ 0.1, another event < 0.05, the first half only ≈ 0.5.
 */
export const NEAR_DUPLICATE_MIN_JACCARD = 0.7;

/**
 * simhash distance under which a stored article is a candidate for the exact test. Two texts at
 * the Jaccard threshold share ~82 % of their shingles; the expected distance is then ≈ 12 bits
 * (64·θ/π with cos θ ≈ 0.82) with a spread of ≈ 3, so 18 keeps ≈ 97 % of them, while unrelated
 * texts (≈ 32 ± 4 bits) pass with probability ≈ 1e-4.
 */
export const SIMHASH_CANDIDATE_MAX_DISTANCE = 18;

export interface NearDuplicateOptions {
  minJaccard?: number;
}

/** Jaccard similarity (0..1) of the two texts' word-pair sets; 1 for two texts without words. */
export function shingleJaccard(a: string, b: string): number {
  const sa = shingles(a);
  const sb = shingles(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / (sa.size + sb.size - shared);
}

/** Whether two texts are the same article give or take small edits. */
export function isNearDuplicate(a: string, b: string, options: NearDuplicateOptions = {}): boolean {
  return shingleJaccard(a, b) >= (options.minJaccard ?? NEAR_DUPLICATE_MIN_JACCARD);
}

/** Whether two stored simhashes (bigint or hex) are close enough to run isNearDuplicate on the texts. */
export function isNearDuplicateCandidate(
  a: bigint | string,
  b: bigint | string,
  maxDistance = SIMHASH_CANDIDATE_MAX_DISTANCE,
): boolean {
  return hammingDistance(a, b) <= maxDistance;
}
