// Narrowing a name's gazetteer entries by what the text says around them: an article before a
// country's name ("La Réunion"), and the language the text is written in (a Spanish text's "La
// Palma" is not the Californian town). recognize.ts asks these when it finds a name.
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import type { PlacesLexicon } from './lexicon.js';

/** An article that French and Spanish put before some country names ("La Réunion", "el Perú"). */
const ARTICLE = /^(?:la|le|les|el|los|las) (.+)$/;
/** Hamlets smaller than this that bear the whole name ("La Réunion" in Normandy) are not what it names. */
const HAMLET = 10_000;

/**
 * "La Réunion", "la Guadeloupe", "la Argentina": an article and a country's or first-level
 * area's name name that country or area, unless a real town bears the whole name.
 */
export function articleAndCountry(
  key: string,
  candidates: readonly GazetteerEntry[],
  gaz: Gazetteer,
): readonly GazetteerEntry[] {
  const m = ARTICLE.exec(key);
  if (!m || !candidates.every((c) => c.kind === 'city' && c.population < HAMLET)) return candidates;
  const areas = gaz.lookup(m[1]!).filter((c) => c.kind === 'country' || c.kind === 'admin1');
  return areas.length ? areas : candidates;
}

/** Towns at least this populous are named on purpose, in any language. */
const ZONE_TOWN = 100_000;

/**
 * "La Palma" in a Spanish text is the Canarian town, not the Californian one; "Amparo" in a
 * Spanish text is no Brazilian town. When some towns bearing a name lie where the text's
 * language is spoken, the smaller towns elsewhere are dropped. A name borne only abroad keeps its
 * towns ("Lahaina" in a Spanish text is still in Hawaii), and so does English, spoken everywhere.
 */
export function inLanguageZone(
  candidates: readonly GazetteerEntry[],
  lang: string | null,
  lex: PlacesLexicon,
): readonly GazetteerEntry[] {
  const zone = lang ? lex.languageCountries.get(lang) : undefined;
  if (!zone || !candidates.some((c) => zone.has(c.country))) return candidates;
  const kept = candidates.filter((c) => zone.has(c.country) || c.kind !== 'city' || c.population >= ZONE_TOWN);
  return kept.length === candidates.length ? candidates : kept;
}
