// Facts from a sentence that breaks the count of the sentence before it down by place, each name
// with its figure in brackets and no word of displacement of its own:
//
//   "Jordan hosts 320,000 refugees, according to UNHCR. Lebanon (317,229), Turkey (184,513) and
//    Iraq (100,222) follow."
//   "El vecino del sur, Jordania, se lleva la palma con 320.000 refugiados. A la zaga sigue Líbano
//    (317.229), Turquía (184.513) e Irak (100.222)."
//
// Within one sentence the bracketed figures take the clause's trigger (term/bracketed.ts); across
// the full stop the sentence before must have given a fact, and the breakdown takes its term and
// unit. Every figure of the breakdown must stand in such a bracket, at least two of them: a
// sentence with other numbers ("Gaza (31) … 300 dead") is its own. People who fled, broken down by
// country ("ont fui la guerre … la Pologne (2 720 622), la Roumanie (726 857)"), crossed borders:
// refugees. So is a sentence whose figures each stand before their place ("Plus de 420 000
// Centrafricains ont trouvé refuge dans les pays voisins. Ils sont 240 000 au Cameroun, 93 000 au
// Tchad …").
import type { Fact, Span } from '../types.js';
import type { Lexicon } from './lexicon.js';
import { newFact } from './fact.js';
import { tokenize, type Token } from './segment/tokens.js';
import { findQuantities, type Quantity } from './quantity/find.js';
import { findTriggers } from './term/triggers.js';
import { isCountry } from './countryRows.js';

