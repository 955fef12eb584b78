// Which of a document's places a figure refers to. The rule: the places named in the figure's
// own sentence first (most specific first); else the nearest place before it in the same
// paragraph, or just after it; else the heading of its section (a place alone on its line); else
// the document's most mentioned specific place; else its main
// country where the text names it. Demonyms
// and continents never locate a figure, though they do give its country. A text that names no
// place and no demonym may still give its country through cue words (countryCues.ts).
import type { Place } from '../types.js';
import type { GeoparseResult } from './index.js';

export interface FactPlaces {
  locations: Place[];
  /** ISO3: the first location's country, else a demonym's in the sentence, else the document's. */
  country: string | null;
}

const SPECIFICITY: Record<string, number> = { city: 0, admin2: 1, admin1: 2, region: 3, country: 4 };
/** How far back (characters) the nearest earlier place may be, and how far ahead a later one. */
const BACK = 1500;
const AHEAD = 200;

const locating = (p: Place): boolean =>
  p.kind !== 'demonym' && p.kind !== 'continent' && p.lat !== null && !p.organisation;

function dedupe(places: Place[]): Place[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const k = p.geonameId !== undefined ? String(p.geonameId) : `${p.name}|${p.country}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** What placesForSpan needs of a geoparse result. */
export type PlaceResult = Pick<GeoparseResult, 'places' | 'countries'> &
  Partial<Pick<GeoparseResult, 'countryCue'>>;

export function placesForSpan(
  text: string,
  result: PlaceResult,
  span: readonly [number, number],
): FactPlaces {
  const [start, end] = span;
  const inside = result.places.filter((p) => p.start < end && p.end > start);
  // A dateline abroad says where the news was written ("GENEVA, 28 August (UNHCR) –"), not
  // where the figure happened, even when no full stop ends it before the figure's sentence.
  const main = result.countries[0];
  const nearby = (p: Place) =>
    locating(p) && !isVenue(text, p) && !(main && p.country !== main.iso3 && isDateline(text, p));
  let locations = dedupe(inside.filter(nearby)).sort(
    (a, b) => (SPECIFICITY[a.kind ?? ''] ?? 5) - (SPECIFICITY[b.kind ?? ''] ?? 5) || a.start - b.start,
  );
  if (locations.length === 0) {
    const para = Math.max(text.lastIndexOf('\n\n', start), start - BACK);
    // Where a place stands is asked before the text around it (nearby), the dearer question.
    const before = result.places.filter((p) => p.end <= start && p.start >= para && nearby(p));
    const after = result.places.filter(
      (p) =>
        p.start >= end && p.start <= end + AHEAD && !text.slice(end, p.start).includes('\n\n') && nearby(p),
    );
    const last = before[before.length - 1];
    const next = after[0];
    const pick = last && next ? (start - last.end <= next.start - end ? last : next) : (last ?? next);
    if (pick) locations = [pick];
  }
  // A report in sections under country headings ("FIJI", "AFGHANISTAN"): the heading of the
  // figure's section.
  if (locations.length === 0) {
    const heading = result.places.filter((p) => p.end <= start && locating(p) && isHeading(text, p)).pop();
    if (heading) locations = [heading];
  }
  if (locations.length === 0) {
    const counts = new Map<string, { place: Place; n: number }>();
    for (const p of result.places) {
      if (!locating(p) || p.kind === 'country') continue;
      const k = p.geonameId !== undefined ? String(p.geonameId) : p.name;
      const c = counts.get(k);
      if (c) c.n++;
      else counts.set(k, { place: p, n: 1 });
    }
    const top = [...counts.values()].sort((a, b) => b.n - a.n)[0];
    if (top && top.place.country === (result.countries[0]?.iso3 ?? null)) locations = [top.place];
  }
  // Nothing finer: the document's main country where the text names it ("Guatemala", "Tchad"),
  // at its first mention.
  if (locations.length === 0 && result.countries[0]) {
    const named = result.places.find(
      (p) => locating(p) && p.kind === 'country' && p.country === result.countries[0]!.iso3,
    );
    if (named) locations = [named];
  }
  const demonym = inside.find((p) => p.kind === 'demonym');
  // A document that is clearly about one country keeps it unless the fact's own places say
  // otherwise with more than one voice.
  const located = locations[0]?.country ?? null;
  const country =
    main &&
    main.weight >= 0.6 &&
    located !== main.iso3 &&
    !locations.some((p) => p.country === main.iso3) &&
    locations.length < 2
      ? main.iso3
      : (located ?? demonym?.country ?? main?.iso3 ?? result.countryCue?.iso3 ?? null);
  return { locations, country };
}

/** A place that opens a line and is followed by a comma or a dash: a dateline ("NAIROBI, -",
 * "GENÈVE, 28 août", "Tegucigalpa, Honduras.-"). */
function isDateline(text: string, p: Place): boolean {
  return opensLine(text, p) && /^\s*(?:,|—|–|-\s)/.test(text.slice(p.end, p.end + 3));
}

/** Whether only white space stands between the line's start and the place. */
function opensLine(text: string, p: Place): boolean {
  // Back from the place to the line's start, only over white space (what trim() drops): a
  // slice of the whole line would cost the text's length for every place of every fact in a
  // text without line breaks.
  for (let i = p.start - 1; i >= 0 && text.charCodeAt(i) !== 10; i--) if (!isSpace(text, i)) return false;
  return true;
}

/** A place alone on its line: a section heading ("FIJI", "Northern Region"). */
function isHeading(text: string, p: Place): boolean {
  if (!opensLine(text, p)) return false;
  for (let i = p.end; i < text.length && text.charCodeAt(i) !== 10; i++) if (!isSpace(text, i)) return false;
  return true;
}

/** Is the code unit at i white space or a line break, as `\s` and `trim()` have it? */
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c >= 0xa0 && /\s/.test(text.charAt(i));
}

/** Words before a place that make it where something was said, not where it happened. */
const BRIEFING =
  /(?:briefing|press conference|news conference|reporters|journalists|journalistes|periodistas|la presse|la prensa|point de presse|conférence de presse|rueda de prensa|conferencia de prensa)\s+(?:[\p{L}'’]+\s+){0,3}$/iu;

/** A place where news was given or an organisation sits, not where the figure happened: "told
 * reporters in Geneva", "a briefing in New York", "the Geneva-based agency". */
function isVenue(text: string, p: Place): boolean {
  if (/^[-\s]based\b/i.test(text.slice(p.end, p.end + 7))) return true;
  return BRIEFING.test(text.slice(Math.max(0, p.start - 60), p.start));
}
