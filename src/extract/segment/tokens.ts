// Splits a span of text into word, number and punctuation tokens with their offsets.
// Numbers keep their separators ("190,000", "3 385", "2.5") so the quantity parsers see them
// whole; the space-separated form is joined later, where the context is known.

export interface Token {
  text: string;
  /** Lower-cased text with typographic quotes and dashes folded. */
  norm: string;
  start: number;
  end: number;
  kind: 'word' | 'number' | 'punct';
}

const TOKEN = /\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}|\d+(?:[.,]\d+)*|[^\s\p{L}\d]/gu;
/**
 * An adverb in -ly hyphened to the word it modifies ("internally-displaced", "newly-arrived"):
 * house styles differ, and the hyphen must not hide the participle from the lexicon, so the two
 * are read as two words (the hyphen itself is no token).
 */
const LY_COMPOUND = /^(\p{L}{2,}ly)-(\p{L}[\p{L}\p{M}'’]*)$/u;

export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = offset;
  const slice = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(slice)) !== null) {
    const t = m[0];
    const first = t.charCodeAt(0);
    const kind = first >= 48 && first <= 57 ? 'number' : /\p{L}/u.test(t[0] ?? '') ? 'word' : 'punct';
    const ly = kind === 'word' && t.includes('ly-') ? LY_COMPOUND.exec(t) : null;
    if (ly) {
      const [, adverb, word] = ly as unknown as [string, string, string];
      tokens.push({
        text: adverb,
        norm: normalise(adverb),
        start: m.index,
        end: m.index + adverb.length,
        kind,
      });
      const at = m.index + adverb.length + 1;
      tokens.push({ text: word, norm: normalise(word), start: at, end: at + word.length, kind });
      continue;
    }
    tokens.push({ text: t, norm: normalise(t), start: m.index, end: m.index + t.length, kind });
  }
  return tokens;
}

/** Any character normalise() folds: most words have none, and skip both replacements. */
const FOLDED = /[’‘`´‐‑‒–—]/;

export function normalise(word: string): string {
  const lower = word.toLowerCase();
  return FOLDED.test(lower) ? lower.replace(/[’‘`´]/g, "'").replace(/[‐‑‒–—]/g, '-') : lower;
}
