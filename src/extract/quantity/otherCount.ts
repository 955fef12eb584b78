// Figures whose own words say they count no displacement, whatever trigger stands near: the
// things a table label names ("Evacuation centres: 12"), a change between two counts ("up 6.3
// million from"), a population stated in apposition ("Kharkiv, a city of 1.4 million people").
// Like a counted noun of other things ("12 districts", noun.ts), they leave the figure to the list.
import { type Lexicon, endsAt } from '../lexicon.js';
import type { Token } from '../segment/tokens.js';
import type { Quantity } from './find.js';

/** How far back a label's words are read ("Number of evacuation centres:"). */
const LABEL_WINDOW = 6;

export function countsNoDisplacement(
  tokens: readonly Token[],
  norms: readonly string[],
  q: Quantity,
  nounless: boolean,
  lex: Lexicon,
): boolean {
  return (
    (nounless && labelCountsThings(tokens, q, lex)) ||
    populationOf(tokens, norms, q, lex) ||
    changeAmount(norms, q, lex)
  );
}

/**
 * A label whose last word names things, with no people in it, counts those things: "Evacuation
 * centres: 12 (2,300 people)", "Number of camps: 14", "Affected villages | 45". A place phrase
 * makes the things where the counted are, not what is counted: "Displaced in camps: 5,600".
 * Only a figure that ends its cell counts: a word after it makes the colon a headline's.
 */
function labelCountsThings(tokens: readonly Token[], q: Quantity, lex: Lexicon): boolean {
  const lead = q.lead;
  if (![':', '|', '='].includes(tokens[lead - 1]?.text ?? '')) return false;
  // A table cell ends at its figure; a headline goes on ("Storm Strikes: Thousands Displaced").
  if (tokens[q.next]?.kind === 'word') return false;
  const last = tokens[lead - 2];
  if (!last || last.kind !== 'word' || !lex.nouns.other.has(last.norm)) return false;
  for (let k = lead - 2; k >= Math.max(0, lead - 1 - LABEL_WINDOW); k--) {
    const t = tokens[k]!;
    if (t.kind !== 'word') break;
    if (lex.nouns.people.has(t.norm) || lex.nouns.households.has(t.norm)) return false;
    if (lex.itemPrepositions.has(t.norm)) return false;
  }
  return true;
}

/**
 * A figure that is a change between two counts, not a count: "up 6.3 million from the previous
 * year", "rose by 12,000 in a week to 85,000", "a decrease of 613,600", "a augmenté de 3 000".
 * The count is the level the change leads to, which the level verbs read.
 */
function changeAmount(norms: readonly string[], q: Quantity, lex: Lexicon): boolean {
  if (lex.changeAmounts.some((c) => endsAt(norms, q.lead, c))) return true;
  // "A decrease of 18,133 IDP individuals, or 5,393 IDP households": the change restated in another unit.
  if (norms[q.lead - 1] === 'or') {
    for (let k = q.lead - 2; k >= Math.max(0, q.lead - RESTATED_REACH); k--) {
      if (!/^\d/.test(norms[k]!)) continue;
      let lead = k;
      while (lead > 0 && /^\d/.test(norms[lead - 1]!)) lead--;
      if (lex.changeAmounts.some((c) => endsAt(norms, lead, c))) return true;
      break;
    }
  }
  // "4,000 more than its capacity", "584 personas más de las reportadas": a difference between counts.
  for (const at of [q.next, q.next + 1])
    if (lex.comparatives.some((c) => c.every((w, k) => norms[at + k] === w))) return true;
  // "(609 increase since prior report)", "(573 aumento desde el informe)": a noun of change right
  // after the figure (past "de": "72 de aumento"), then a comparison, or the bracket the figure
  // opened closing on it ("(7 aumento)", "(72 de aumento)").
  const noun = CHANGE_OF.has(norms[q.next] ?? '') ? q.next + 1 : q.next;
  if (
    lex.changeDirections.nouns.has(norms[noun] ?? '') &&
    ([noun + 1, noun + 2].some((k) => lex.changeDirections.then.has(norms[k] ?? '')) ||
      (norms[q.lead - 1] === '(' && norms[noun + 1] === ')'))
  )
    return true;
  // "up 6.3 million from the previous year"; not "toppled down 522 houses".
  if (!lex.changeDirections.words.has(norms[q.lead - 1] ?? '')) return false;
  for (let k = q.next; k < Math.min(norms.length, q.next + CHANGE_REACH); k++)
    if (lex.changeDirections.then.has(norms[k]!)) return true;
  return false;
}

