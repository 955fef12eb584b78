// The plural nouns of nationality ("Sudanese", "Venezuelans", "nicaragüenses", "Centrafricains"):
// a sentence that counts people by their nationality as they reach or enter a country tells of a
// crossing as surely as a word of borders ("12,000 Sudanese had entered Chad"). They join the
// refugee context of the families (contexts.refugees) and of the learned linker's arrival cue.
// Read from the geoparser's lists (lexicon/en/places/demonyms.json, and the demonym cues of
// lexicon/<lang>/places/country-cues.json), so one list of nationalities serves both stages.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lexicon } from '../lexicon.js';

interface DemonymFile {
  demonyms?: Record<string, string>;
}
interface CueFile {
  cues?: { match: string[]; kind?: string; countries?: Record<string, number> }[];
}

/** Lower-case plural nouns of nationality of `lang` found under `root` (the lexicon folder). */
export function nationalsOf(root: string, lang: string): string[] {
  const out = new Set<string>();
  const base = join(root, lang, 'places');
  const dem = readJson<DemonymFile>(join(base, 'demonyms.json'));
  for (const word of Object.keys(dem?.demonyms ?? {})) {
    const w = word.toLowerCase();
    // "Sudanese", "Swiss" are their own plurals; "British", "French" are adjectives, no plural noun.
    if (/(ese|s)$/.test(w)) out.add(w);
    else if (!/(sh|ch)$/.test(w)) out.add(w + 's');
  }
  // Spanish and French demonyms are listed with their forms; the plural nouns end in s or x.
  for (const cue of readJson<CueFile>(join(base, 'country-cues.json'))?.cues ?? [])
    if (cue.kind === 'demonym') for (const m of cue.match) if (/[sx]$/.test(m)) out.add(m.toLowerCase());
  return [...out];
}

/**
 * Whether the sentence counts people by a nationality: a plural noun of nationality standing as
 * the noun itself ("12,000 Sudanese had entered"), not as the adjective of another noun ("Chinese
 * tourists", "Sudanese soldiers"), which names who they are, not that they crossed.
 */
export function countsNationals(norms: readonly string[], lex: Lexicon): boolean {
  for (let k = 0; k < norms.length; k++) {
    if (!lex.nationals.has(norms[k]!)) continue;
    // After a noun it is that noun's adjective in Spanish and French: "les autorités pakistanaises".
    // (A plural word agreeing with it, not a function word: "South Sudanese" and "les Syriens" are nouns.)
    const prev = norms[k - 1] ?? '';
    if (/^\p{L}+[sx]$/u.test(prev) && !lex.functionWords.has(prev) && !lex.nationals.has(prev)) continue;
    const next = norms[k + 1] ?? '';
    if (!lex.nouns.people.has(next) && !lex.nouns.other.has(next) && !lex.nouns.households.has(next)) return true;
  }
  return false;
}

/**
 * Every form of nationality of `lang` (adjectives and nouns, lower case) → its country's alpha-2
 * code: "chadian", "chadians" → TD; "tchadienne" → TD. Forms naming several countries are left out.
 */
export function demonymCountriesOf(root: string, lang: string): Map<string, string> {
  const out = new Map<string, string>();
  const base = join(root, lang, 'places');
  for (const [word, code] of Object.entries(readJson<DemonymFile>(join(base, 'demonyms.json'))?.demonyms ?? {})) {
    const w = word.toLowerCase();
    out.set(w, code);
    if (!/(ese|s|sh|ch)$/.test(w)) out.set(w + 's', code);
  }
  for (const cue of readJson<CueFile>(join(base, 'country-cues.json'))?.cues ?? []) {
    const codes = Object.keys(cue.countries ?? {});
    if (cue.kind === 'demonym' && codes.length === 1) for (const m of cue.match) out.set(m.toLowerCase(), codes[0]!);
  }
  return out;
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}
