// "Chad has received some 600,000 Sudanese", "Uganda hosts nearly 100,000 Congolese", "le Tchad
// accueille 400 000 Soudanais": a country hosting or taking in a number of another nation's
// people counts refugees, whatever the verb reads as elsewhere ("received aid", "hosts a summit").
// Only when the figure's noun is a nationality: a capitalised plural demonym, or one of the
// nationality list (Spanish and French write them in lower case: "acogía a 400.000 sudaneses"), or
// people of a named country ("768.000 ciudadanos de Venezuela", lexicon `host_citizens`), or
// any people when the host is a country named as the verb's subject ("Uganda has so far received
// more than 14,000 persons"): a country takes people in across its border.
import type { Lexicon } from '../lexicon.js';
import { matchesAt, startingWith } from '../lexicon.js';
import type { Token } from '../segment/tokens.js';
import { impliedEntry, type Trigger } from './triggers.js';
import { countryAt } from './crossing.js';
import { isCountry } from '../countryRows.js';

/** Words between the verb and the figure: "has received [some]", "hosts [more than]". */
const FIGURE_REACH = 3;
/** The word joining a scale to its noun: "millones de venezolanos", "millions of Syrians". */
const SCALE_OF: ReadonlySet<string> = new Set(['de', 'of', "d'"]);
/** The perfect participle's auxiliary before a participle of leaving: "having fled", "ayant fui", "habiendo huido". */
const PERFECT_PARTICIPLES: ReadonlySet<string> = new Set(['having', 'ayant', 'habiendo']);
/** A plural demonym, as the noun reader knows them: "Sudanese", "Syrians", "Soudanais", "Afghans". */
const DEMONYM = /^\p{Lu}\p{Ll}+(ians|ans|ese|is|ais|ois|ens|iens|ers|ites|es|s)$/u;

/**
 * The host triggers of a sentence, and the token after each nationality: a participle there
 * ("409,000 Sudanese fleeing previous waves") tells why they came, not what they are counted as.
 */
function hostedNationals(tokens: readonly Token[], lex: Lexicon): { triggers: Trigger[]; after: Set<number> } {
  const after = new Set<number>();
  if (lex.hostVerbs.length === 0) return { triggers: [], after };
  const norms = tokens.map((t) => t.norm);
  const out: Trigger[] = [];
  for (let i = 0; i < norms.length; i++) {
    const verb = startingWith(lex.hostVerbs, norms[i]).find((v) => matchesAt(norms, i, v));
    if (!verb) continue;
    const next = i + verb.length;
    // "accueille toujours sur son sol quelque 2,90 millions de Syriens": where the host keeps them
    // may stand before the figure, after an adverb at most.
    const place = [next, next + 1]
      .map((j) => startingWith(lex.hostPlaces, norms[j]).find((p) => matchesAt(norms, j, p)))
      .find((p) => p !== undefined);
    const reach = FIGURE_REACH + (place?.length ?? 0);
    const figure = tokens.slice(next, next + reach + 1).findIndex((t) => t.kind === 'number');
    if (figure < 0) continue;
    let k = next + figure + 1;
    while (tokens[k] && (tokens[k]!.kind === 'number' || lex.scales.has(tokens[k]!.norm))) k++;
    // "1,8 millones de venezolanos": a scale's "de" before the nationality.
    if (lex.scales.has(tokens[k - 1]?.norm ?? '') && SCALE_OF.has(tokens[k]?.norm ?? '')) k++;
    // "acoge a unos 768.000 ciudadanos de Venezuela": people named by their country.
    const citizens = lex.hostCitizens.find((c) => matchesAt(norms, k, c));
    if (citizens && countryAt(norms, k + citizens.length, lex)) {
      out.push(hostTrigger(norms, i, next));
      continue;
    }
    const noun = tokens[k];
    if (!noun) continue;
    const people = lex.nouns.people.has(noun.norm) || lex.nouns.households.has(noun.norm);
    if (!(people && countryBefore(tokens, i, lex))) {
      if (!(DEMONYM.test(noun.text) || lex.nationals.has(noun.norm))) continue;
      // A capitalised noun of people or homes is no nationality: "Evacuation Shelters and 8,654 Households".
      if ((people || lex.nouns.housing.has(noun.norm)) && !lex.nationals.has(noun.norm)) continue;
    }
    out.push(hostTrigger(norms, i, next));
    // "Syrians who fled", "Syriens ayant fui": a relative or an auxiliary may open the participle.
    let p = k + 1;
    after.add(p);
    const opens = (w: string) => lex.relatives.has(w) || lex.auxiliaries.has(w) || PERFECT_PARTICIPLES.has(w);
    while (p < k + 3 && opens(norms[p] ?? '')) after.add(++p);
  }
  return { triggers: out, after };
}

/** Lower-case words that may stand between a country and its host verb: "Uganda [has so far] received". */
const SUBJECT_GAP = 4;
/** The most words of a country's name. */
const NAME_WORDS = 4;

/**
 * Whether a country's name is the subject of the host verb at `verb`: it ends at most a few
 * lower-case words before it, and no preposition opens it ("the hospital in Juba has received").
 */
function countryBefore(tokens: readonly Token[], verb: number, lex: Lexicon): boolean {
  const norms = tokens.map((t) => t.norm);
  for (let end = verb - 1; end >= 0 && verb - 1 - end <= SUBJECT_GAP; end--) {
    const t = tokens[end]!;
    if (t.kind !== 'word') return false;
    if (t.text === t.norm) continue;
    // The capitalised word ends the name: "[Uganda] has", "the [Central African Republic] has".
    for (let start = end; start >= 0 && end - start < NAME_WORDS; start--) {
      const prev = norms[start - 1] ?? '';
      if (isCountry(tokens, start, end + 1, lex)) return !lex.itemPrepositions.has(prev) && !lex.nameLinks.has(prev);
    }
    return false;
  }
  return false;
}

/** The refugees trigger of the host verb at tokens [first, next). */
function hostTrigger(norms: readonly string[], first: number, next: number): Trigger {
  return { entry: impliedEntry(norms.slice(first, next), 'refugees', 'active', 'refugees:hosted-nationals'), first, next, namesHousing: false };
}

/**
 * The sentence's triggers with its host verbs: a host verb before a nationality's count replaces
 * the trigger it overlaps ("hosts" as sheltered) and the participle after the nationality.
 */
export function withHostedNationals(found: Trigger[], tokens: readonly Token[], lex: Lexicon): Trigger[] {
  const hosted = hostedNationals(tokens, lex);
  if (hosted.triggers.length === 0) return found;
  return [
    ...found.filter(
      (t) => !hosted.after.has(t.first) && !hosted.triggers.some((h) => t.first < h.next && h.first < t.next),
    ),
    ...hosted.triggers,
  ].sort((a, b) => a.first - b.first);
}