/** The small word between a figure and its noun of change: "72 de aumento". */
const CHANGE_OF = new Set(['de', "d'"]);

/** How far before a restating "or" the changed figure may end ("18,133 IDP individuals, or"). */
const RESTATED_REACH = 6;

/** How far after a figure after "up" or "down" the comparison ("from", "on") may stand. */
const CHANGE_REACH = 3;

/** Articles that may open an apposition naming a place ("Kharkiv, a city of …"). */
const APPOSITION_ARTICLES = new Set(['a', 'an', 'the', 'un', 'une', 'una', 'la', 'le', 'el']);
/** What may stand before an apposition: a comma, a bracket or dash, or nothing (the sentence starts). */
const APPOSITION_OPENERS = new Set([',', '(', '—', '–', '-', ':']);

/**
 * A population stated in apposition to a place: "Kharkiv, a city of 1.4 million people", "Grindavík,
 * home to 3,800 residents", "Oicha,
 * une commune rurale de 360 000 habitants", "Ville d'un million d'habitants, Goma…". The figure
 * says how many live there, not how many left: not a count of displacement. Only an apposition
 * (after a comma, a bracket or at the sentence's start) and only inhabitants: "the town of 12,000
 * people was evacuated" and "Kakuma, a camp of 200,000 refugees" keep their figures. A word of
 * inhabitants alone ("habitants") makes any place's "of" phrase one but the sentence's subject ("ont
 * fui la ville de 75 000 habitants"; "La ville de 2 000 habitants a été évacuée" keeps its figure).
 */
