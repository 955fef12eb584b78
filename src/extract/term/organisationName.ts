// "the Department of Refugees and Returnees", "la Agencia de Naciones Unidas para los Refugiados",
// "le Haut-Commissariat des Nations unies pour les Réfugiés": a trigger word inside the name of a
// public body names the body, not people counted.
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../segment/tokens.js';

/** How many words back from the word the head of the name is looked for. */
const ORGANISATION_REACH = 6;

/**
 * Whether the word at `i` belongs to an organisation's name: walking back over the name's own
 * capitalised words and its small words ("of", "for the", "de los", "pour les"), a capitalised head
 * noun of a body ("Ministry", "Agencia", "Commissariat") is reached. The word itself may be lower
 * case, as French and Spanish write names ("le Haut-commissariat pour les réfugiés (HCR)"); a
 * number or a verb between it and the head ("the Office said 500 refugees") ends the name, and a
 * lower-case word must follow one of its small words.
 */
export function inOrganisationName(tokens: readonly Token[], i: number, lex: Lexicon): boolean {
  if (i === 0) return false;
  // Lower case, the word must follow a small word of the name: "the Ministry of Emergency
  // Situations evacuated 11,000 people" is the body's act.
  if (!/^\p{Lu}/u.test(tokens[i]?.text ?? '') && !lex.nameJoiners.has(tokens[i - 1]?.norm ?? '')) return false;
  for (let k = i - 1; k >= Math.max(0, i - ORGANISATION_REACH); k--) {
    const w = tokens[k]!;
    if (w.kind !== 'word') return false;
    if (/^\p{Lu}/u.test(w.text)) {
      if (lex.organisationHeads.has(w.norm)) return true;
    } else if (!lex.nameJoiners.has(w.norm)) return false;
  }
  return false;
}

/**
 * Whether the word at `k` is a word of a public body's name by the words right beside it, where no
 * token objects are at hand: a head noun right after it ("the Norwegian Refugee Council", "the UN
 * Refugee Agency"), or one right before a small word of the name ("the Commissioner for Refugees").
 * Cue words so placed speak of no refugees in their sentence or document.
 */
export function besideOrganisationHead(
  words: readonly string[],
  k: number,
  lex: Pick<Lexicon, 'organisationHeads' | 'nameJoiners'>,
): boolean {
  const heads = lex.organisationHeads;
  return heads.has(words[k + 1] ?? '') || (lex.nameJoiners.has(words[k - 1] ?? '') && heads.has(words[k - 2] ?? ''));
}
