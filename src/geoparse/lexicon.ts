// The hand-written place lexicon (lexicon/<lang>/places/*.json): demonyms, abbreviations and
// the word lists that tell a place from a look-alike. Loaded once; pure data, no logic.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeName } from './normalize.js';
import { addCueFile, type CueFile, type CueIndex } from './countryCues.js';

export interface PlacesLexicon {
  /** Normalised demonym ("iraqi", "iraqis", "south sudanese") → ISO2. */
  demonyms: Map<string, string>;
  /** Demonyms that give country context but are not emitted as places. */
  demonymNoPlace: Set<string>;
  /** Abbreviation as written ("Ky.", "U.S.") → "CC.ADMIN1" or "CC". */
  abbreviations: Map<string, string>;
  notPlaces: Set<string>;
  titles: Set<string>;
  firstNames: Set<string>;
  orgHeads: Set<string>;
  /** Words after a demonym or country that make an aid organisation working abroad ("Norwegian Refugee Council"). */
  abroadOrgs: string[][];
  directional: Set<string>;
  featureWords: Set<string>;
  /** Feature words of settlements ("town", "camp"): they join a name only when the gazetteer has the whole. */
  settlementWords: Set<string>;
  /** Area words whose areas are often named after their seat town ("Sunamganj district"). */
  seatNamed: Set<string>;
  connectors: Set<string>;
  personVerbs: Set<string>;
  streetWords: Set<string>;
  locatives: Set<string>;
  surnames: Set<string>;
  /** Plural administrative word → singular ("counties" → "county"). */
  pluralFeatures: Map<string, string>;
  /** Words before a storm's name ("Cyclone", "Typhoon"): the name after them is no place. */
  stormWords: Set<string>;
  /** Word prefixes written with a hyphen ("Pre-", "Anti-"): never a place before the hyphen. */
  prefixes: Set<string>;
  /** Words that label a numbered or lettered part ("Annex C", "Table 1", "Zona 5"): the extraction
   * lexicon's `label_before` (nonfigures.json), normalised. */
  labelWords: Set<string>;
  /** Words that tell a text's country when it names no place (country-cues.json). */
  countryCues: CueIndex;
  /** Particles inside personal names ("von der Leyen", "bin Salman", "de Guindos"). */
  nameParticles: Set<string>;
  /** The particles that also join place names: they need a known given name before them. */
  romanceParticles: Set<string>;
  /** Words before a lower-case "by" that open a byline ("Reporting by"). */
  bylineLeads: Set<string>;
  /** Words after a place that make an organisation of it ("Kathmandu Post"), normalised. */
  orgNames: Set<string>;
  /** Words before "of" that make the place after it an organisation's ("University of Nairobi"). */
  orgOf: Set<string>;
  /** Titles of an office written in lower case before "de"/"del" ("la defensora del Pueblo"). */
  orgOfTitles: Set<string>;
  /** Words before a place that say people came from it ("refugees from Syria"). */
  originWords: string[];
  /** Words that lead to where people went ("to", "into", "vers"): an origin word before them
   * names no origin ("who had escaped to Chad"). */
  towardWords: string[];
  /** Parts of a country ("est", "norte", "east") an origin word may follow without naming an origin: "dans l'est du Tchad". */
  partOfWords: Set<string>;
  /** Words joining the names of a list ("Hamilton, Preble and Warren counties"), alone or after a comma. */
  listJoiners: Set<string>;
  /** The words after a name that make it a news agency's ("Fars News Agency"), one list per phrase. */
  agencyNames: string[][];
  /** The vowels a name unknown to the gazetteer is respelled with, one at a time ("Netrokona" → Netrakona). */
  respellVowels: string[];
  /** Words after a name that make it a river, lake or mountain ("Niger River", "Nuba Mountains"). */
  landformsAfter: Set<string>;
  /** Words before a name that make it one ("Lake Victoria", "Mount Kenya", "lac Tchad"). */
  landformsBefore: Set<string>;
  /** Words before a name that make it a building's, no place: a school or church named after a saint or a
   * hero ("la iglesia San José", "l'école Jean Moulin"). */
  buildingsBefore: Set<string>;
  /** Words before "of" and a name that make it one ("Gulf of Mexico", "golfo de México"). */
  landformsOf: Set<string>;
  /** Countries (ISO alpha-2) where the language of a lexicon folder is spoken, by that language ("es" → ES, MX, …). */
  languageCountries: Map<string, Set<string>>;
}

export const DEFAULT_LEXICON_DIR = fileURLToPath(new URL('../../lexicon/', import.meta.url));

interface StopwordsFile {
  notPlaces?: string[];
  titles?: string[];
  firstNames?: string[];
  orgHeads?: string[];
  abroadOrgs?: string[];
  directional?: string[];
  featureWords?: string[];
  settlementWords?: string[];
  seatNamed?: string[];
  connectors?: string[];
  personVerbs?: string[];
  streetWords?: string[];
  locatives?: string[];
  surnames?: string[];
  pluralFeatures?: Record<string, string>;
  stormWords?: string[];
  prefixes?: string[];
  nameParticles?: string[];
  romanceParticles?: string[];
  bylineLeads?: string[];
  orgNames?: string[];
  orgOf?: string[];
  orgOfTitles?: string[];
  listJoiners?: string[];
  agencyNames?: string[];
  respellVowels?: string[];
  landformsAfter?: string[];
  landformsBefore?: string[];
  buildingsBefore?: string[];
  landformsOf?: string[];
}

function readJson<T>(path: string): T | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
}

