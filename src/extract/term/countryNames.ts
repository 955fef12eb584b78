// The names of countries in a language, for the families' built-in set {countries}: a flight
// or a crossing that ends in another country counts refugees ("fled to Chad", "cruzaron a
// Guatemala", "ont fui vers le Tchad"). Names come from i18n-iso-countries; a family file adds
// the short names news uses under `sets.countries` ("Syria", "Burma").
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface LocaleFile {
  countries: Record<string, string | string[]>;
}

/** Lower-case country names of `lang` (none for a language the package lacks). */
export function countryNames(lang: string): string[] {
  let locale: LocaleFile;
  try {
    locale = require(`i18n-iso-countries/langs/${lang}.json`) as LocaleFile;
  } catch {
    return [];
  }
  const out = new Set<string>();
  // Official long forms with commas or brackets ("Moldova, Republic of") are not how news writes.
  for (const n of Object.values(locale.countries).flat()) {
    // Except "Moldova, Republic of", which news writes turned round: "the Republic of Moldova".
    const turned = /^([^,()]+), ([^,()]+ of)$/u.exec(n);
    if (turned) out.add(`${turned[2]} ${turned[1]}`.toLowerCase());
    if (/[,()]/.test(n)) continue;
    // English writes its two-letter abbreviations with the article ("fled to the US", "the UK");
    // lower-cased alone, "us" is the pronoun ("they've left us with two toilets").
    if (lang === 'en' && /^\p{Lu}{2}$/u.test(n)) {
      out.add(`the ${n.toLowerCase()}`);
      continue;
    }
    out.add(n.toLowerCase());
    // Written without its accents as often as with them: "au Nigeria" for "Nigéria", "a Peru".
    out.add(n.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC'));
  }
  return [...out];
}
