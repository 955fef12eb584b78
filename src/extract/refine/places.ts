// Ties places to facts with the geoparser's rule (src/geoparse/factPlaces.ts: the fact's
// sentence first, then the nearest place in its paragraph, then the document's focus place).
// One addition belongs to extraction: a demonym right after the figure names the people
// counted ("one million Iraqis"), so it locates the fact when nothing else does.
import type { Fact, Place } from '../../types.js';
import { placesForSpan } from '../../geoparse/factPlaces.js';

export interface PlaceContext {
  places: Place[];
  countries: { iso3: string; weight: number }[];
}

/** How far after a figure a demonym may stand and still name the people counted. */
const DEMONYM_REACH = 24;

export function attachPlaces(fact: Fact, text: string, ctx: PlaceContext): void {
  const { locations, country } = placesForSpan(text, ctx, fact.span);
  const counted = ctx.places.find((p) => p.kind === 'demonym' && namesCounted(fact, p));
  fact.locations = locations.length > 0 ? locations : counted ? [counted] : [];
  fact.country = counted && locations.length === 0 ? counted.country : country;
  const inSentence = (p: Place) => p.start >= fact.span[0] && p.end <= fact.span[1];
  if (fact.locations.length > 0 && !fact.locations.some(inSentence)) fact.implied.push('locations');
  if (fact.country && !fact.locations.some((p) => p.country === fact.country)) fact.implied.push('country');
}

function namesCounted(fact: Fact, p: Place): boolean {
  const gap = p.start - fact.quantity_span[1];
  return gap >= 0 && gap <= DEMONYM_REACH;
}
