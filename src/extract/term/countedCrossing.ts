// "35,300 people entered Poland", "15,800 Ukrainians entered Moldova": people counted right
// before a phrase that takes them into a named country crossed a border, as a refugee word in
// the sentence would tell. Without such a count the phrase stays a cue only ("troops entered
// Ukraine", "the storm entered Mexico", "40 armoured vehicles entered Romania").
import type { Lexicon, TriggerEntry } from '../lexicon.js';
import type { Token } from '../segment/tokens.js';
import { COUNTRY_SLOTS } from './families.js';

/** Auxiliaries and adverbs between the counted noun and the phrase: "people [have already] entered". */
const GAP = 3;
/** An adverb: "reportedly", "already" is an auxiliary's neighbour too. */
const ADVERB = /^\p{L}+ly$|^already$|^also$/u;

export function peopleCountedInto(tokens: readonly Token[], first: number, entry: TriggerEntry, lex: Lexicon): boolean {
  if (entry.inContext?.term !== 'refugees' || !entry.words.some((w) => w.startsWith(COUNTRY_SLOTS))) return false;
  let k = first - 1;
  for (let gap = 0; gap < GAP && k >= 0; gap++, k--) {
    const w = tokens[k]!.norm;
    if (!lex.auxiliaries.has(w) && !ADVERB.test(w)) break;
  }
  const noun = tokens[k];
  // Only people who cross to stay, not visitors: "20,000 tourists entered Thailand" is no crossing.
  if (!noun || !(lex.crossingPeople.has(noun.norm) || lex.nationals.has(noun.norm))) return false;
  let n = k - 1;
  while (n >= 0 && lex.scales.has(tokens[n]!.norm)) n--;
  return tokens[n]?.kind === 'number';
}
