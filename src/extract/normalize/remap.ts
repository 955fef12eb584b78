// Moves a fact's evidence from the repaired text back onto the original: the spans, the date's
// span (and its text, re-read from the original so that text.slice(span) still equals it) and
// every location's start and end. Places are shared between facts, so each is copied, never
// moved in place.
import type { Fact, Place } from '../../types.js';
import type { OffsetMap } from './offsetMap.js';

export function mapFactsToOriginal(facts: Fact[], map: OffsetMap, original: string): void {
  if (map.isIdentity) return;
  const places = new Map<Place, Place>();
  const place = (p: Place): Place => {
    let q = places.get(p);
    if (!q) {
      const [start, end] = map.toOriginal([p.start, p.end]);
      places.set(p, (q = { ...p, start, end }));
    }
    return q;
  };
  for (const f of facts) {
    f.span = map.toOriginal(f.span);
    f.quantity_span = map.toOriginal(f.quantity_span);
    f.term_span = map.toOriginal(f.term_span);
    if (f.date) {
      const span = map.toOriginal(f.date.span);
      f.date = { ...f.date, span, text: original.slice(span[0], span[1]) };
    }
    f.locations = f.locations.map(place);
  }
}
