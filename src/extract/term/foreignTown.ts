// "20,000 Sudanese fled to the Chadian town of Adré", "7,000 Congolese found refuge in the Rwandan
// border town of Gisenyi", "des milliers de Soudanais ont fui vers la ville tchadienne d'Adré": a
// place named by a nationality adjective lies in that country. When the people counted are named
// by another nationality, they crossed a border to get there: refugees. People not named by their
// nationality ("3,000 people sought refuge in the Kenyan town of Mandera") may be that country's
// own displaced, and are left as they are.
import type { Lexicon } from '../lexicon.js';
import type { Figure } from '../link.js';

/** Words between the nationality adjective and its place noun, at most ("border", "remote border"). */
const MODIFIERS = 2;

/**
 * Whether the place starting at token `at` (after its article) is named as lying in a country
 * other than the nationality of the people `figure` counts.
 */
export function foreignTownAt(norms: readonly string[], at: number, figure: Figure, lex: Lexicon): boolean {
  const people = nationalityOf(norms, figure, lex);
  if (!people) return false;
  const country = townCountry(norms, at, lex);
  return country !== null && country !== people;
}

/** The country of the nationality adjective naming the place at `at`, either before its noun
 * ("the Chadian [border] town") or after it ("la ville [frontalière] tchadienne"), or null. */
function townCountry(norms: readonly string[], at: number, lex: Lexicon): string | null {
  const { nouns, modifiers } = lex.foreignTowns;
  const before = lex.demonymCountries.get(norms[at] ?? '');
  if (before) {
    let k = at + 1;
    while (k <= at + MODIFIERS && modifiers.has(norms[k] ?? '')) k++;
    if (nouns.has(norms[k] ?? '')) return before;
  }
  if (nouns.has(norms[at] ?? '')) {
    let k = at + 1;
    while (k <= at + MODIFIERS && modifiers.has(norms[k] ?? '')) k++;
    const country = lex.demonymCountries.get(norms[k] ?? '');
    if (country) return country;
  }
  return laterTerritory(norms, at, lex);
}

/** How far into its clause a place's country may be named after it ("une petite localité appelée Oundouma [en territoire tchadien]"). */
const TERRITORY_REACH = 8;

/**
 * A place noun and a nationality adjective side by side later in the clause, after the place
 * itself: "dans une petite localité appelée Oundouma en territoire tchadien", "a village on the
 * Ugandan side". Punctuation ends the search: the clause is over.
 */
function laterTerritory(norms: readonly string[], at: number, lex: Lexicon): string | null {
  const { nouns } = lex.foreignTowns;
  for (let k = at + 1; k < Math.min(norms.length - 1, at + TERRITORY_REACH); k++) {
    if (/^[,.;:()]$/.test(norms[k]!)) return null;
    if (!nouns.has(norms[k]!)) continue;
    const country = lex.demonymCountries.get(norms[k + 1]!) ?? lex.demonymCountries.get(norms[k - 1]!);
    if (country) return country;
  }
  return null;
}

/** The country of the nationality that names the figure's people ("7,000 Congolese", "20,000
 * Sudanese refugees", "Soudanais"), or null when its noun names none. */
function nationalityOf(norms: readonly string[], figure: Figure, lex: Lexicon): string | null {
  const noun = figure.noun;
  if (!noun || noun.kind !== 'people') return null;
  for (let k = figure.quantity.next; k < noun.next; k++) {
    const country = lex.demonymCountries.get(norms[k]!);
    if (country) return country;
  }
  return null;
}
