// Words glued together by PDF text extraction ("wereevacuated", "hadfled", "1,200familieswere",
// "peopleinKenya"). Only tokens that are not words themselves are looked at, and only plain ones:
// lower-case words; capitalised words only after a sentence opener ("Thefloods", "Morethan"),
// since most unknown capitalised words are names, and compound names are made of words
// ("Clearwater", "Yellowknife"); and a lower-case word glued to a capitalised one. Acronyms, names with inner capitals
// ("McDonald", "iPhone"), words joined to accented letters, apostrophes or hyphens, and anything
// in a URL, e-mail address, hashtag or code-like token are left alone. A figure glued to a
// following word is parted from it where the word is a known word of three or more letters
// ("1,200families", "2.5million"), never from units and suffixes ("10km", "19th", "1990s"):
// the quantity reader takes a figure with letters after it for a measure or a label. A word
// before a figure ("in2019") needs nothing: the tokenizer already parts them.
import type { Dictionary } from './dictionary.js';
import type { Edit } from './offsetMap.js';
import { segmentWords } from './segmentWords.js';

const WORD = /[A-Za-z]+/g;
const LOWER = /^[a-z]+$/;
const CAPITALISED = /^[A-Z][a-z]+$/;
/** A lower-case word, then capitalised words: "inKenya", "displacedfromSyria". */
const LOWER_THEN_CAPITALISED = /^[a-z]{2,}(?:[A-Z][a-z]+)+$/;
const MIN_LOWER = 4;
const MIN_CAPITALISED = 5;
/** After a capitalised opener, the parts must be common words (class 35 or below) of 3+ letters. */
const CAPITALISED_RAREST = 35;
const CODE_LIKE = /[@/\\_=#~<>{}|]|[A-Za-z0-9]\.[a-z]|www|https?|[A-Za-z]\d+[A-Za-z]/;
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

export function gluedEdits(text: string, dict: Dictionary): Edit[] {
  const edits: Edit[] = [];
  const space = (at: number) => edits.push({ start: at, end: at, text: ' ' });
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const token = m[0];
    const start = m.index;
    const end = start + token.length;
    const prev = text[start - 1];
    const next = text[end];
    if (!plainNeighbour(prev) || !plainNeighbour(next)) continue;
    const afterFigure = isDigit(prev);
    const known = dict.classOf(token.toLowerCase()) !== undefined;
    if (known) {
      // "1,200families", "2.5million": a known word glued after a figure.
      if (afterFigure && token.length >= 3 && LOWER.test(token) && !codeLike(text, start, end)) space(start);
      continue;
    }
    const cuts = cutsOf(token, dict);
    if (!cuts || codeLike(text, start, end)) continue;
    if (afterFigure) space(start);
    for (const c of cuts) space(start + c);
  }
  return edits;
}

/** Offsets inside an unknown token where a space belongs, or null to leave it whole. */
function cutsOf(token: string, dict: Dictionary): number[] | null {
  if (LOWER.test(token)) return token.length >= MIN_LOWER ? offsets(segmentWords(token, dict)) : null;
  if (CAPITALISED.test(token)) {
    if (token.length < MIN_CAPITALISED) return null;
    const parts = segmentWords(token.toLowerCase(), dict, { rarest: CAPITALISED_RAREST });
    const opened =
      parts && dict.capitalisedHeads.has(parts[0]!) && parts.slice(1).every((p) => p.length >= 3);
    return opened ? offsets(parts) : null;
  }
  if (!LOWER_THEN_CAPITALISED.test(token)) return null;
  // Cut before the first capital; the lower-case head may itself be glued ("peoplein").
  const head = token.slice(0, token.search(/[A-Z]/));
  if (dict.classOf(head) !== undefined) return [head.length];
  const inner = offsets(segmentWords(head, dict));
  return inner ? [...inner, head.length] : null;
}

function offsets(parts: string[] | null): number[] | null {
  if (!parts) return null;
  const out: number[] = [];
  let at = 0;
  for (const p of parts.slice(0, -1)) out.push((at += p.length));
  return out;
}

/** A neighbour that leaves the token a plain word: not an accented letter, apostrophe or hyphen. */
function plainNeighbour(c: string | undefined): boolean {
  if (c === undefined) return true;
  if (c === "'" || c === '’' || c === '-' || c === '‐') return false;
  return c.charCodeAt(0) < 128 || !/[\p{L}\p{M}]/u.test(c);
}

/** Is the white-space-delimited chunk around the token a URL, e-mail address, hashtag or code? */
function codeLike(text: string, start: number, end: number): boolean {
  let s = start;
  let e = end;
  while (s > 0 && !/\s/.test(text[s - 1]!)) s--;
  while (e < text.length && !/\s/.test(text[e]!)) e++;
  return CODE_LIKE.test(text.slice(s, e));
}
