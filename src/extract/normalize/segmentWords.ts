// Word segmentation of one glued token ("wereevacuated" → were + evacuated): the cheapest way to
// cut it into known words, by dynamic programming over its cut points (linear in its length times
// the longest word). Each part costs a constant, so few long words beat many short ones, plus a
// price by frequency class, so common words beat rare ones ("were evacuated", not "wee re …").
// Short parts are where false cuts come from, so 1–2 letter parts must be in the lexicon's
// shortParts and 3–5 letter parts must be reasonably common. A one-letter word ("a") stands
// before the word it goes with, so it ends a token only after a short or very common word
// ("ina", "aftera"), never after another ("para" is not "par a").
import { PROTECTED_CLASS, type Dictionary } from './dictionary.js';

/** Tokens longer than this are not segmented (they are rarely glued words, and it bounds the work). */
export const MAX_GLUED = 40;
const MAX_PART = 24;
const PER_PART = 2;
/** The rarest class a part of this length may have: short rare words make false cuts. */
const rarestFor = (length: number): number => (length <= 3 ? 35 : length <= 5 ? 55 : 70);
/** Price of a class: roughly the log of how much rarer its words are. */
const classCost = (c: number): number =>
  c <= 10 ? 0 : c <= 20 ? 0.5 : c <= 35 ? 1 : c <= 50 ? 2 : c <= 60 ? 3 : 4;

export interface SegmentOptions {
  /** The rarest class any part may have (capitalised tokens, which may be names, ask for more). */
  rarest?: number;
}

/** The parts of `word` (lower case), or null when it cannot be cut into two or more known words. */
export function segmentWords(word: string, dict: Dictionary, options: SegmentOptions = {}): string[] | null {
  const n = word.length;
  if (n > MAX_GLUED) return null;
  const rarest = options.rarest ?? 70;
  const best = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1);
  best[0] = 0;
  for (let i = 1; i <= n; i++) {
    const last = i === n ? i - 2 : i - 1;
    for (let j = Math.max(0, i - MAX_PART); j <= last; j++) {
      if (best[j] === Infinity) continue;
      const c = partCost(word.slice(j, i), dict, rarest);
      if (best[j]! + c < best[i]!) {
        best[i] = best[j]! + c;
        from[i] = j;
      }
    }
  }
  // A final one-letter word, after a short or very common one: "in a", "after a".
  let lastLetter = -1;
  if (n >= 3 && dict.shortParts.has(word[n - 1]!)) {
    for (let j = Math.max(0, n - 1 - MAX_PART); j < n - 1; j++) {
      const before = word.slice(j, n - 1);
      if (best[j] === Infinity || !(dict.shortParts.has(before) || dict.classOf(before) === 10)) continue;
      const c = best[j]! + partCost(before, dict, rarest) + PER_PART;
      if (c < best[n]!) {
        best[n] = c;
        lastLetter = j;
      }
    }
  }
  if (best[n] === Infinity) return null;
  const parts: string[] = lastLetter >= 0 ? [word.slice(lastLetter, n - 1), word[n - 1]!] : [];
  for (let i = lastLetter >= 0 ? lastLetter : n; i > 0; i = from[i]!) parts.unshift(word.slice(from[i]!, i));
  return parts.length >= 2 ? parts : null;
}

function partCost(part: string, dict: Dictionary, rarest: number): number {
  if (part.length <= 2) return dict.shortParts.has(part) ? PER_PART : Infinity;
  const c = dict.classOf(part);
  if (c === undefined || c === PROTECTED_CLASS || c > Math.min(rarest, rarestFor(part.length)))
    return Infinity;
  // A three-letter word less common than "the" or "had" rarely beats a short function word:
  // "homes in the", not "home sin the".
  return PER_PART + classCost(c) + (part.length === 3 && c > 10 ? 1 : 0);
}
