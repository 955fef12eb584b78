// English country names (the UN-style official short names) for event names ("Conflict — Nineveh,
// Iraq, Oct 2016").
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as countries.LocaleData);

export function countryName(iso3: string | null): string | null {
  if (!iso3) return null;
  return countries.getName(iso3, 'en') ?? iso3;
}
