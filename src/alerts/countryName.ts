// English country names for alert titles ("Sudan", not "SDN").
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as countries.LocaleData);

export function countryName(iso3: string): string {
  return countries.getName(iso3, 'en') ?? iso3;
}
