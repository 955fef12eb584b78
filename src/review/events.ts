// Reviewers' merges and splits, applied to the events clustering computes. Each names claims
// (whose ids survive re-clustering), not only events, so it finds its events again after the
// store is clustered anew; one whose claims are all gone does nothing. Reviews apply in the
// order they were made.
import type { Claim } from '../claims/types.js';
import { eventFromClaims } from '../events/cluster.js';
import type { DisplacementEvent } from '../events/types.js';
import type { EventReview } from './types.js';

function holding(events: DisplacementEvent[], claimIds: readonly string[]): number[] {
  const wanted = new Set(claimIds);
  const out: number[] = [];
  events.forEach((e, i) => {
    if (e.claims.some((c) => wanted.has(c.id))) out.push(i);
  });
  return out;
}

export function applyEventReviews(
  events: readonly DisplacementEvent[],
  reviews: readonly EventReview[],
): DisplacementEvent[] {
  let out = [...events];
  for (const r of [...reviews].sort((a, b) => a.id - b.id)) {
    if (r.action === 'merge') {
      const into = holding(out, r.intoClaims)[0];
      if (into === undefined) continue;
      const from = holding(out, r.fromClaims).filter((i) => i !== into);
      if (from.length === 0) continue;
      const claims: Claim[] = [...out[into]!.claims, ...from.flatMap((i) => out[i]!.claims)];
      const merged = eventFromClaims(claims, out[into]!.id);
      const gone = new Set(from);
      out = out.flatMap((e, i) => (i === into ? [merged] : gone.has(i) ? [] : [e]));
    } else {
      const moving = new Set(r.claims);
      const sources = holding(out, r.claims);
      if (sources.length === 0 || out.some((e) => e.id === r.newEventId)) continue;
      const moved = sources.flatMap((i) => out[i]!.claims.filter((c) => moving.has(c.id)));
      const next: DisplacementEvent[] = [];
      out.forEach((e, i) => {
        if (!sources.includes(i)) return void next.push(e);
        const kept = e.claims.filter((c) => !moving.has(c.id));
        if (kept.length) next.push(eventFromClaims(kept, e.id));
      });
      next.push(eventFromClaims(moved, r.newEventId));
      out = next;
    }
  }
  return out;
}
