// Displacement wording: how much a text speaks of people displaced, evacuated, sheltered, made
// homeless, refugees or returning, or of homes destroyed. Lexicon cues add evidence points, pair
// rules add points for two cues close together ("houses … washed away"), repeats of a tag count
// less and less, and long texts need more points. The sum is one feature of the relevance model
// (features.ts, model.ts); the anchors (where displacement is talked about) weigh cause cues.
import type { Cue } from './evidence.js';
import { damp } from './evidence.js';
import type { CompiledLexicon, RelevanceCue } from './lexicon.js';
import type { Hit } from './matcher.js';
import type { Word } from './words.js';
import { ANCHOR_TAGS } from './features.js';

/** Length (in words) up to which points are not scaled down. */
export const LENGTH_REF = 400;
/** Longest texts (about 3,600 words and more) are all scaled the same: a long report full of
 * displacement figures stays relevant. */
const MAX_LENGTH_SCALE = 3;
/** Each further hit of the same tag counts this much of the previous one. */
const TAG_DAMPING = 0.55;

export interface RelevanceResult {
  points: number;
  /** Word indices of displacement cues, to weigh cause cues by how near they are. */
  anchors: number[];
  cues: Cue[];
}

export function scoreRelevance(
  lexicon: CompiledLexicon,
  ws: readonly Word[],
  hits: readonly Hit<RelevanceCue>[],
): RelevanceResult {
  const cues: Cue[] = [];
  const anchors: number[] = [];
  const seen = new Map<string, number>();
  let points = 0;
  for (const hit of hits) {
    // A phrase in several groups counts once, for its strongest group.
    const best = hit.values.reduce((a, b) => (Math.abs(b.weight) > Math.abs(a.weight) ? b : a));
    if (best.weight === 0) continue;
    const k = seen.get(best.tag) ?? 0;
    seen.set(best.tag, k + 1);
    const w = best.weight * damp(k, TAG_DAMPING);
    points += w;
    cues.push({
      kind: 'relevance',
      label: best.tag,
      match: hit.phrase,
      span: [hit.start, hit.end],
      weight: w,
      reason: best.reason,
    });
    if (best.weight > 0 && hit.values.some((v) => ANCHOR_TAGS.has(v.tag))) anchors.push(hit.from);
  }
  for (const rule of lexicon.pairs) {
    const as = hits.filter((h) => h.values.some((v) => v.tag === rule.a));
    const bs = hits.filter((h) => h.values.some((v) => v.tag === rule.b));
    const used = new Set<Hit<RelevanceCue>>();
    let k = 0;
    for (const a of as) {
      const b = nearestFree(bs, a, rule.window, used);
      if (!b) continue;
      used.add(b);
      const w = rule.weight * damp(k++, TAG_DAMPING);
      points += w;
      const span: [number, number] = [Math.min(a.start, b.start), Math.max(a.end, b.end)];
      cues.push({
        kind: 'relevance',
        label: `${rule.a}+${rule.b}`,
        match: `${a.phrase} … ${b.phrase}`,
        span,
        weight: w,
        reason: rule.reason,
      });
      anchors.push(Math.min(a.from, b.from));
    }
  }
  // Long texts gather passing mentions; beyond LENGTH_REF words, points shrink with the square
  // root of the length (up to a cap), so a 2,000-word article needs about twice the cues of a
  // paragraph.
  const scale = Math.min(MAX_LENGTH_SCALE, Math.sqrt(Math.max(1, ws.length / LENGTH_REF)));
  points /= scale;
  anchors.sort((a, b) => a - b);
  return { points, anchors, cues };
}

/** Words between two hits (0 when they touch or overlap). */
function gap(a: Hit<unknown>, b: Hit<unknown>): number {
  return a.from < b.from ? Math.max(0, b.from - a.to) : Math.max(0, a.from - b.to);
}

/** The first unused hit of `bs` (in text order) within `window` words of `a`. */
function nearestFree<T>(bs: readonly Hit<T>[], a: Hit<T>, window: number, used: Set<Hit<T>>): Hit<T> | null {
  // Hits do not overlap and come in text order, so `to` grows with the index: binary search
  // for the first hit that ends no earlier than `window` words before `a`.
  let lo = 0;
  let hi = bs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((bs[mid] as Hit<T>).to + window < a.from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < bs.length; i++) {
    const b = bs[i] as Hit<T>;
    if (b.from > a.to + window) break;
    if (b !== a && !used.has(b) && gap(a, b) <= window) return b;
  }
  return null;
}