/** Loads and merges every language's places lexicon under `dir`. */
export function readPlacesLexicon(dir: string = DEFAULT_LEXICON_DIR): PlacesLexicon {
  const lex: PlacesLexicon = {
    demonyms: new Map(),
    demonymNoPlace: new Set(),
    abbreviations: new Map(),
    notPlaces: new Set(),
    titles: new Set(),
    firstNames: new Set(),
    orgHeads: new Set(),
    abroadOrgs: [],
    directional: new Set(),
    featureWords: new Set(),
    settlementWords: new Set(),
    seatNamed: new Set(),
    connectors: new Set(),
    personVerbs: new Set(),
    streetWords: new Set(),
    locatives: new Set(),
    surnames: new Set(),
    pluralFeatures: new Map(),
    stormWords: new Set(),
    labelWords: new Set(),
    prefixes: new Set(),
    countryCues: new Map(),
    originWords: [],
    towardWords: [],
    partOfWords: new Set(),
    nameParticles: new Set(),
    romanceParticles: new Set(),
    bylineLeads: new Set(),
    orgNames: new Set(),
    orgOf: new Set(),
    orgOfTitles: new Set(),
    listJoiners: new Set(),
    agencyNames: [],
    respellVowels: [],
    landformsAfter: new Set(),
    landformsBefore: new Set(),
    buildingsBefore: new Set(),
    landformsOf: new Set(),
    languageCountries: new Map(),
  };
  const langs = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())
    : [];
  for (const lang of langs) {
    const base = join(dir, lang.name, 'places');
    const spoken = readJson<{ countries?: string[] }>(join(base, 'language-countries.json'));
    if (spoken?.countries) lex.languageCountries.set(lang.name, new Set(spoken.countries));
    const dem = readJson<{ demonyms?: Record<string, string>; noPlace?: string[] }>(
      join(base, 'demonyms.json'),
    );
    for (const [word, cc] of Object.entries(dem?.demonyms ?? {})) {
      const key = normalizeName(word);
      lex.demonyms.set(key, cc);
      if (!/(s|ese|sh|ch|i)$/.test(key)) lex.demonyms.set(key + 's', cc);
      if (/i$/.test(key)) lex.demonyms.set(key + 's', cc);
    }
    for (const w of dem?.noPlace ?? []) {
      lex.demonymNoPlace.add(normalizeName(w));
      lex.demonymNoPlace.add(normalizeName(w) + 's');
    }
    const ab = readJson<{ abbreviations?: Record<string, string> }>(join(base, 'us-abbreviations.json'));
    for (const [k, v] of Object.entries(ab?.abbreviations ?? {})) lex.abbreviations.set(k, v);
    const sw = readJson<StopwordsFile>(join(base, 'stopwords.json'));
    // Token keys are normalised ("Protección" → "proteccion"), so the words are too: a lower-cased
    // accented word would never meet its token.
    const fill = (set: Set<string>, words: string[] | undefined): void => {
      for (const w of words ?? []) set.add(normalizeName(w));
    };
    fill(lex.notPlaces, sw?.notPlaces);
    fill(lex.titles, sw?.titles);
    fill(lex.firstNames, sw?.firstNames);
    fill(lex.orgHeads, sw?.orgHeads);
    for (const w of sw?.abroadOrgs ?? []) lex.abroadOrgs.push(w.toLowerCase().split(/\s+/));
    fill(lex.directional, sw?.directional);
    fill(lex.featureWords, sw?.featureWords);
    fill(lex.settlementWords, sw?.settlementWords);
    fill(lex.seatNamed, sw?.seatNamed);
    fill(lex.connectors, sw?.connectors);
    fill(lex.personVerbs, sw?.personVerbs);
    fill(lex.streetWords, sw?.streetWords);
    fill(lex.locatives, sw?.locatives);
    fill(lex.surnames, sw?.surnames);
    fill(lex.stormWords, sw?.stormWords);
    const nf = readJson<{ label_before?: string[] }>(join(dir, lang.name, 'nonfigures.json'));
    fill(
      lex.labelWords,
      (nf?.label_before ?? []).map(normalizeName).filter((w) => /^\p{L}+$/u.test(w)),
    );
    fill(lex.prefixes, sw?.prefixes);
    fill(lex.nameParticles, sw?.nameParticles);
    fill(lex.romanceParticles, sw?.romanceParticles);
    fill(lex.bylineLeads, sw?.bylineLeads);
    fill(lex.orgOf, sw?.orgOf);
    fill(lex.orgOfTitles, sw?.orgOfTitles);
    fill(lex.orgNames, sw?.orgNames);
    fill(lex.listJoiners, sw?.listJoiners);
    fill(lex.landformsAfter, sw?.landformsAfter);
    fill(lex.landformsBefore, sw?.landformsBefore);
    fill(lex.buildingsBefore, sw?.buildingsBefore);
    fill(lex.landformsOf, sw?.landformsOf);
    for (const p of sw?.agencyNames ?? []) lex.agencyNames.push(p.toLowerCase().split(/\s+/));
    for (const v of sw?.respellVowels ?? []) if (!lex.respellVowels.includes(v)) lex.respellVowels.push(v);
    for (const [plural, singular] of Object.entries(sw?.pluralFeatures ?? {}))
      lex.pluralFeatures.set(plural, singular);
    addCueFile(lex.countryCues, readJson<CueFile>(join(base, 'country-cues.json')));
    const origin = readJson<{ from?: string[]; toward?: string[]; part_of?: string[] }>(join(base, 'origin.json'));
    lex.originWords.push(...(origin?.from ?? []));
    lex.towardWords.push(...(origin?.toward ?? []));
    for (const w of origin?.part_of ?? []) lex.partOfWords.add(w);
  }
  return lex;
}

let cached: PlacesLexicon | null = null;

export function loadPlacesLexicon(): PlacesLexicon {
  cached ??= readPlacesLexicon();
  return cached;
}
