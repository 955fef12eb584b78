// Splits text into folded words for lexicon matching: lower case, accents removed, apostrophes
// and hyphens treated as word breaks ("flash-flood" = "flash flood", "déplacés" = "deplaces").
// Offsets point back into the original text so every cue can be shown as evidence.

export interface Word {
  /** Folded form: lower case, no diacritics. */
  norm: string;
  start: number;
  end: number;
}

const MARKS = /\p{M}/gu;
const WORD_START = /^[\p{L}\p{N}]$/u;
const WORD_PART = /^[\p{L}\p{M}\p{N}]$/u;

/** Folds one word: lower case and no diacritics ("Évacués" → "evacues"). */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  // Plain ASCII needs no decomposition; most words are.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(MARKS, '');
}

/** How a code point outside ASCII reads: 0 a separator, 1 a letter or digit, 2 a combining mark. */
const wideKinds = new Map<number, number>();
function wideKind(cp: number): number {
  let k = wideKinds.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = WORD_START.test(ch) ? 1 : WORD_PART.test(ch) ? 2 : 0;
    // Texts hold few distinct characters outside ASCII; the bound keeps hostile input from
    // growing the map without end.
    if (wideKinds.size < 50_000) wideKinds.set(cp, k);
  }
  return k;
}

/**
 * The words of `text` with their offsets: a letter or digit, then letters, marks and digits,
 * code point by code point (what /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*\/gu finds), scanned by hand
 * because the regular expression's match objects cost more than the scan.
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let width = 1;
    let kind: number;
    if (c < 128) kind = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
    else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          width = 2;
        }
      }
      kind = wideKind(c);
    }
    if (kind !== 1) {
      i += width;
      continue;
    }
    const start = i;
    let ascii = width === 1 && c < 128;
    i += width;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c < 128) {
        if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
          i++;
          continue;
        }
        break;
      }
      width = 1;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          width = 2;
        }
      }
      if (wideKind(c) === 0) break;
      ascii = false;
      i += width;
    }
    const word = text.slice(start, i);
    // A word of ASCII letters and digits folds to its lower case (what fold() returns for it).
    out.push({ norm: ascii ? word.toLowerCase() : fold(word), start, end: i });
  }
  return out;
}
