// The code of a fact's first-level area for the `#adm1+code` column. Facts keep the area's name;
// its GeoNames admin1 code (`IQ.15` for Nineveh) comes from the gazetteer the geoparser resolved
// the name with, loaded on the first row that names an area and then shared with the geoparser.
import countries from 'i18n-iso-countries';
import { loadGazetteer, type Gazetteer } from '../geoparse/gazetteer.js';
import { normalizeName } from '../geoparse/normalize.js';

export type Admin1Coder = (country: string | null, admin1: string | null) => string | null;

/** Looks codes up in `gazetteer` (the default one when absent), remembering each answer. */
export function admin1Coder(gazetteer?: () => Gazetteer): Admin1Coder {
  const gaz = gazetteer ?? loadGazetteer;
  const seen = new Map<string, string | null>();
  return (country, admin1) => {
    if (!country || !admin1) return null;
    const key = `${country}\u0000${admin1}`;
    let code = seen.get(key);
    if (code === undefined) {
      const iso2 = country === 'XKX' ? 'XK' : (countries.alpha3ToAlpha2(country) ?? null);
      const entry = iso2
        ? gaz()
            .lookup(normalizeName(admin1))
            .find((e) => e.kind === 'admin1' && e.country === iso2 && e.admin1)
        : undefined;
      code = entry ? `${iso2}.${entry.admin1}` : null;
      seen.set(key, code);
    }
    return code;
  };
}
