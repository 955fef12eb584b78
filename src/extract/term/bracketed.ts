// "Some 14,300 displaced people were sheltering in schools, mostly in Beira (6,100), Dondo (4,750)
// and Buzi (2,200)", "Most of the evacuees come from Tacloban (5,320)", "los desplazados se
// concentran en Tumaco (3.410)": a figure in brackets right after a place name breaks down the
// count of the clause's displacement trigger by place. The figure takes that trigger's term (the
// list then carries it on, term/distributed.ts); the place must follow a place preposition, a list
// separator or a ranking lead, so that "schools run by UNICEF (12)" or "Sindh (2022)" are not read.
import { type Lexicon, endsAt } from '../lexicon.js';
import { HOUSING_TERMS, type Term } from '../../types.js';
import type { Token } from '../segment/tokens.js';
import { findNoun } from '../quantity/noun.js';
import { loadPlacesLexicon } from '../../geoparse/lexicon.js';
import { continuedTerm } from './additive.js';
import { impliedEntry, type Trigger } from './triggers.js';

/** The most words of a place name before its bracket: "Mocimboa da Praia (1,760)". */
const NAME_WORDS = 4;
/** Lower-case words between a linking "of" and its preposition: "from [the province] of Ravenna". */
const LINK_WORDS = 3;

export function bracketedTriggers(
  tokens: readonly Token[],
  triggers: readonly Trigger[],
  lex: Lexicon,
): Trigger[] {
  const out: Trigger[] = [];
  for (let i = 1; i < tokens.length - 2; i++) {
    if (tokens[i]!.text !== '(') continue;
    // "Mogadishu (more than 79,000)": the figure's own qualifier may open the bracket.
    const at = i + 1 + qualifierLength(tokens, i + 1, lex);
    if (tokens[at]?.kind !== 'number') continue;
    const close = bracketClose(tokens, at, lex);
    if (close < 0 || yearLike(tokens[at]!) || ownTriggerAfter(tokens, triggers, close + 1, lex)) continue;
    const name = nameStart(tokens, i);
    if (name < 0 || !placeLeads(tokens, name, lex)) continue;
    const homes = clauseNamesHousing(tokens, name, lex);
    const term = clauseTerm(tokens, triggers, name, lex, namesPeople(tokens, close, lex), homes);
    if (!term) continue;
    out.push({
      entry: impliedEntry(['('], term, 'both', `${term}:bracketed`),
      first: i,
      next: i + 1,
      namesHousing: HOUSING_TERMS.has(term) && homes,
    });
  }
  return out;
}

/** The words of a qualifier before a number starting at `k` ("more than", "as many as"), or 0. */
function qualifierLength(tokens: readonly Token[], k: number, lex: Lexicon): number {
  const q = lex.qualifiersBefore.find((q) => q.words.every((w, j) => tokens[k + j]?.norm === w));
  return q ? q.words.length : 0;
}

/** The ")" closing a bracket that holds only a figure, maybe with its people noun ("(1,240 families)"). */
function bracketClose(tokens: readonly Token[], k: number, lex: Lexicon, again = false): number {
  while (tokens[k] && (tokens[k]!.kind === 'number' || lex.scales.has(tokens[k]!.norm))) k++;
  const noun = tokens[k]?.norm ?? '';
  // "Galicia (500 habitantes)": a place's population, not a share of the count.
  if (lex.population.inhabitants.has(noun)) return -1;
  if (lex.nouns.people.has(noun) || lex.nouns.households.has(noun)) k++;
  // "Delmas (9,930 familles soit 32,637 personnes)": the same count restated in another unit.
  const restated = lex.restatements.find((r) => r.every((w, j) => tokens[k + j]?.norm === w));
  if (restated && !again && tokens[k + restated.length]?.kind === 'number') return bracketClose(tokens, k + restated.length, lex, true);
  return tokens[k]?.text === ')' ? k : -1;
}

/** "(2022)": a year, not a count. */
const yearLike = (t: Token) => /^(1[89]|20)\d\d$/.test(t.text);

/** The first word of the capitalised name ending right before the bracket at `k`, or -1; the
 * name may end in a feature word of the geoparser's ("Erbil governorate (4,400 individuals)"). */
function nameStart(tokens: readonly Token[], k: number): number {
  if (
    loadPlacesLexicon().featureWords.has(tokens[k - 1]?.norm ?? '') &&
    /^\p{Lu}/u.test(tokens[k - 2]?.text ?? '')
  )
    k--;
  let j = k;
  const capital = (t: Token | undefined) => t !== undefined && t.kind === 'word' && /^\p{Lu}/u.test(t.text);
  // Inner particles of a name: "Mocimboa da Praia", "Petite-Rivière-de-l'Artibonite".
  const particle = (t: Token | undefined) =>
    t !== undefined && /^(da|de|del|do|du|la|le|al|el)$/.test(t.norm);
  while (
    k - j < NAME_WORDS &&
    (capital(tokens[j - 1]) || (particle(tokens[j - 1]) && capital(tokens[j - 2])))
  )
    j--;
  return j < k && capital(tokens[j]) ? j : -1;
}