function populationOf(
  tokens: readonly Token[],
  norms: readonly string[],
  q: Quantity,
  lex: Lexicon,
): boolean {
  if (labelledPopulation(norms, q, lex)) return true;
  const elided = (w: string | undefined) => (w ?? '').replace(/^[dl]'/, '');
  let nounAt = q.next;
  let noun = elided(norms[nounAt]);
  if (noun === 'of' || noun === 'de') noun = elided(norms[++nounAt]);
  if (!lex.population.nouns.has(noun)) return false;
  // "Galicia (500 habitantes)": the inhabitants in brackets right after a place's name.
  if (
    lex.population.inhabitants.has(noun) &&
    norms[q.lead - 1] === '(' &&
    /^\p{Lu}/u.test(tokens[q.lead - 2]?.text ?? '') &&
    norms[q.next + 1] === ')'
  )
    return true;
  // "Grindavik, home to about 3,800 residents", "a fishing town home to 3,800 people".
  const home = lex.population.homes.find((h) => h.every((w, j) => norms[q.lead - h.length + j] === w));
  if (home) {
    const before = q.lead - home.length - 1;
    // "Zamzam camp, home to about 500,000 people": a camp's or shelter's people stay there (siteHosts.ts).
    const site = (list: readonly (readonly string[])[]) => list.some((s) => endsAt(norms, before, s));
    if (site(lex.siteHosts.camps) || site(lex.siteHosts.shelters)) return false;
    return norms[before] === ',' || norms[before] === '(' || lex.population.places.has(norms[before] ?? '');
  }
  // "of" before the figure, or elided into its first word ("d'un million").
  let k = q.lead - 1;
  if (norms[k] === 'of' || norms[k] === 'de') k--;
  else if (!norms[q.lead]!.startsWith("d'")) return false;
  // ", de 170 millones de habitantes,": inhabitants in an apposition of their own, the place before it.
  if (lex.population.inhabitants.has(noun) && norms[k] === ',' && norms[q.lead - 1] === 'de') return true;
  // The place noun, with one adjective after it ("une commune rurale de") or before it ("a port city of").
  let at = lex.population.places.has(norms[k] ?? '')
    ? k
    : lex.population.places.has(norms[k - 1] ?? '')
      ? k - 1
      : -1;
  if (at < 0) return false;
  at--;
  // "of this city of 200,000 inhabitants": a place already named, whose inhabitants are no count, wherever it stands.
  if (lex.population.inhabitants.has(noun) && lex.population.demonstratives.has(norms[at] ?? '')) return true;
  if (tokens[at]?.kind === 'word' && !APPOSITION_ARTICLES.has(norms[at]!)) at--;
  if (APPOSITION_ARTICLES.has(norms[at] ?? '')) at--;
  // At the sentence's start the place phrase is an apposition only when a comma closes it ("Ville
  // d'un million d'habitants, Goma…"); else it is the subject ("The village of 250 people was evacuated").
  if (at < 0) return norms[nounAt + 1] === ',';
  // Inhabitants, a word of population alone, tell a place's size wherever the place stands but at
  // the sentence's start: "ont fui la ville de 75 000 habitants" counts who live there, not who fled.
  return APPOSITION_OPENERS.has(norms[at]!) || lex.population.inhabitants.has(noun);
}

/** Words that may stand between a population's label and its figure ("population: 700,000", "population of"). */
const LABEL_GLUE = new Set([':', 'of', 'de', "d'"]);
/** Articles before a population's label. */
const ARTICLES = new Set(['a', 'an', 'un', 'une', 'una', 'the', 'la', 'le']);
/** Words before a population's article that make it a place's: "Syria's", "out of a total population of". */
const POSSESSIVES = new Set(["'s", '’s', 'of', 'de', 'du', 'del']);
/** Prepositions that take a part out of a whole after a count of people: "people out of", "personas de", "sur". */
const PART_OF = new Set(['of', 'de', 'sur']);

/** A preposition at `at` that takes the people counted before it out of the population after it. */
function partOf(norms: readonly string[], at: number, lex: Lexicon): boolean {
  if (!PART_OF.has(norms[at] ?? '')) return false;
  const before = norms[at - 1] ?? '';
  return (
    before === 'out' ||
    norms[at] === 'sur' ||
    lex.nouns.generic.has(before) ||
    lex.nouns.people.has(before) ||
    lex.population.nouns.has(before)
  );
}

/** Relatives that open an owner's clause ("which has a population of"). */
const RELATIVES = new Set(['which', 'that', 'que', 'qui']);

/**
 * A place's population named by its label: "Djibouti, population 700,000", "Syria's population of
 * 23 million", "out of a total population of 2.3 million", "the town, with a population of 12,000".
 * A verb's object keeps its figure ("displacing a population of 50,000"), as do a place that is the
 * subject ("a town with a population of 12,000 was evacuated"), a population of displaced people
 * ("Chad's refugee population of 200,000", "a population of 200,000 IDPs") and people emptied from
 * a place ("vidé Ouindigui de sa population de 35 000 personnes").
 */
function labelledPopulation(norms: readonly string[], q: Quantity, lex: Lexicon): boolean {
  // Back over the glue and a qualifier of the figure's own: "a population of nearly 20 million".
  let k = q.first - 1;
  while (
    k >= 0 &&
    q.first - k <= 3 &&
    !lex.population.labels.has(norms[k]!) &&
    (LABEL_GLUE.has(norms[k]!) || k >= q.lead)
  )
    k--;
  if (k < 0 || !lex.population.labels.has(norms[k]!)) return false;
  let j = k - 1;
  while (j >= 0 && lex.population.whole.has(norms[j]!)) j--;
  // "183,000 people out of a population of 20 million lost their homes", "183.000 personas de una
  // población de 20 millones", "sur une population de": the whole a part is taken from, whatever follows.
  if (ARTICLES.has(norms[j] ?? '') && partOf(norms, j - 1, lex)) return true;
  // What the figure counts after it, if anything, is inhabitants: "200,000 IDPs" are no population.
  const counted = norms[q.next] ?? '';
  if (/^\p{L}/u.test(counted) && !lex.population.nouns.has(counted.replace(/^[dl]'/, ''))) return false;
  const before = norms[j] ?? '';
  if (!ARTICLES.has(before)) return APPOSITION_OPENERS.has(before) || before === "'s" || before === '’s';
  const lead = norms[j - 1] ?? '';
  if (lex.population.owners.has(lead))
    return APPOSITION_OPENERS.has(norms[j - 2] ?? '') || RELATIVES.has(norms[j - 2] ?? '');
  return POSSESSIVES.has(lead) || APPOSITION_OPENERS.has(lead);
}
