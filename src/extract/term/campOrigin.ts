// "12,600 people have been displaced from the Bureij refugee camp", "32,000 IDPs from three IDP
// camps", "desplazados desde el albergue": a camp or shelter after a preposition of origin is where
// people came from, not where they stay ("reports from the camps" are news, not people, and keep it).
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../segment/tokens.js';

/** How many words (articles, numbers, names, modifiers) may stand between the preposition and the site. */
const ORIGIN_REACH = 4;

export function campIsOrigin(tokens: readonly Token[], first: number, lex: Lexicon): boolean {
  for (let k = first - 1; k >= Math.max(0, first - 1 - ORIGIN_REACH); k--) {
    const t = tokens[k]!;
    const p = lex.campOrigin.prepositions.find((p) =>
      p.every((w, j) => tokens[k - p.length + 1 + j]?.norm === w),
    );
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
