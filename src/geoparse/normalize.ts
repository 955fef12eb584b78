// One normalisation for gazetteer names and text spans, so that both sides meet: accents,
// case, apostrophes and punctuation do not matter ("Khan Yūnis" = "khan yunis",
// "Winston-Salem" = "winston salem", "U.S." = "u s").

const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’`ʼ‘]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

export function normalizeName(s: string): string {
  // Fast path: plain ASCII letters and digits only.
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) {
      plain = false;
      break;
    }
  }
  if (plain) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(NON_WORD, ' ')
    .trim();
}
