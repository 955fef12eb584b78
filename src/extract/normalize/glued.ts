// Words glued together by PDF text extraction ("wereevacuated", "hadfled", "1,200familieswere",
// "peopleinKenya", "Julyin"). Only tokens that are not words themselves are looked at, and
// only plain ones:
// - lower-case words, cut into known words (segmentWords.ts);
// - capitalised words, more strictly, since most unknown capitalised words are names and
//   compound names are made of words ("Clearwater", "Yellowknife"): never a place name; cut
//   after a sentence opener ("Thefloods", "Accordingto"), or after a month or weekday
//   followed by common words ("Julyin", "Mondaymorning");
// - a word glued to a capitalised word ("inKenya", "theUN", "EmergencyManagement"), cut before
//   the capital when the word before it is a known word;
// - an acronym glued to a lower-case word ("IDPsin", "UNHCRsaid").
// Acronyms, names with inner capitals ("McDonald", "iPhone"), words joined to accented letters or
// apostrophes, capitalised words joined by a hyphen ("al-Assad"), and anything in a URL, e-mail address, hashtag or code-like token
// ("H1N1", "A320neo") are left alone. A figure glued to a following word is parted from it
// where the word is a known word of three or more letters ("1,200families", "20September") or a
// table's count unit ("5,840HH"),
// never from units and suffixes ("10km", "19th", "1990s"): the quantity reader takes a figure
// with letters after it for a measure or a label. A word before a figure ("in2019") needs
// nothing: the tokenizer parts them.
import type { Dictionary } from './dictionary.js';
import type { Edit } from './offsetMap.js';
import { segmentWords } from './segmentWords.js';

