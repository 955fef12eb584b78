// Cause and hazard: conflict, disaster (with its hazard) or other. Each cue adds its weight,
// more when it stands near a displacement cue ("fled the fighting", "evacuated ahead of the
// storm"), less for each repeat of the same phrase. The cause with most points wins; the
// hazard is the disaster hazard with most points, a named hazard before the generic "other".
import type { Cause, Hazard } from '../types.js';
import type { Cue } from './evidence.js';
import { damp } from './evidence.js';
import type { CauseCue } from './lexicon.js';
import type { Hit } from './matcher.js';

/** Extra weight for a cue next to a displacement cue, fading with distance (in words). */
const NEAR_BONUS = 1.5;
const NEAR_SCALE = 12;
/** Each repeat of the same phrase counts this much of the previous one. */
const PHRASE_DAMPING = 0.75;
/** Fewest points for a cause to be named at all. */
export const CAUSE_MIN_POINTS = 1;

export interface CauseResult {
  cause: Cause | null;
  hazard: Hazard | null;
  points: Record<Cause, number>;
  cues: Cue[];
}

export function scoreCause(
  hits: readonly Hit<CauseCue>[],
  anchors: readonly number[],
  minPoints = CAUSE_MIN_POINTS,
): CauseResult {
  const points: Record<Cause, number> = { conflict: 0, disaster: 0, other: 0 };
  const hazards = new Map<Hazard, number>();
  const repeats = new Map<string, number>();
  const cues: Cue[] = [];
  for (const hit of hits) {
    const k = repeats.get(hit.phrase) ?? 0;
    repeats.set(hit.phrase, k + 1);
    const near = 1 + NEAR_BONUS * Math.exp(-distance(hit.from, hit.to, anchors) / NEAR_SCALE);
    // A phrase listed under several causes (rare) speaks for each of them.
    const byCause = new Map<string, CauseCue>();
    for (const v of hit.values) {
      const key = `${v.cause}/${v.hazard ?? ''}`;
      const prev = byCause.get(key);
      if (!prev || v.weight > prev.weight) byCause.set(key, v);
    }
    for (const v of byCause.values()) {
      if (v.weight === 0) continue; // a blocking phrase: it only hides the words inside it
      const w = v.weight * near * damp(k, PHRASE_DAMPING);
      points[v.cause] += w;
      if (v.hazard) hazards.set(v.hazard, (hazards.get(v.hazard) ?? 0) + w);
      cues.push({
        kind: 'cause',
        label: v.hazard ? `disaster/${v.hazard}` : v.cause,
        match: hit.phrase,
        span: [hit.start, hit.end],
        weight: w,
        reason: v.reason,
      });
    }
  }
  const ranked = (Object.entries(points) as Array<[Cause, number]>).sort((a, b) => b[1] - a[1]);
  const [top, topPoints] = ranked[0] as [Cause, number];
  const cause = topPoints >= minPoints ? top : null;
  return { cause, hazard: cause === 'disaster' ? topHazard(hazards) : null, points, cues };
}

function topHazard(hazards: Map<Hazard, number>): Hazard | null {
  let best: Hazard | null = null;
  let bestPoints = 0;
  for (const [h, p] of hazards) {
    if (h === 'other') continue;
    if (p > bestPoints) [best, bestPoints] = [h, p];
  }
  // A named hazard wins unless the generic disaster cues far outweigh it.
  const generic = hazards.get('other') ?? 0;
  if (best && bestPoints * 3 >= generic) return best;
  return generic > 0 ? 'other' : best;
}

/** Words from a cue to the nearest displacement anchor (Infinity when there is none). */
function distance(from: number, to: number, anchors: readonly number[]): number {
  // Anchors are sorted: binary search for the first anchor at or after `from`.
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((anchors[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  let best = Infinity;
  const before = anchors[lo - 1];
  if (before !== undefined) best = from - before;
  const after = anchors[lo];
  if (after !== undefined) best = Math.min(best, after < to ? 0 : after - to + 1);
  return best;
}
