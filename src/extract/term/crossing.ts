// "3.100 personas se han desplazado de Venezuela hacia Colombia", "20,000 people fled Sudan into
// Chad", "des milliers ont fui vers le Niger": a flight whose clause leads into a country names
// people who crossed a border, whatever the verb of flight. The phrase lists hold the common
// verbs with a country right after them; this refiner reads any flight verb, with the place of
// departure or other words between the verb and the destination.
import { foreignTownAt } from './foreignTown.js';
import type { Term } from '../../types.js';
import { type Lexicon, matchesAt, startingWith } from '../lexicon.js';
import type { Figure, Link } from '../link.js';
import { COUNTRY_SLOTS } from './families.js';
import { countsNationals } from './nationals.js';

/** Terms of leaving home that a border crossing turns into refugees. */
export const FLIGHT_TERMS: ReadonlySet<Term> = new Set<Term>(['displaced', 'forced_to_flee']);
/** Tokens that may stand between the verb and the word leading to the country ("de Venezuela"). */
const CROSSING_REACH = 6;
/** Articles between the leading word and the country ("vers le Niger", "into the Central African Republic"). */
const ARTICLES = new Set(['the', 'la', 'le', 'les', "l'", 'el', 'los', 'las']);
/** An article elided into the next word: "l'Ouganda". */
const ELIDED = /^l'/;
/** The longest aside between commas the flight may run past: "huir desde Darfur Occidental[, en Sudán,] al vecino Chad". */
const ASIDE = 4;
/** How the slot words holding the names of countries near start ("{countries_near:en}"), one
 * set of each language's families: "neighbouring countries", "el país vecino", "le pays voisin". */
const NEAR_SLOTS = '{countries_near:';

export function crossedBorder(norms: readonly string[], link: Link, figures: readonly Figure[], lex: Lexicon): Link {
  if (!FLIGHT_TERMS.has(link.term) || link.direction === 'before') return link;
  const from = link.trigger.next;
  let reach = from + CROSSING_REACH;
  let departing = false;
  for (let k = from; k <= reach && k < norms.length; k++) {
    const w = norms[k]!;
    // An acronym after the place left: "fled eastern Democratic Republic of the Congo (DRC) to Burundi".
    if (w === '(' && norms[k + 2] === ')') {
      k += 2;
      reach += 3;
      continue;
    }
    // "fled from 14 villages in neighbouring Kazakhstan": the place left lies in the neighbour, until
    // a word leading to the destination follows ("from Borno to Diffa region, in neighbouring Niger").
    const leads = startingWith(lex.crossingInto, w).filter((lead) => matchesAt(norms, k, lead));
    if (lex.campOrigin.prepositions.some((p) => p.length === 1 && p[0] === w)) departing = true;
    else if (leads.length > 0) departing = false;
    // "to Diffa region, in neighbouring Niger": the destination lies across the border.
    if (!departing && inNeighbour(norms, w === ',' ? k + 1 : k, lex)) return { ...link, term: 'refugees' };
    if (w === ',') {
      // A short aside naming where the place left lies: ", en Sudán,".
      const close = norms.indexOf(',', k + 1);
      if (close > k + 1 && close - k <= ASIDE + 1 && !norms.slice(k + 1, close).some((x) => x === '.' || x === ';')) {
        reach += close - k + 1;
        k = close;
        continue;
      }
      return link;
    }
    if (w === '.' || w === ';' || w === '(' || lex.clauseBreaks.has(w)) return link;
    // "displaced due to the Northern Ethiopia crisis": what a cause names is no destination.
    if (lex.causal.some((c) => c[0] === w && matchesAt(norms, k, c))) return link;
    // "are fleeing internally and to neighbouring Chad": a flight both ways is no count of refugees.
    if (lex.internalContext.has(w)) return link;
    if (figures.some((f) => f.quantity.first <= k && k < f.quantity.next)) return link;
    for (const lead of leads) {
      let at = k + lead.length;
      if (ARTICLES.has(norms[at] ?? '')) at++;
      // "Sudanese … to the Chadian town of Adré": another nationality's town is across a border.
      if (foreignTownAt(norms, at, link.figure, lex)) return { ...link, term: 'refugees' };
      // "to eastern Chad", "into northern Uganda": a part of the country is still across the border.
      if (lex.compass.has(norms[at] ?? '')) at++;
      // "to neighbouring countries": the countries near, as the families name them.
      if (nearCountriesAt(norms, at, lex)) return { ...link, term: 'refugees' };
      // "to neighbouring Chad", "al vecino Chad": the neighbour is still across the border.
      if (lex.crossingNeighbours.has(norms[at] ?? '')) at++;
      if (countryAt(unelided(norms, at), at, lex)) return { ...link, term: 'refugees' };
    }
  }
  return link;
}

