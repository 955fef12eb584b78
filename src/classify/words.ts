// Splits text into folded words for lexicon matching: lower case, accents removed, apostrophes
// and hyphens treated as word breaks ("flash-flood" = "flash flood", "déplacés" = "deplaces").
// Offsets point back into the original text so every cue can be shown as evidence.

export interface Word {
  /** Folded form: lower case, no diacritics. */
  norm: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const MARKS = /\p{M}/gu;

/** Folds one word: lower case and no diacritics ("Évacués" → "evacues"). */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  // Plain ASCII needs no decomposition; most words are.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(MARKS, '');
}

/** The words of `text` with their offsets. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null) {
    out.push({ norm: fold(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}
