// The offline geoparser: finds place names in a text and resolves each to a gazetteer entry in
// the context of the whole document. Pipeline: recognize (candidate retrieval) → resolve
// (ranking and look-alike removal) → places. Pure apart from loading the gazetteer and lexicon
// once (lazily, cached in module scope).
import countries from 'i18n-iso-countries';
import type { Place } from '../types.js';
import { loadGazetteer, type Gazetteer, type GazetteerEntry } from './gazetteer.js';
import { loadPlacesLexicon, type PlacesLexicon } from './lexicon.js';
import { findMentions, tokenize } from './recognize.js';
import { cueCountry } from './countryCues.js';
import { describeScore, resolveMentions } from './resolve.js';

export type { Gazetteer, GazetteerEntry, PlaceKind } from './gazetteer.js';
export {
  loadGazetteer,
  readGazetteer,
  createGazetteer,
  parseGazetteerIndex,
  DEFAULT_GAZETTEER_PATH,
} from './gazetteer.js';
export { readPlacesLexicon, loadPlacesLexicon, type PlacesLexicon } from './lexicon.js';
export { normalizeName } from './normalize.js';

export interface GeoparseOptions {
  /** The gazetteer to use; the built index by default. */
  gazetteer?: Gazetteer;
  /** The places lexicon; lexicon/<lang>/places by default. */
  lexicon?: PlacesLexicon;
  /** Publication date (YYYY-MM-DD); accepted for the contract, not used for places yet. */
  published?: string | null;
  /** Attach every mention's ranked candidates with their scores. */
  debug?: boolean;
  /** Leave demonyms ("Iraqi") out of `places` (they still feed `countries`). */
  demonyms?: boolean;
}

export interface DebugCandidate {
  name: string;
  geonameId: number;
  kind: string;
  country: string | null;
  admin1: string | null;
  population: number;
  lat: number;
  lon: number;
  score: number;
  reasons: string[];
}

export interface DebugMention {
  start: number;
  end: number;
  name: string;
  accepted: boolean;
  reason: string;
  candidates: DebugCandidate[];
}

export interface GeoparseResult {
  places: Place[];
  /** The document's country context (ISO3), strongest first; weights sum to 1. */
  countries: { iso3: string; weight: number }[];
  /** The country that the text's cue words point to (administrative-unit words, agencies,
   * currencies, lower-case demonyms), when one stands out: for texts that name no place. */
  countryCue: { iso3: string; score: number; cues: string[] } | null;
  /** With `debug`: every name found, accepted or not, with its ranked candidates. */
  debug?: DebugMention[];
}

const FEATURE_CLASS: Record<string, string> = {
  country: 'A',
  admin1: 'A',
  admin2: 'A',
  city: 'P',
  region: 'L',
  continent: 'L',
};

/** ISO 3166-1 alpha-2 → alpha-3 (Kosovo's user-assigned XKX included). */
export function iso3(cc: string): string | null {
  if (!cc) return null;
  if (cc === 'XK') return 'XKX';
  return countries.alpha2ToAlpha3(cc) ?? null;
}

function admin1Name(gaz: Gazetteer, e: GazetteerEntry): string | null {
  if (e.kind === 'admin1') return e.name;
  if (!e.admin1 || e.kind === 'country') return null;
  return gaz.admin1(e.country, e.admin1)?.name ?? null;
}

export function geoparse(text: string, options: GeoparseOptions = {}): GeoparseResult {
  const gaz = options.gazetteer ?? loadGazetteer();
  const lex = options.lexicon ?? loadPlacesLexicon();
  const toks = tokenize(text);
  // An aid organisation that works abroad names no place of the text ("Norwegian Refugee Council").
  const mentions = findMentions(text, gaz, lex, toks).filter((m) => !m.abroad);
  const cue = cueCountry(text, toks, lex.countryCues);
  const { resolutions, countries: ctx } = resolveMentions(mentions, gaz);
  const places: Place[] = [];
  for (const r of resolutions) {
    const e = r.entry;
    const m = r.mention;
    if (!e) continue;
    if (m.demonym && (options.demonyms === false || lex.demonymNoPlace.has(m.key))) continue;
    const place: Place = {
      name: text.slice(m.start, m.end),
      start: m.start,
      end: m.end,
      lat: e.lat,
      lon: e.lon,
      country: iso3(e.country),
      admin1: admin1Name(gaz, e),
      featureClass: FEATURE_CLASS[e.kind] ?? 'L',
      kind: m.demonym ? 'demonym' : e.kind,
    };
    if (e.id > 0) place.geonameId = e.id;
    // "Kathmandu Post", "Kenya Red Cross": country context, never where a figure is.
    if (m.organisation && !m.demonym) place.organisation = true;
    places.push(place);
  }
  const result: GeoparseResult = {
    places,
    countries: [...ctx]
      .map(([cc, weight]) => ({ iso3: iso3(cc) ?? cc, weight: Math.round(weight * 1000) / 1000 }))
      .filter((c) => c.weight > 0),
    countryCue: cue ? { iso3: iso3(cue.country) ?? cue.country, score: cue.score, cues: cue.cues } : null,
  };
  if (options.debug) {
    result.debug = resolutions.map((r) => ({
      start: r.mention.start,
      end: r.mention.end,
      name: text.slice(r.mention.start, r.mention.end),
      accepted: r.entry !== null,
      reason: r.reason,
      candidates: r.ranked.slice(0, 8).map((c) => ({
        name: c.entry.name,
        geonameId: c.entry.id,
        kind: c.entry.kind,
        country: iso3(c.entry.country),
        admin1: admin1Name(gaz, c.entry),
        population: c.entry.population,
        lat: c.entry.lat,
        lon: c.entry.lon,
        score: Math.round(c.score * 100) / 100,
        reasons: describeScore(c.parts),
      })),
    }));
  }
  return result;
}

export { placesForSpan, type FactPlaces } from './factPlaces.js';
