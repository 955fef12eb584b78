// Reads numbers written in words: "nine hundred and twenty-one", "two million", "a dozen",
// "dos mil", "un centenar". `readWordNumber` consumes as many tokens as form one number.
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../segment/tokens.js';

export interface WordReading {
  value: number;
  /** Index after the last token used. */
  next: number;
  approximate: boolean;
}

export function readWordNumber(tokens: readonly Token[], i: number, lex: Lexicon): WordReading | null {
  let total = 0;
  let current = 0;
  let used = false;
  let approximate = false;
  let j = i;
  let lastWasNumber = false;
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (t.kind !== 'word') break;
    const parts = t.norm.split('-');
    const values = parts.map((p) => lex.numberUnits.get(p) ?? (lex.scales.has(p) ? -1 : undefined));
    if (values.some((v) => v === undefined)) {
      // "and" / "y" inside a number: "two hundred and fifty"
      if ((t.norm === 'and' || t.norm === 'y' || t.norm === 'et') && used && lastWasNumber) {
        const nx = tokens[j + 1];
        if (nx && nx.kind === 'word' && lex.numberUnits.has(nx.norm.split('-')[0] ?? '')) {
          j++;
          lastWasNumber = false;
          continue;
        }
      }
      if ((t.norm === 'de' || t.norm === 'of') && used) break;
      break;
    }
    // "half a million", "medio millón": the article after the half is part of the number,
    // and a half is a number only before a scale of a thousand or more.
    const isHalf = (k: number) => lex.numberUnits.get(tokens[k]?.norm ?? '') === 0.5;
    if (used && (t.norm === 'a' || t.norm === 'an') && isHalf(j - 1)) {
      j++;
      continue;
    }
    if (!used && isHalf(j)) {
      const article = tokens[j + 1]?.norm === 'a' || tokens[j + 1]?.norm === 'an';
      const scale = tokens[j + (article ? 2 : 1)];
      if (!scale || (lex.scales.get(scale.norm) ?? 0) < 1000) return null;
    }
    // "a" / "an" / "un" / "une" only start a number before a scale word: "a hundred", "un centenar".
    if (
      !used &&
      (t.norm === 'a' || t.norm === 'an' || t.norm === 'un' || t.norm === 'une' || t.norm === 'una')
    ) {
      const nx = tokens[j + 1];
      if (!nx || !(lex.scales.has(nx.norm) || nx.norm === 'dozen')) return null;
    }
    for (const p of parts) {
      const scale = lex.scales.get(p);
      if (scale !== undefined && lex.numberUnits.get(p) === undefined) {
        if (lex.approximateScales.has(p)) approximate = true;
        if (scale >= 1000) {
          total += (current || 1) * scale;
          current = 0;
        } else current = (current || 1) * scale;
      } else {
        const v = lex.numberUnits.get(p)!;
        if (p === 'dozen') current = (current || 1) * 12;
        else if (v === 100 && current > 0)
          current *= 100; // "doscientos" style already whole; "cien"
        else current += v;
      }
    }
    used = true;
    lastWasNumber = true;
    j++;
  }
  if (!used) return null;
  const value = Math.round(total + current);
  if (value <= 0) return null;
  return { value, next: j, approximate };
}
