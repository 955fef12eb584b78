// Reads numbers written in words: "nine hundred and twenty-one", "two million", "a dozen",
// "one and a half million", "a quarter of a million", "dos mil", "un millón y medio",
// "un centenar", "quatre-vingt-dix", "deux cent mille". `readWordNumber` consumes as many
// tokens as form one number. The words are data (lexicon/<lang>/numbers.json).
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../segment/tokens.js';

export interface WordReading {
  value: number;
  /** Index after the last token used. */
  next: number;
  approximate: boolean;
}

/** One word of a number: hyphenated tokens ("twenty-five") give one part per word. */
interface Part {
  word: string;
  /** Index of the token the part belongs to. */
  tok: number;
}

interface State {
  total: number;
  current: number;
  /** The last scale of a thousand or more, for "un millón y medio" (half of that scale). */
  lastScale: number;
  approximate: boolean;
  used: boolean;
}

/** The length of an elided "d'" or "qu'" before a letter ("d'un", "qu'une"), or 0. */
export function elidedPrefix(norm: string): number {
  const m = /^(?:d|qu)'(?=\p{L})/u.exec(norm);
  return m ? m[0].length : 0;
}

export function readWordNumber(tokens: readonly Token[], i: number, lex: Lexicon): WordReading | null {
  // Only the words that may belong to a number: an unknown word ends it anyway.
  const parts: Part[] = [];
  for (let j = i; j < tokens.length && tokens[j]!.kind === 'word'; j++) {
    // The first word may carry an elided "d'" ("plus d'un million").
    const norm = tokens[j]!.norm;
    const words = (j === i ? norm.slice(elidedPrefix(norm)) : norm).split('-').filter(Boolean);
    if (!words.every((w) => mayBelong(w, lex))) break;
    for (const word of words) parts.push({ word, tok: j });
  }
  const st: State = { total: 0, current: 0, lastScale: 0, approximate: false, used: false };
  let saved: State = { ...st };
  let next = i;
  let k = 0;
  const scaleAt = (at: number) => lex.scales.get(parts[at]?.word ?? '') ?? 0;
  while (k < parts.length) {
    const p = parts[k]!;
    const midToken = k > 0 && parts[k - 1]!.tok === p.tok;
    if (!midToken) saved = { ...st };
    const step = readPart(parts, k, st, lex, scaleAt);
    if (step === 0) {
      // A token is used whole or not at all: an unknown word in "one-third" voids the token.
      if (midToken) Object.assign(st, saved);
      next = p.tok;
      break;
    }
    k += step;
    next = (parts[k - 1]?.tok ?? i) + 1;
  }
  if (!st.used) return null;
  const value = Math.round(st.total + st.current);
  if (value <= 0) return null;
  return { value, next, approximate: st.approximate };
}

function mayBelong(w: string, lex: Lexicon): boolean {
  return (
    lex.numberUnits.has(w) ||
    lex.scales.has(w) ||
    lex.fractions.has(w) ||
    lex.numberJoiners.has(w) ||
    lex.articles.has(w) ||
    lex.partitives.has(w) ||
    lex.compoundParts.has(w)
  );
}

/** Applies the number word(s) at parts[k] to the state; returns how many parts it used (0: none). */
function readPart(
  parts: Part[],
  k: number,
  st: State,
  lex: Lexicon,
  scaleAt: (at: number) => number,
): number {
  const w = parts[k]!.word;
  const nextWord = parts[k + 1]?.word ?? '';
  // "a hundred", "un millar", "a quarter of a million": an article starts a number only before
  // a scale or a fraction; inside one it only follows a fraction ("half a million").
  if (lex.articles.has(w)) {
    if (!st.used && (scaleAt(k + 1) > 0 || lex.fractions.has(nextWord))) return 1;
    return 0;
  }
  const fraction = lex.fractions.get(w);
  if (fraction !== undefined) return readFraction(parts, k, fraction, st, lex, scaleAt);
  // "two hundred and fifty", "treinta y dos", "vingt et un"; "one and a half million".
  if (lex.numberJoiners.has(w) && st.used) {
    const after = lex.articles.has(nextWord) ? k + 2 : k + 1;
    const half = lex.fractions.get(parts[after]?.word ?? '');
    if (half !== undefined) {
      if (st.current === 0 && st.lastScale > 0) st.total += half * st.lastScale;
      else st.current += half;
      return after + 1 - k;
    }
    const unit = lex.numberUnits.get(nextWord);
    if (unit === undefined) return 0;
    // What a joiner adds is smaller than the place it fills: "two hundred and fifty", "treinta y
    // dos", "soixante et onze"; "entre quarante et soixante mille" is a range, not 100,000.
    const room = st.current === 0 ? Infinity : st.current % 100 === 0 ? 100 : st.current % 10 === 0 ? 20 : 0;
    if (unit >= room) return 0;
    // "entre tres mil y cinco mil", "between two million and three million": a unit that takes a
    // scale as large as the one before the joiner starts a number of its own, a range's other end.
    if (st.current === 0 && st.lastScale > 0 && scaleAt(k + 2) >= st.lastScale) return 0;
    // "vingt et un", "treinta y una": an article after a joiner is one only after the tens.
    const tens = st.current % 100 >= 20 && st.current % 10 === 0;
    if (lex.articles.has(nextWord) && !tens) return 0;
    addUnit(st, unit);
    return 2;
  }
  const compound = lex.compounds.get(`${w}-${nextWord}`);
  if (compound !== undefined) {
    addUnit(st, compound);
    return 2;
  }
  const scale = lex.scales.get(w);
  if (scale !== undefined && !lex.numberUnits.has(w)) {
    if (lex.approximateScales.has(w)) st.approximate = true;
    if (scale >= 1000) {
      st.total += (st.current || 1) * scale;
      st.current = 0;
      st.lastScale = scale;
    } else st.current = (st.current || 1) * scale;
    st.used = true;
    return 1;
  }
  const unit = lex.numberUnits.get(w);
  if (unit === undefined) return 0;
  addUnit(st, unit);
  return 1;
}

function addUnit(st: State, v: number): void {
  // "deux cent", "trois cents": a hundred after a unit multiplies it.
  if (v === 100 && st.current > 0) st.current *= 100;
  else st.current += v;
  st.used = true;
}

/** The scale of "dozen", "douzaine", "docena": the one below a thousand a fraction may take. */
const DOZEN = 12;

/**
 * "half a million", "three quarters of a million", "medio millón", "un quart de million": a
 * fraction counts only before a scale of a thousand or more ("half of the families" is no number).
 */
function readFraction(
  parts: Part[],
  k: number,
  fraction: number,
  st: State,
  lex: Lexicon,
  scaleAt: (at: number) => number,
): number {
  let s = k + 1;
  if (lex.partitives.has(parts[s]?.word ?? '')) s++;
  if (lex.articles.has(parts[s]?.word ?? '')) s++;
  // (Or a dozen: "half a dozen" is six.)
  if (scaleAt(s) < 1000 && scaleAt(s) !== DOZEN) return 0;
  st.current = (st.current || 1) * fraction;
  st.used = true;
  return s - k;
}
