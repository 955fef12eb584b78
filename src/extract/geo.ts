// The default place resolver for extract(): the offline geoparser (src/geoparse), whose
// gazetteer is loaded once on first use. Demonyms ("Iraqi forces") give the document its
// country context; attachPlaces keeps one only where it names the people counted
// ("one million Iraqis", "5,000 Syrian refugees").
import { geoparse } from '../geoparse/index.js';
import { loadGazetteer } from '../geoparse/gazetteer.js';
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