/** A place preposition, a list separator or a ranking lead before the name, maybe through "the province of". */
function placeLeads(tokens: readonly Token[], name: number, lex: Lexicon): boolean {
  const norm = (k: number) => tokens[k]?.norm ?? '';
  const leads = (k: number) =>
    lex.itemPrepositions.has(norm(k)) ||
    lex.additives.places.has(norm(k)) ||
    lex.listSeparators.has(norm(k)) ||
    lex.coordinators.has(norm(k)) ||
    lex.itemLeads.some((l) => l.every((w, j) => norm(k - l.length + 1 + j) === w));
  if (leads(name - 1)) return true;
  if (!lex.nameLinks.has(norm(name - 1))) return false;
  for (let k = name - 2; k >= Math.max(0, name - 2 - LINK_WORDS); k--) {
    if (lex.additives.places.has(norm(k)) || lex.itemPrepositions.has(norm(k))) return true;
    if (tokens[k]!.kind !== 'word' || !/^\p{Ll}/u.test(tokens[k]!.text)) return false;
  }
  return false;
}

/**
 * The term of the last displacement trigger before the name in the same clause: none across a
 * clause break ("8,000 were evacuated, while Gaza (31) …"), a blocker, or another bracket's figure.
 */
function clauseTerm(
  tokens: readonly Token[],
  triggers: readonly Trigger[],
  name: number,
  lex: Lexicon,
  /** The bracket names its own people ("across Sofala (109,199 people)"): a count of sites before it is no concern. */
  ownPeople = false,
  /** The clause names the homes it counts: a housing trigger's term carries on. */
  homes = false,
): Term | null {
  const term = continuedTerm(triggers, name, null, homes);
  const from = triggers.filter((t) => t.next <= name && !t.entry.term.startsWith('block:')).pop();
  if (!term || !from) return null;
  // "assisted the return of 1,607 Afghan refugees from Pakistan (798), Iran (755)": the refugees
  // are the counted noun of a figure a noun of movement governs; the items take the movement's term.
  const governing = governingNoun(tokens, triggers, from);
  if (governing) return governing;
  // "the most number of relief camps in the district is in Paravur (223)": a count of sites, by place.
  const norms = tokens.map((t) => t.norm);
  if (lex.nouns.other.has(norms[from.next - 1]!) && lex.countHeads.some((c) => endsAt(norms, from.first, c)))
    return null;
  // From the trigger's first word: its own number may be the count ("in 30 sites across Pemba (11)").
  for (let k = from.first; k < name; k++) {
    const t = tokens[k]!;
    if (t.text === '.' || (lex.clauseBreaks.has(t.norm) && t.text !== ';' && t.text !== ':')) return null;
    // "accommodated in 30 sites across Pemba (11)": the brackets break down a count of other things.
    // (A share of the same people is no count of other things: "in Anbar governorate (85 per cent); Falluja (25,300)".)
    const counted =
      t.kind === 'number' && !measured(tokens, k + 1, lex) ? findNoun(tokens, k + 1, lex)?.kind : undefined;
    if (!ownPeople && (counted === 'other' || counted === 'shelter')) return null;
  }
  return term;
}

/** The most words between a figure and its counted status noun: "1,607 [Afghan] refugees". */
const NOUN_WORDS = 2;

/**
 * The term of a noun trigger ("the return of", "el retorno de") whose figure's counted noun is the
 * status noun `status` ("refugees"), if that is how the clause reads; else null.
 */
function governingNoun(tokens: readonly Token[], triggers: readonly Trigger[], status: Trigger): Term | null {
  if (status.entry.form !== 'agent' || status.entry.term !== 'refugees') return null;
  let figure = -1;
  for (let k = status.first - 1; k >= Math.max(0, status.first - 1 - NOUN_WORDS); k--)
    if (tokens[k]!.kind === 'number') {
      figure = k;
      break;
    }
  if (figure < 0) return null;
  // Over the figure's scale and qualifier back to the noun: "the return of [some] 1.2 [million]".
  const noun = triggers.find(
    (t) => t.entry.form === 'noun' && t.entry.term === 'returns' && t.next <= figure && figure - t.next <= 3,
  );
  return noun ? 'returns' : null;
}

/** The most tokens looked back from a bracket's place name for the homes its clause counts. */
const HOMES_REACH = 12;

/**
 * Whether the clause before the place names the homes its figures count: "Homes have been damaged
 * in Kushk (77), Zindajan (23)": a bare figure in brackets then counts homes, as a total would.
 */
function clauseNamesHousing(tokens: readonly Token[], name: number, lex: Lexicon): boolean {
  for (let k = name - 1; k >= Math.max(0, name - HOMES_REACH); k--) {
    const t = tokens[k]!;
    if (t.text === '.' || (lex.clauseBreaks.has(t.norm) && t.text !== ';' && t.text !== ':')) return false;
    if (lex.nouns.housing.has(t.norm)) return true;
  }
  return false;
}

/** Whether the bracket closing at `close` ends on a people or household noun: "(109,199 people)". */
function namesPeople(tokens: readonly Token[], close: number, lex: Lexicon): boolean {
  const noun = tokens[close - 1]?.norm ?? '';
  return lex.nouns.people.has(noun) || lex.nouns.households.has(noun);
}

/** A trigger of the item's own right after its bracket, before the next separator: "Rafah (12) reported deaths". */
function ownTriggerAfter(
  tokens: readonly Token[],
  triggers: readonly Trigger[],
  from: number,
  lex: Lexicon,
): boolean {
  let to = from;
  while (to < tokens.length && !lex.listSeparators.has(tokens[to]!.norm) && tokens[to]!.text !== '.') to++;
  return triggers.some((t) => t.first >= from && t.first < to);
}

/** A percentage or other measure's unit at k ("85 per cent", "85%"). */
function measured(tokens: readonly Token[], k: number, lex: Lexicon): boolean {
  const w = tokens[k]?.norm ?? '';
  return w === '%' || lex.measureAfter.has(w) || lex.measureAfter.has(`${w} ${tokens[k + 1]?.norm ?? ''}`);
}
