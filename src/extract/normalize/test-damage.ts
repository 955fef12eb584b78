// A seeded damager for measuring the repair stage: it does to clean text what PDF extraction
// does (test and bench helper only, never on the product path). It wraps lines at a column,
// hyphenating some long words at the wrap ("evacu-\nated"), glues random word pairs (dropping
// the space between them), doubles some spaces, and writes apostrophes, quotes, dashes and
// accented letters as their mojibake (UTF-8 read as Windows-1252, or as Windows-1250 when asked),
// or U+FFFD for an apostrophe.
// It returns the damaged text and a map from clean offsets to damaged ones, so that gold spans
// can follow the text.

export interface DamageOptions {
  /** Share of the spaces between two words that are dropped. */
  glue?: number;
  /** Line width at which lines are wrapped (0: no wrapping). */
  width?: number;
  /** Share of wraps inside a long word that hyphenate it. */
  hyphenate?: number;
  /** Share of apostrophes, quotes, dashes and accented letters written as mojibake. */
  mojibake?: number;
  /** Share of spaces doubled. */
  doubleSpace?: number;
  /** The charset the UTF-8 bytes are read back with: Western (1252) or Central European (1250). */
  charset?: 'windows-1252' | 'windows-1250';
}

export interface Damaged {
  text: string;
  /** The damaged offset of a clean offset (a span start when `end` is false). */
  toDamaged(pos: number, end?: boolean): number;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const DEFAULTS: Required<DamageOptions> = {
  glue: 0.15,
  width: 80,
  hyphenate: 0.5,
  mojibake: 0.7,
  doubleSpace: 0.05,
  charset: 'windows-1252',
};

/** mulberry32: a small seeded generator, so that every run damages the same way. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UTF-8 bytes of `c` read back as Windows-1252 (or Windows-1250) characters. */
function mojibakeOf(c: string, charset: 'windows-1252' | 'windows-1250'): string {
  const bytes = new TextEncoder().encode(c);
  if (charset === 'windows-1250') return new TextDecoder('windows-1250').decode(bytes);
  const cp1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
  return [...bytes].map((b) => (b >= 0x80 && b < 0xa0 ? cp1252[b - 0x80]! : String.fromCharCode(b))).join('');
}

export function damage(clean: string, seed: number, options: DamageOptions = {}): Damaged {
  const o = { ...DEFAULTS, ...options };
  const rnd = seeded(seed);
  const edits: Edit[] = [];
  let lineStart = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i]!;
    if (c === '\n') {
      lineStart = i + 1;
      continue;
    }
    const code = c.charCodeAt(0);
    if (code >= 0x80 && /[’‘“”–—\p{L}]/u.test(c) && rnd() < o.mojibake) {
      // A decoder that gave up puts U+FFFD where the apostrophe or the accented letter stood.
      const fffd = rnd() < 0.3;
      edits.push({ start: i, end: i + 1, text: fffd ? '\ufffd' : mojibakeOf(c, o.charset) });
      continue;
    }
    if (c !== ' ') continue;
    const before = clean[i - 1] ?? '';
    const after = clean[i + 1] ?? '';
    const between = /[\p{L}\d,]/u.test(before) && /[\p{L}\d]/u.test(after);
    if (o.width > 0 && i - lineStart >= o.width) {
      // Wrap here, or inside the next long word, hyphenated as a typesetter would.
      const word = /^\p{Ll}{8,}/u.exec(clean.slice(i + 1))?.[0];
      if (word && rnd() < o.hyphenate) {
        const cut = i + 1 + Math.floor(word.length / 2);
        edits.push({ start: cut, end: cut, text: '-\n' });
        lineStart = cut;
      } else {
        edits.push({ start: i, end: i + 1, text: '\n' });
        lineStart = i + 1;
      }
      continue;
    }
    if (between && rnd() < o.glue) edits.push({ start: i, end: i + 1, text: '' });
    else if (rnd() < o.doubleSpace) edits.push({ start: i, end: i + 1, text: '  ' });
  }
  edits.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(clean.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(clean.slice(at));
  const text = parts.join('');
  const toDamaged = (pos: number, end = false): number => {
    let shift = 0;
    for (const e of edits) {
      const delta = e.text.length - (e.end - e.start);
      // An insertion at `pos` is before a span's start and after its end.
      const before = e.end === e.start ? e.start < pos || (e.start === pos && !end) : e.end <= pos;
      if (before) shift += delta;
      else if (e.start >= pos) break;
      // Inside a replaced character: a start goes before its replacement, an end after it.
      else return end ? e.start + shift + e.text.length : e.start + shift;
    }
    return pos + shift;
  };
  return { text, toDamaged };
}