const LOWER = /^[a-z]+$/;
const CAPITALISED = /^[A-Z][a-z]+$/;
/** Words with a capital inside: "inKenya", "peopleinKenya", "theUN", "InformationMinister". */
const CAMEL = /^[A-Za-z][a-z]+(?:[A-Z][a-z]+)*(?:[A-Z][a-z]+|[A-Z]{2,})$/;
/** An acronym of two or more capitals, then a lower-case word: "IDPsin", "UNHCRsaid". */
const ACRONYM_THEN_WORD = /^[A-Z]{2,}[a-z]{2,}$/;
const MIN_LOWER = 3;
const MIN_CAPITALISED = 5;
/** The longest sentence opener looked for at the start of a capitalised token. */
const MAX_OPENER = 13;
/** The parts of a capitalised token must be common words (class 35 or below). */
const CAPITALISED_RAREST = 35;
/** URLs, e-mail addresses, hashtags, paths, file names, codes with digits inside ("H1N1"). */
const CODE_LIKE = /[@\\_=#~<>{}|]|:\/\/|^\/|www\.|[A-Za-z0-9]\.[a-z]{2,}|[A-Z]\d+[A-Za-z]/;
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isHyphen = (c: string | undefined) => c === '-' || c === '‐';

/** `isName`: is this lower-cased word a place name (to be left whole)? */
export function gluedEdits(
  text: string,
  dict: Dictionary,
  isName: (word: string) => boolean = NO_NAMES,
): Edit[] {
  const edits: Edit[] = [];
  const space = (at: number) => edits.push({ start: at, end: at, text: ' ' });
  // The same unknown word (a name, mostly) recurs within a document and across a feed: cut it once.
  const memo = memoFor(dict, isName);
  const n = text.length;
  for (let i = 0; i < n;) {
    if (!isAsciiLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let upper = false;
    for (let c = text.charCodeAt(i); i < n && isAsciiLetter(c); c = text.charCodeAt(++i)) upper ||= c < 97;
    const end = i;
    const prev = text[start - 1];
    const next = text[end];
    const afterFigure = isDigit(prev);
    const beforeDigit = isDigit(next);
    // Words of one or two letters are never cut; they matter only next to a figure.
    if (end - start < MIN_LOWER && !afterFigure && !beforeDigit) continue;
    if (!plainNeighbour(prev) || !plainNeighbour(next)) continue;
    const token = text.slice(start, end);
    // "5,840HH", "1,000HHs": a table's count unit glued to its figure.
    if (afterFigure && dict.unitsAfterFigure.has(token.toLowerCase()) && !codeLike(text, start, end)) {
      space(start);
      continue;
    }
    // A capitalised word after or before a hyphen is a name's part ("al-Assad", "Ould-Abdallah").
    if ((isHyphen(prev) || isHyphen(next)) && CAPITALISED.test(token)) continue;
    // A token's verdict (a known word, or its cuts) is remembered: most tokens are words seen before.
    let cuts = memo.get(token);
    if (cuts === undefined)
      memo.set(token, (cuts = knownWord(token, upper, dict) ? KNOWN : cutsOf(token, dict, isName)));
    if (cuts === KNOWN) {
      if (!afterFigure && !beforeDigit) continue;
      const lower = upper ? token.toLowerCase() : token;
      const plain = LOWER.test(token) || CAPITALISED.test(token);
      if (!plain || codeLike(text, start, end)) continue;
      // "1,200families", "2.5million", "20September", "85,000of": a word glued after a figure.
      if (afterFigure && (token.length >= 3 || dict.afterFigure.has(lower))) space(start);
      // "of20", "Over130": a word that stands before figures, glued to one.
      if (beforeDigit && !afterFigure && token.length >= 2 && dict.beforeFigure.has(lower)) space(end);
      continue;
    }
    if (!cuts || codeLike(text, start, end)) continue;
    if (afterFigure) space(start);
    for (const c of cuts) space(start + c);
    // "totalof1001": the last part may stand before a figure.
    if (
      beforeDigit &&
      dict.beforeFigure.has((upper ? token.toLowerCase() : token).slice(cuts[cuts.length - 1] ?? 0))
    )
      space(end);
  }
  return edits;
}

const NO_NAMES = (): boolean => false;
/** A known word (in the list, or a month or weekday written capitalised): never cut. */
const KNOWN: readonly number[] = [];
const knownWord = (token: string, upper: boolean, dict: Dictionary): boolean => {
  const lower = upper ? token.toLowerCase() : token;
  return dict.classOf(lower) !== undefined || (upper && dict.proper.has(lower));
};
/** How many words' verdicts (known, or an unknown word's cuts) are remembered across documents before the memory starts over. */
const MEMO_SIZE = 50_000;
type Verdict = readonly number[] | null;
const memos = new WeakMap<Dictionary, WeakMap<(word: string) => boolean, Map<string, Verdict>>>();

/** The verdicts already found with this dictionary and name test (both fixed for a process's life). */
function memoFor(dict: Dictionary, isName: (word: string) => boolean): Map<string, Verdict> {
  let byName = memos.get(dict);
  if (!byName) memos.set(dict, (byName = new WeakMap()));
  let memo = byName.get(isName);
  if (!memo || memo.size > MEMO_SIZE) byName.set(isName, (memo = new Map()));
  return memo;
}

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** Offsets inside an unknown token where a space belongs, or null to leave it whole. */
function cutsOf(token: string, dict: Dictionary, isName: (word: string) => boolean): number[] | null {
  if (LOWER.test(token)) return token.length >= MIN_LOWER ? offsets(segmentWords(token, dict)) : null;
  if (CAPITALISED.test(token)) {
    const lower = token.toLowerCase();
    if (token.length < MIN_CAPITALISED) return null;
    const cuts = openerThenWords(lower, dict) ?? properThenWords(lower, dict);
    // Asked last, since it is rarely needed: the gazetteer loads on the first question.
    return cuts && !isName(lower) ? cuts : null;
  }
  if (ACRONYM_THEN_WORD.test(token)) return acronymCuts(token, dict);
  return CAMEL.test(token) ? camelCuts(token, dict) : null;
}

/** "IDPsin", "NGOsare", "UNHCRsaid": an acronym (perhaps plural) glued to a lower-case word. */
function acronymCuts(token: string, dict: Dictionary): number[] | null {
  const caps = token.search(/[a-z]/);
  // The plural "s" goes with the acronym when what follows is a commoner word: "IDPs in", not
  // "IDP sin"; "UNHCR said", not "UNHCRs aid" (a tie keeps the longer word).
  let best: { cuts: number[]; price: number } | null = null;
  for (const at of token[caps] === 's' ? [caps, caps + 1] : [caps]) {
    const rest = token.slice(at);
    if (rest.length === 0) continue;
    const c = dict.shortParts.has(rest) ? 0 : dict.classOf(rest);
    const inner = c === undefined ? offsets(segmentWords(rest, dict)) : null;
    if (c === undefined && !inner) continue;
    const price = c ?? 100;
    if (!best || price < best.price) best = { cuts: [at, ...(inner ?? []).map((o) => o + at)], price };
  }
  return best?.cuts ?? null;
}

/** The rest of a capitalised token as common words: one, or the fewest it cuts into. */
function commonWords(rest: string, dict: Dictionary): string[] | null {
  const c = dict.classOf(rest);
  return c !== undefined && c <= CAPITALISED_RAREST
    ? [rest]
    : segmentWords(rest, dict, { rarest: CAPITALISED_RAREST });
}

/**
 * "Thefloods", "Accordingto": a sentence opener, then common words. Openers are looked for first,
 * so that names (most unknown capitalised words) cost a few set lookups, not a segmentation.
 */
function openerThenWords(lower: string, dict: Dictionary): number[] | null {
  for (let k = Math.min(lower.length - 2, MAX_OPENER); k >= 1; k--) {
    if (!dict.capitalisedHeads.has(lower.slice(0, k))) continue;
    const parts = commonWords(lower.slice(k), dict);
    if (!parts || !parts.every((p) => p.length >= 3 || dict.shortParts.has(p))) continue;
    // "Atotal" is "A total", but a one-letter opener needs a long word after it.
    if (k === 1 && parts[0]!.length < 4) continue;
    return [k, ...(offsets(parts) ?? []).map((o) => o + k)];
  }
  return null;
}

/**
 * "Julyin", "Mondaymorning": a month or weekday, then common words. Place names are not cut
 * this way: too many are a name and a word ("Somaliland", "Jubaland").
 */
function properThenWords(lower: string, dict: Dictionary): number[] | null {
  for (let k = lower.length - 2; k >= 3; k--) {
    if (!dict.proper.has(lower.slice(0, k))) continue;
    const parts = commonWords(lower.slice(k), dict);
    if (parts) return [k, ...(offsets(parts) ?? []).map((o) => o + k)];
  }
  return null;
}

/** Cuts before each inner capital whose piece before is a known word ("peoplein" may be glued too). */
function camelCuts(token: string, dict: Dictionary): number[] | null {
  const cuts: number[] = [];
  const pieces = token.split(/(?=[A-Z][a-z])|(?<=[a-z])(?=[A-Z])/);
  let at = 0;
  for (const [k, piece] of pieces.slice(0, -1).entries()) {
    const lower = piece.toLowerCase();
    const c = dict.classOf(lower);
    const known = (c !== undefined && (c <= CAPITALISED_RAREST || lower === piece)) || dict.proper.has(lower);
    const inner = !known && k === 0 && lower === piece ? offsets(segmentWords(lower, dict)) : null;
    if (!known && !inner && !dict.capitalisedHeads.has(lower) && !dict.shortParts.has(lower)) return null;
    if (inner) cuts.push(...inner);
    cuts.push((at += piece.length));
  }
  // The last piece may be glued too: "onMondaymorning".
  const last = pieces[pieces.length - 1]!;
  const tail = CAPITALISED.test(last) && dict.classOf(last.toLowerCase()) === undefined;
  const more = tail ? properThenWords(last.toLowerCase(), dict) : null;
  return more ? [...cuts, ...more.map((o) => o + at)] : cuts;
}

function offsets(parts: string[] | null): number[] | null {
  if (!parts) return null;
  const out: number[] = [];
  let at = 0;
  for (const p of parts.slice(0, -1)) out.push((at += p.length));
  return out;
}

/**
 * A neighbour that leaves the token a plain word: not an accented letter or an apostrophe. A
 * hyphen is fine: compounds are made of known words ("well-being"), and prefixes do not cut
 * into words ("socio-economic").
 */
function plainNeighbour(c: string | undefined): boolean {
  if (c === undefined) return true;
  if (c === "'" || c === '’') return false;
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