/** The tokens with an article elided into the word at `at` taken off it: "vers l'Ouganda" names Ouganda. */
function unelided(norms: readonly string[], at: number): readonly string[] {
  const w = norms[at] ?? '';
  if (!ELIDED.test(w)) return norms;
  const out = norms.slice();
  out[at] = w.replace(ELIDED, '');
  return out;
}

/** Whether "in neighbouring <country>" ("en el vecino Chad", "au Niger voisin") starts at `at`. */
function inNeighbour(norms: readonly string[], at: number, lex: Lexicon): boolean {
  const w = norms[at] ?? '';
  if (!lex.itemPrepositions.has(w) || lex.campOrigin.prepositions.some((p) => p.length === 1 && p[0] === w)) return false;
  let k = at + 1;
  if (ARTICLES.has(norms[k] ?? '')) k++;
  if (lex.crossingNeighbours.has(norms[k] ?? '')) return countryAt(norms, k + 1, lex);
  // French puts the adjective after the country: "au Soudan voisin", "en République centrafricaine voisine".
  if (!countryAt(norms, k, lex)) return false;
  for (let n = 1; n <= NAME_WORDS; n++) {
    const w = norms[k + n - 1] ?? '';
    if (!/^\p{L}/u.test(w) || lex.coordinators.has(w) || lex.functionWords.has(w)) return false;
    if (lex.crossingNeighbours.has(norms[k + n] ?? '')) return true;
  }
  return false;
}

/** The most words of a country's name before a neighbour adjective after it. */
const NAME_WORDS = 3;

/** Whether a country's name starts at token `at`, not as a possessive ("Chad's capital"). */
export function countryAt(norms: readonly string[], at: number, lex: Lexicon): boolean {
  return slotNameAt(norms, at, lex, COUNTRY_SLOTS);
}

/** Whether the countries near are named at token `at`: "neighbouring countries", "other countries". */
function nearCountriesAt(norms: readonly string[], at: number, lex: Lexicon): boolean {
  return slotNameAt(norms, at, lex, NEAR_SLOTS);
}

/** Whether a name of a slot whose word starts with `prefix` starts at `at`, not as a possessive. */
function slotNameAt(norms: readonly string[], at: number, lex: Lexicon, prefix: string): boolean {
  for (const [slot, names] of lex.slots) {
    if (!slot.startsWith(prefix)) continue;
    for (const name of names.get(norms[at] ?? '') ?? []) {
      if (!matchesAt(norms, at, name)) continue;
      const after = norms[at + name.length];
      if (after !== "'s" && after !== "'" && after !== 's') return true;
    }
  }
  return false;
}

/** How far after an arrival's word the country it reached or came from is looked for ("arrived in Bodo, Cameroon"). */
const ARRIVAL_REACH = 6;

/**
 * Whether an arrival crossed a border: a word of borders or refugees anywhere in the sentence, or
 * a country named soon after the word of arriving ("Some 6,000 arrived in Macedonia", "llegaron
 * desde Venezuela"). Without either, people who reached a town or a camp moved within their
 * country ("4.449 personnes sont arrivées dans la ville de Chibok"): displaced, not refugees.
 */
export function arrivalCrossedBorder(norms: readonly string[], at: number, lex: Lexicon): boolean {
  if (norms.some((w) => lex.borderContext.has(w)) || countsNationals(norms, lex)) return true;
  for (let k = at + 1; k <= at + ARRIVAL_REACH && k < norms.length; k++) {
    const w = norms[k]!;
    if (w === '.' || w === ';' || lex.clauseBreaks.has(w)) return false;
    if (countryAt(norms, k, lex)) return true;
  }
  return false;
}
