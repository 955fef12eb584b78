// Country cues: most situation-report excerpts name no place ("Number of displaced: 452"), yet
// their words often say which country they come from: an administrative-unit word of one
// country or a few (barangay, upazila, woreda), a national agency or its acronym (NDRRMC, BNPB,
// ONEMI), a currency or number word (naira, lakh), a Spanish or French demonym, which those
// languages write in lower case (chileno, haïtien). The words are data
// (lexicon/<lang>/places/country-cues.json), each with its countries and weights; this file
// matches them and weighs the votes. The result is used only when the text names no place and no
// demonym (src/geoparse/factPlaces.ts).
import type { Token } from './recognize.js';
import { normalizeName } from './normalize.js';

export interface CountryCue {
  /** The form as written in the lexicon ("NDMA", "union parishad"). */
  form: string;
  /** Normalised words of the form. */
  words: string[];
  /** Match only as written (acronyms, and words that are also names when capitalised). */
  exact: boolean;
  /** ISO2 → weight. */
  countries: [string, number][];
  kind: string;
}

/** First normalised word → the cues that start with it. */
export type CueIndex = Map<string, CountryCue[]>;

export interface CueFile {
  cues?: { match: string | string[]; countries: Record<string, number>; kind?: string; case?: boolean }[];
}

export interface CueCountry {
  /** ISO2 of the country the cues point to. */
  country: string;
  /** The summed weight of its cues. */
  score: number;
  /** The cues that voted for it, as written in the text. */
  cues: string[];
}

/** A country needs this much summed weight… */
const MIN_SCORE = 0.6;
/** …and this many times the runner-up's. */
const MARGIN = 2;
/** Each further mention of a cue adds this share of its weight, twice at most. */
const REPEAT = 0.25;

export function addCueFile(index: CueIndex, file: CueFile | null): void {
  for (const c of file?.cues ?? []) {
    const countries = Object.entries(c.countries);
    for (const form of Array.isArray(c.match) ? c.match : [c.match]) {
      const words = normalizeName(form).split(' ');
      const cue: CountryCue = { form, words, exact: !!c.case, countries, kind: c.kind ?? 'cue' };
      const first = words[0] as string;
      const list = index.get(first);
      if (list) list.push(cue);
      else index.set(first, [cue]);
    }
  }
}

/** Does the cue match the tokens from i on? Returns the index of its last token, or -1. */
function matchAt(text: string, toks: readonly Token[], i: number, cue: CountryCue): number {
  let j = i;
  for (let k = 1; k < cue.words.length; k++) {
    const t = toks[j + 1];
    if (!t || t.norm !== cue.words[k] || !/^[\s-]{1,2}$/.test(text.slice((toks[j] as Token).end, t.start)))
      return -1;
    j++;
  }
  if (cue.exact) {
    const raw = text.slice((toks[i] as Token).start, (toks[j] as Token).end).replace(/\s+/g, ' ');
    if (raw !== cue.form && raw !== titleCased(cue.form)) return -1;
  }
  return j;
}

/**
 * An agency's acronym of five letters or more as news in Spanish and French often writes it:
 * "Conred" for CONRED, "Sinaproc" for SINAPROC. Shorter acronyms ("INGC", "NDMA") are common words
 * or names when title-cased, so only their capitals count.
 */
function titleCased(form: string): string | null {
  if (!/^\p{Lu}{5,}$/u.test(form)) return null;
  return form[0] + form.slice(1).toLowerCase();
}

/** The country the text's cues point to, when one stands out; null otherwise. */
export function cueCountry(text: string, toks: readonly Token[], index: CueIndex): CueCountry | null {
  if (index.size === 0) return null;
  const seen = new Map<CountryCue, { n: number; written: string }>();
  for (let i = 0; i < toks.length; i++) {
    const cues = index.get((toks[i] as Token).norm);
    if (!cues) continue;
    for (const cue of cues) {
      const j = matchAt(text, toks, i, cue);
      if (j < 0) continue;
      const s = seen.get(cue);
      if (s) s.n++;
      else seen.set(cue, { n: 1, written: text.slice((toks[i] as Token).start, (toks[j] as Token).end) });
    }
  }
  if (seen.size === 0) return null;
  const scores = new Map<string, { score: number; cues: string[] }>();
  for (const [cue, { n, written }] of seen) {
    const times = 1 + REPEAT * Math.min(n - 1, 2);
    for (const [cc, w] of cue.countries) {
      let s = scores.get(cc);
      if (!s) scores.set(cc, (s = { score: 0, cues: [] }));
      s.score += w * times;
      if (!s.cues.includes(written)) s.cues.push(written);
    }
  }
  const ranked = [...scores].sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1));
  const [best, second] = ranked;
  if (!best || best[1].score < MIN_SCORE) return null;
  if (second && best[1].score < MARGIN * second[1].score) return null;
  return { country: best[0], score: Math.round(best[1].score * 100) / 100, cues: best[1].cues };
}
