// One normalisation for gazetteer names and text spans, so that both sides meet: accents,
// case, apostrophes and punctuation do not matter ("Khan Yūnis" = "khan yunis",
// "Winston-Salem" = "winston salem", "U.S." = "u s").

const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’`ʼ‘]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(NON_WORD, ' ')
    .trim();
}
