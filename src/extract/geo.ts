// The default place resolver for extract(): the offline geoparser (src/geoparse), whose
// gazetteer is loaded once on first use. Demonyms ("Iraqi forces") give the document its
// country context; attachPlaces keeps one only where it names the people counted
// ("one million Iraqis", "5,000 Syrian refugees").
import { geoparse } from '../geoparse/index.js';
import { loadGazetteer } from '../geoparse/gazetteer.js';
import { normalizeName } from '../geoparse/normalize.js';
import type { PlaceContext } from './refine/places.js';

export function geoparsePlaces(text: string, published: string | null): PlaceContext {
  const r = geoparse(text, { published });
  return { places: r.places, countries: r.countries, countryCue: r.countryCue };
}

/**
 * Is this lower-cased word a place's name? The repair stage asks before cutting a capitalised
 * word it does not know ("Athens" is not "At hens"); the gazetteer loads on the first question.
 */
export function isPlaceName(word: string): boolean {
  return loadGazetteer().lookup(word).length > 0;
}

/**
 * The gazetteer's spelling of a place among `spellings` (one word tried with every lost letter,
 * "Popay\uFFFDn" → "Popayán", "Popayàn" …), when exactly one place spells it so; the repair stage
 * asks for words with U+FFFD that are no known word.
 */
export function spellPlace(spellings: readonly string[]): string | undefined {
  const wanted = new Set(spellings.map((s) => s.toLowerCase()));
  const keys = new Set(spellings.map(normalizeName));
  const found = new Set<string>();
  for (const key of keys)
    for (const e of loadGazetteer().lookup(key)) {
      const name = e.name.toLowerCase();
      if (wanted.has(name)) found.add(name);
    }
  if (found.size !== 1) return undefined;
  const name = [...found][0]!;
  return spellings.find((s) => s.toLowerCase() === name);
}
