// "12,600 people have been displaced from the Bureij refugee camp", "32,000 IDPs from three IDP
// camps", "desplazados desde el albergue": a camp or shelter after a preposition of origin is where
// people came from, not where they stay ("reports from the camps" are news, not people, and keep it).
// So is one a verb of leaving takes as its object: "192 families left the Al-Hol camp", "334
// households departing camp settings", "173 familias abandonaron el campamento".
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../segment/tokens.js';

/** How many words (articles, numbers, names, modifiers) may stand between the preposition and the site. */
const ORIGIN_REACH = 4;

export function campIsOrigin(tokens: readonly Token[], first: number, lex: Lexicon): boolean {
  for (let k = first - 1; k >= Math.max(0, first - 1 - ORIGIN_REACH); k--) {
    const t = tokens[k]!;
    const endsHere = (w: string[]) => w.every((x, j) => tokens[k - w.length + 1 + j]?.norm === x);
    if (lex.campOrigin.leaving.some(endsHere)) return true;
    const p = lex.campOrigin.prepositions.find(endsHere);
    // "reports from the camps" tell where news came from, not people.
    if (p) return !lex.campOrigin.sources.has(tokens[k - p.length]?.norm ?? '');
    const filler =
      t.kind === 'number' ||
      lex.numberUnits.has(t.norm) ||
      lex.campOrigin.determiners.has(t.norm) ||
      (t.kind === 'word' && /^\p{Lu}/u.test(t.text));
    if (!filler) return false;
  }
  return false;
}

/**
 * Whether the verb of leaving at [first, end) takes a camp as its object ("left the Al-Hol camp",
 * "abandonaron el campamento"): people leaving a camp did not flee their homes then.
 */
export function leavesCamp(tokens: readonly Token[], first: number, end: number, lex: Lexicon): boolean {
  if (!lex.campOrigin.leaving.some((w) => w.length === end - first && w.every((x, j) => tokens[first + j]?.norm === x)))
    return false;
  for (let k = end; k <= end + ORIGIN_REACH && tokens[k]; k++) {
    const t = tokens[k]!;
    if (lex.refuge.sites.has(t.norm)) return true;
    const filler = t.kind === 'number' || lex.campOrigin.determiners.has(t.norm) || (t.kind === 'word' && /^\p{Lu}/u.test(t.text));
    if (!filler) return false;
  }
  return false;
}
