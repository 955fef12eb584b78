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

export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = offset;
  const slice = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(slice)) !== null) {
    const t = m[0];
    const first = t.charCodeAt(0);
    const kind = first >= 48 && first <= 57 ? 'number' : /\p{L}/u.test(t[0] ?? '') ? 'word' : 'punct';
    tokens.push({ text: t, norm: normalise(t), start: m.index, end: m.index + t.length, kind });
  }
  return tokens;
}

export function normalise(word: string): string {
  return word
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—]/g, '-');
}
