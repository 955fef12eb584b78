// Ties places to facts: the places named in the fact's sentence, nearest to the figure first;
// when the sentence names none, the nearest places in the two sentences before it; when those
// name none either, the document's focus place. A demonym counts only where it names the people
// counted ("one million Iraqis"), not where it names an actor ("Iraqi forces"). The fact's
// country is its first place's country, else the strongest country of the document.
import type { Fact, Place, Span } from '../../types.js';

export interface PlaceContext {
  places: Place[];
  countries: { iso3: string; weight: number }[];
}

const LOOKBACK_SENTENCES = 2;
/** How far after a figure a demonym may stand and still name the people counted. */
const DEMONYM_REACH = 24;

export function attachPlaces(fact: Fact, sentences: Span[], sentenceIndex: number, ctx: PlaceContext): void {
  const figureAt = fact.quantity_span[0];
  const inSpan = (s: Span) =>
    ctx.places.filter(
      (p) =>
        p.start >= s[0] &&
        p.end <= s[1] &&
        p.kind !== 'continent' &&
        (p.kind !== 'demonym' || namesCounted(fact, p)),
    );
  let found = inSpan(fact.span);
  for (let k = 1; found.length === 0 && k <= LOOKBACK_SENTENCES; k++) {
    const prev = sentences[sentenceIndex - k];
    if (prev) found = inSpan(prev);
  }
  if (found.length === 0) {
    const focus = focusPlace(ctx);
    if (focus) {
      found = [focus];
      fact.implied.push('locations');
    }
  }
  found = [...found].sort(
    (a, b) => rank(a) - rank(b) || Math.abs(a.start - figureAt) - Math.abs(b.start - figureAt),
  );
  // One entry per distinct place.
  const seen = new Set<string>();
  fact.locations = found.filter((p) => {
    const key = `${p.name.toLowerCase()}|${p.country}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const located = fact.locations.find((p) => p.country);
  if (located?.country) fact.country = located.country;
  else if (ctx.countries[0]) {
    fact.country = ctx.countries[0].iso3;
    fact.implied.push('country');
  }
}

function namesCounted(fact: Fact, p: Place): boolean {
  const gap = p.start - fact.quantity_span[1];
  return gap >= 0 && gap <= DEMONYM_REACH;
}

/**
 * The place a document is about when a figure's own sentences name none: the most mentioned
 * town, district or region of the document's main country ("Mosul" in an op-ed on its battle).
 */
function focusPlace(ctx: PlaceContext): Place | null {
  const main = ctx.countries[0]?.iso3;
  const counts = new Map<string, { place: Place; n: number }>();
  for (const p of ctx.places) {
    if (p.kind === 'country' || p.kind === 'continent' || p.kind === 'demonym') continue;
    if (main && p.country !== main) continue;
    const key = `${p.name.toLowerCase()}|${p.lat}|${p.lon}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { place: p, n: 1 });
  }
  let best: { place: Place; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  // One passing mention is no focus.
  return best && best.n >= 2 ? best.place : null;
}

/** Specific places before broad ones: a town says more than its country. */
function rank(p: Place): number {
  switch (p.kind) {
    case 'country':
    case 'demonym':
      return 2;
    case 'region':
      return 1;
    default:
      return 0;
  }
}