/** The fewest bracketed places that make a breakdown. */
const MIN_PLACES = 2;
/** The most words of a place name before its bracket. */
const NAME_WORDS = 4;
/** What the confidence of a breakdown's fact starts at: its term is a sentence away. */
const BREAKDOWN_CONFIDENCE = 0.6;
/** Lower-case words inside a name. */
const PARTICLES = new Set(['and', 'of', 'the', 'de', 'del', 'du', 'da', 'des', 'y', 'et']);
/** Articles before a country's name. */
const ARTICLES = new Set(['the', 'le', 'la', 'les', 'el', 'los', 'las']);
/** A bracket opening on a digit, to count a sentence's bracketed figures before reading it. */
const BRACKETED = /\(\s*\d/g;
/** Place prepositions after a figure that stands before its place: "240 000 au Cameroun". */
const PLACE_PREPOSITIONS = new Set(['in', 'au', 'aux', 'en', 'à']);
/** Such a figure, maybe with a noun of people, its preposition and a capitalised word, to count them before reading. */
const PLACED = new RegExp(`\\d(?:\\s+\\p{L}+)?\\s+(?:${[...PLACE_PREPOSITIONS].join('|')})\\s+(?:the\\s+|l')?\\p{Lu}`, 'gu');
/** "(2022)": a year, not a count. */
const YEAR = /^(1[89]|20)\d\d$/;

export function readPlaceBreakdowns(
  text: string,
  sentences: readonly Span[],
  lex: Lexicon,
  facts: readonly Fact[],
): Fact[] {
  const out: Fact[] = [];
  for (let k = 1; k < sentences.length; k++) {
    const [start, end] = sentences[k]!;
    const [prevStart, prevEnd] = sentences[k - 1]!;
    // The same paragraph: a blank line starts another subject.
    if (/\n[ \t]*\n/.test(text.slice(prevEnd, start))) continue;
    // Most sentences hold no bracketed figure nor figure before a place: they are not tokenized a second time.
    const sentence = text.slice(start, end);
    if ((sentence.match(BRACKETED) ?? []).length < MIN_PLACES && (sentence.match(PLACED) ?? []).length < MIN_PLACES) continue;
    const tokens = tokenize(text, start, end);
    if (findTriggers(tokens, lex).length > 0) continue;
    // "Schools in Sylhet (12) and Sunamganj (8) were closed": counts of other things by place (not
    // "les premiers pays d'accueil sont la Pologne (2 720 622)", which names no place of its own).
    if (tokens.some((t, i) => countsOtherThings(t, lex) && lex.itemPrepositions.has(tokens[i + 1]?.norm ?? ''))) continue;
    const quantities = findQuantities(text, tokens, lex);
    const before = quantities.map((q) => placeBefore(tokens, q, lex));
    // "Ils sont 240 000 au Cameroun, 93 000 au Tchad": each figure before its place instead.
    // Only where nothing else is counted in it ("Schools closed: 40 in Sylhet and 25 in Sunamganj").
    const placedAfter = before.some((n) => n === null) && !tokens.some((t) => countsOtherThings(t, lex));
    const names = placedAfter ? quantities.map((q) => placeAfter(tokens, q, lex)) : before;
    const bracketed = quantities.filter((_, i) => names[i] !== null);
    if (bracketed.length < MIN_PLACES || bracketed.length !== quantities.length) continue;
    if (facts.some((f) => f.quantity_span[0] >= start && f.quantity_span[1] <= end)) continue;
    const source = facts.filter((f) => f.quantity_span[0] >= prevStart && f.quantity_span[1] <= prevEnd).pop();
    if (!source) continue;
    const abroad =
      source.term === 'forced_to_flee' &&
      names.every((n, i) => n !== null && isCountry(tokens, n, placedAfter ? nameEnd(tokens, n) : quantities[i]!.lead - 1, lex));
    for (const q of bracketed) out.push(breakdownFact(q, [start, end], source, abroad));
  }
  return out;
}

/** The first word of the capitalised name right before the bracket `q` alone fills ("Turkey (184,513)"), or null. */
function placeBefore(tokens: readonly Token[], q: Quantity, lex: Lexicon): number | null {
  if (q.value === null || q.written !== 'digits' || q.fractional || q.range) return null;
  const open = q.lead - 1;
  if (tokens[open]?.text !== '(' || YEAR.test(tokens[q.first]!.text)) return null;
  let close = q.next;
  const noun = tokens[close]?.norm ?? '';
  if (lex.nouns.people.has(noun) || lex.nouns.households.has(noun)) close++;
  if (tokens[close]?.text !== ')') return null;
  let first = open;
  // Inner particles of a name: "Soudan du Sud", "Bosnia and Herzegovina".
  const particle = (k: number) => PARTICLES.has(tokens[k]?.norm ?? '') && capital(tokens[k - 1]);
  while (open - first < NAME_WORDS && (capital(tokens[first - 1]) || particle(first - 1))) first--;
  // "Le Tchad (520 000)": the article is no part of the name.
  if (ARTICLES.has(tokens[first]?.norm ?? '') && first + 1 < open) first++;
  return first < open && capital(tokens[first]) ? first : null;
}

/**
 * The first word of the capitalised name right after the figure `q` and its place preposition
 * ("240 000 au Cameroun", "68,000 in the DRC"), or null.
 */
function placeAfter(tokens: readonly Token[], q: Quantity, lex: Lexicon): number | null {
  if (q.value === null || q.written !== 'digits' || q.fractional || q.range || YEAR.test(tokens[q.first]!.text)) return null;
  let k = q.next;
  const noun = tokens[k]?.norm ?? '';
  if (lex.nouns.people.has(noun) || lex.nouns.households.has(noun)) k++;
  if (!PLACE_PREPOSITIONS.has(tokens[k]?.norm ?? '')) return null;
  k++;
  if (ARTICLES.has(tokens[k]?.norm ?? '')) k++;
  return capital(tokens[k]) ? k : null;
}

/** One past the last word of the capitalised name starting at `first`. */
function nameEnd(tokens: readonly Token[], first: number): number {
  let end = first + 1;
  const particle = (k: number) => PARTICLES.has(tokens[k]?.norm ?? '') && capital(tokens[k + 1]);
  while (end - first < NAME_WORDS && (capital(tokens[end]) || particle(end))) end += capital(tokens[end]) ? 1 : 2;
  return end;
}

const countsOtherThings = (t: Token, lex: Lexicon) =>
  lex.nouns.other.has(t.norm) ||
  lex.nouns.shelters.has(t.norm) ||
  lex.nouns.housing.has(t.norm) ||
  lex.nouns.buildings.has(t.norm);

const capital = (t: Token | undefined) => t !== undefined && t.kind === 'word' && /^\p{Lu}/u.test(t.text);



function breakdownFact(q: Quantity, span: Span, source: Fact, abroad: boolean): Fact {
  return newFact({
    term: abroad ? 'refugees' : source.term,
    figure: q.value,
    qualifier: q.qualifier,
    unit: source.unit,
    span: [span[0], span[1]],
    quantity_span: [q.start, q.end],
    term_span: source.term_span,
    confidence: BREAKDOWN_CONFIDENCE,
    reason: `${source.reason}:next-sentence-breakdown`,
    implied: q.qualifierStated ? ['unit'] : ['unit', 'qualifier'],
  });
}
