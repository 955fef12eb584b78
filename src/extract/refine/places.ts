// Ties places to facts with the geoparser's rule (src/geoparse/factPlaces.ts: the fact's
// sentence first, then the nearest place in its paragraph, then the document's focus place).
// Three additions belong to extraction: in a list of figures each with its place, a figure is
// located at its own ("3,500 in Kasese, 15,000 in Kampala"; a list's entry at the name it opens with); a demonym right after the figure
// names the people counted ("one million Iraqis"), so it locates the fact when nothing else
// does; and refugees and returnees keep the country they left apart from the one they are in
// (refugeeOrigin.ts).
import type { Fact, Place } from '../../types.js';
import { placesForSpan } from '../../geoparse/factPlaces.js';
import { hostDemonym, originCountries } from './refugeeOrigin.js';
import { loadPlacesLexicon } from '../../geoparse/lexicon.js';
import { entryName, ownListName, unlistedPlace } from './unlistedPlace.js';
import { LIST_ENTRY } from '../headedList.js';

export interface PlaceContext {
  places: Place[];
  countries: { iso3: string; weight: number }[];
  /** The country the text's cue words point to, for texts that name no place (geoparse). */
  countryCue?: { iso3: string; score: number; cues: string[] } | null;
}

/** How far after a figure a demonym may stand and still name the people counted. */
const DEMONYM_REACH = 24;

export function attachPlaces(fact: Fact, text: string, ctx: PlaceContext): void {
  const found = placesForSpan(text, ctx, fact.span);
  const own =
    ownListName(fact, text, ctx.places) ??
    (fact.reason.endsWith(LIST_ENTRY) ? entryName(fact, text, ctx.places, found.country) : undefined) ??
    (found.locations.length > 1 ? ownPlace(fact, text, found.locations) : undefined);
  const locations = own ? [own] : found.locations;
  const country = own?.country ?? found.country;
  const counted = ctx.places.find((p) => p.kind === 'demonym' && namesCounted(fact, p));
  fact.locations = locations.length > 0 ? locations : counted ? [counted] : [];
  // Returnees counted by nationality came home to it: "180,000 Chadian returnees" fleeing Sudan are in Chad.
  const home = fact.term === 'returns' && counted?.country ? counted.country : null;
  fact.country = home ?? (counted && locations.length === 0 ? counted.country : country);
  // No place the gazetteer knows in the sentence: a capitalised name after a locative may be one it lacks.
  const inSentence = (p: Place) => p.start >= fact.span[0] && p.end <= fact.span[1];
  if (!fact.locations.some(inSentence)) {
    const unlisted = unlistedPlace(fact, text, ctx.places);
    if (unlisted) fact.locations = [unlisted];
  }
  const origins = originCountries(fact, text, ctx.places);
  if (origins.length > 0) hostOf(fact, origins, ctx, counted, text);
  if (fact.locations.length > 0 && !fact.locations.some(inSentence)) fact.implied.push('locations');
  if (fact.country && !fact.locations.some((p) => p.country === fact.country)) fact.implied.push('country');
}

/** Refugees or returnees from `origins`: their places and country are where they are now, never
 * where they came from; returnees' own demonym ("Afghans returned from Iran") names that. */
function hostOf(fact: Fact, origins: string[], ctx: PlaceContext, counted: Place | undefined, text: string): void {
  const left = (c: string | null | undefined) => !!c && origins.includes(c);
  fact.origin = origins[0]!;
  fact.locations = fact.locations.filter((p) => !left(p.country) && p.kind !== 'demonym');
  const home = fact.term === 'returns' && counted && !left(counted.country) ? counted.country : null;
  // Returnees' own nationality outranks another country the sentence names: "248,189 Afghans
  // returned from Pakistan and 443,968 from Iran" came home to Afghanistan.
  if (home && !fact.locations.some((p) => p.country === home))
    fact.locations = fact.locations.filter((p) => p.kind !== 'country');
  fact.country =
    home ??
    fact.locations[0]?.country ??
    (fact.term === 'refugees' ? hostDemonym(fact, text, ctx.places, origins) : null) ??
    (!left(fact.country) ? fact.country : null) ??
    ctx.countries.find((c) => !left(c.iso3))?.iso3 ??
    null;
}

/** How far after the figure its own place may start ("15,360 displaced people in Ayod"). */
const OWN_REACH = 40;

/**
 * The place a figure names as its own among several in its sentence: the one right after it,
 * behind a locative and nothing but words ("3,546 in Pochalla, 15,360 in Ayod and 22,290 in
 * Uror": each figure has its place). No comma, figure or clause lies between.
 */
function ownPlace(fact: Fact, text: string, places: readonly Place[]): Place | undefined {
  const { locatives } = loadPlacesLexicon();
  const from = fact.quantity_span[1];
  for (const p of places) {
    if (p.start < from || p.start - from > OWN_REACH) continue;
    const between = text.slice(from, p.start);
    if (!/^[\p{L}\s'’-]*$/u.test(between)) continue;
    const last = /([\p{L}]+)['’]?\s*$/u.exec(between)?.[1]?.toLowerCase();
    // Only as specific as the sentence's other places: "crossing into Afghanistan through
    // Torkham" is located at the crossing.
    if (last && locatives.has(last) && p.kind === places[0]!.kind) return p;
  }
  return undefined;
}

function namesCounted(fact: Fact, p: Place): boolean {
  const gap = p.start - fact.quantity_span[1];
  return gap >= 0 && gap <= DEMONYM_REACH;
}
