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

/**
 * What /\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}|\d+(?:[.,]\d+)*|[^\s\p{L}\d]/gu finds, scanned by hand
 * code point by code point (the expression's match objects cost more than the scan): a word
 * runs from a letter over letters, marks, apostrophes and hyphens to its last letter; a number
 * is digits joined by single periods or commas; any other character but white space is a token
 * of its own.
 */
const LETTER = 1;
const MARK = 2;
const SPACE = 4;
const ONE_LETTER = /^\p{L}$/u;
const ONE_MARK = /^\p{M}$/u;
const ONE_SPACE = /^\s$/u;
/** What each code point outside ASCII is (LETTER, MARK, SPACE or none), asked once. */
const wideKinds = new Map<number, number>();
function wideKind(cp: number): number {
  let k = wideKinds.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = ONE_LETTER.test(ch) ? LETTER : ONE_MARK.test(ch) ? MARK : ONE_SPACE.test(ch) ? SPACE : 0;
    // Texts hold few distinct characters outside ASCII; the bound keeps hostile input from
    // growing the map without end.
    if (wideKinds.size < 50_000) wideKinds.set(cp, k);
  }
  return k;
}
const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number) => c >= 48 && c <= 57;
const WORD_LETTER = /\p{L}/u;

/**
 * An adverb in -ly hyphened to the word it modifies ("internally-displaced", "newly-arrived"):
 * house styles differ, and the hyphen must not hide the participle from the lexicon, so the two
 * are read as two words (the hyphen itself is no token).
 */
const LY_COMPOUND = /^(\p{L}{2,}ly)-(\p{L}[\p{L}\p{M}'’]*)$/u;
/**
 * A noun of people hyphened to the unit that counts them ("evacuee-families", "IDP-households",
 * Philippine agency style): read as the two words the lexicon knows, like the -ly compounds.
 */
const UNIT_COMPOUND = /^(\p{L}{2,})-(families|households|individuals|persons)$/iu;

export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const n = Math.min(end, text.length);
  // The code point at i (a surrogate pair read whole when both halves lie before n) and its width.
  let cp = 0;
  let width = 1;
  const read = (i: number) => {
    const c = text.charCodeAt(i);
    cp = c;
    width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
  };
  let i = offset;
  // Like the expression, a start inside a surrogate pair starts at the pair.
  if (i > 0 && i < n) {
    const c = text.charCodeAt(i);
    const before = text.charCodeAt(i - 1);
    if (c >= 0xdc00 && c <= 0xdfff && before >= 0xd800 && before <= 0xdbff) i--;
  }
  while (i < n) {
    const c = text.charCodeAt(i);
    const start = i;
    let stop: number;
    if (c < 128) {
      if (isAsciiLetter(c)) stop = wordEnd(i + 1, i + 1);
      else if (isDigit(c)) stop = numberEnd(i + 1);
      else if (c === 32 || (c >= 9 && c <= 13)) {
        i++;
        continue;
      } else stop = i + 1;
    } else {
      read(i);
      const k = wideKind(cp);
      if (k === LETTER) stop = wordEnd(i + width, i + width);
      else if (k === SPACE) {
        i += width;
        continue;
      } else stop = i + width;
    }
    i = stop;
    const t = text.slice(start, stop);
    const first = t.charCodeAt(0);
    // The kind is read off the first code unit, as before the scan was written by hand.
    const kind =
      first >= 48 && first <= 57
        ? 'number'
        : first < 128
          ? isAsciiLetter(first)
            ? 'word'
            : 'punct'
          : WORD_LETTER.test(t[0] ?? '')
            ? 'word'
            : 'punct';
    const ly =
      kind === 'word' && t.includes('-') ? (LY_COMPOUND.exec(t) ?? UNIT_COMPOUND.exec(t)) : null;
    if (ly) {
      const [, adverb, word] = ly as unknown as [string, string, string];
      tokens.push({
        text: adverb,
        norm: normalise(adverb),
        start,
        end: start + adverb.length,
        kind,
      });
      const at = start + adverb.length + 1;
      tokens.push({ text: word, norm: normalise(word), start: at, end: at + word.length, kind });
      continue;
    }
    tokens.push({ text: t, norm: normalise(t), start, end: stop, kind });
    // Pakistan's military and disaster-agency reports count with a times sign glued to the
    // figure ("2,333x persons", "10x boats"): the sign is no word between a count and its noun.
    if (kind === 'number' && timesSign(stop)) i = stop + 1;
  }
  return tokens;

  /** An "x" right after a number and before a space, a punctuation mark or the end. */
  function timesSign(j: number): boolean {
    if (text.charCodeAt(j) !== 120) return false;
    if (j + 1 >= n) return true;
    const c = text.charCodeAt(j + 1);
    return c < 128 && !isAsciiLetter(c) && !isDigit(c);
  }

  /** From j, over letters, marks, apostrophes and hyphens; the word ends after its last letter. */
  function wordEnd(j: number, lastLetterEnd: number): number {
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c < 128) {
        if (isAsciiLetter(c)) lastLetterEnd = ++j;
        else if (c === 39 || c === 45) j++;
        else break;
      } else if (c === 0x2019) j++;
      else {
        read(j);
        const k = wideKind(cp);
        if (k === LETTER) lastLetterEnd = j += width;
        else if (k === MARK) j += width;
        else break;
      }
    }
    return lastLetterEnd;
  }

  /** From j after a digit: more digits, and a period or comma only with a digit after it. */
  function numberEnd(j: number): number {
    for (;;) {
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      const c = text.charCodeAt(j);
      if ((c === 46 || c === 44) && j + 1 < n && isDigit(text.charCodeAt(j + 1))) j += 2;
      else return j;
    }
  }
}

/** Any character normalise() folds: most words have none, and skip both replacements. */
const FOLDED = /[’‘`´‐‑‒–—]/;

/** A word written with a capital first letter: a name's word, or a sentence's first. */
const titleCase = new WeakMap<readonly Token[], boolean>();
/** Words of four letters or more, at least this many, nearly all capitalised: a headline. */
const TITLE_WORDS = 4;
const TITLE_SHARE = 0.8;

/** Whether the sentence is a headline in title case ("Offensives Against ISIS Could Displace 2.3 Million"). */
export function isTitleCase(tokens: readonly Token[]): boolean {
  let hit = titleCase.get(tokens);
  if (hit === undefined) {
    const long = tokens.filter((x) => x.kind === 'word' && x.text.length >= 4);
    const caps = long.filter((x) => /^\p{Lu}\p{Ll}/u.test(x.text)).length;
    hit = long.length >= TITLE_WORDS && caps >= TITLE_SHARE * long.length;
    titleCase.set(tokens, hit);
  }
  return hit;
}

export function isCapitalised(t: Token): boolean {
  return t.kind === 'word' && /^\p{Lu}/u.test(t.text);
}

export function normalise(word: string): string {
  const lower = word.toLowerCase();
  return FOLDED.test(lower) ? lower.replace(/[’‘`´]/g, "'").replace(/[‐‑‒–—]/g, '-') : lower;
}
