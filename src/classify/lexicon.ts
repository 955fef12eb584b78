// Loads and checks the classifier's word lists (lexicon/<lang>/classify/relevance.json,
// classify/context.json, classify/type.json, causes.json, hazards.json) and compiles them into
// phrase matchers.
// The lists are data only; every weight and reason lives there. Languages are merged into
// one matcher, so a document whose language is unknown or mixed is still read.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DmonError } from '../errors.js';
import { CAUSES, HAZARDS, type Cause, type DocType, type Hazard } from '../types.js';
import { PhraseMatcher } from './matcher.js';

export interface Group {
  weight: number;
  reason: string;
  terms: string[];
}
export interface RelevanceGroup extends Group {
  tag: string;
}
export interface PairRule {
  a: string;
  b: string;
  /** Most words between the end of one cue and the start of the other. */
  window: number;
  weight: number;
  reason: string;
}
/** A context cue group: no weight of its own, the relevance model weighs what it counts. */
export interface ContextGroup {
  tag: string;
  reason: string;
  terms: string[];
}
export interface CauseGroup extends Group {
  cause: Cause;
}
export interface HazardGroup extends Group {
  hazard: Hazard;
}
export interface TypeGroup extends Group {
  type: Exclude<DocType, 'both'>;
}

/** The word lists of one language; any part may be missing. */
export interface LanguageLexicon {
  lang: string;
  relevance?: { groups: RelevanceGroup[]; pairs?: PairRule[] };
  context?: { groups: ContextGroup[] };
  causes?: { groups: CauseGroup[] };
  hazards?: { groups: HazardGroup[] };
  type?: { groups: TypeGroup[] };
}

export interface RelevanceCue {
  tag: string;
  weight: number;
  reason: string;
}
export interface ContextCue {
  tag: string;
  reason: string;
}
export interface CauseCue {
  cause: Cause;
  hazard: Hazard | null;
  weight: number;
  reason: string;
}
export interface TypeCue {
  type: Exclude<DocType, 'both'>;
  weight: number;
  reason: string;
}

export interface CompiledLexicon {
  relevance: PhraseMatcher<RelevanceCue>;
  pairs: PairRule[];
  context: PhraseMatcher<ContextCue>;
  causes: PhraseMatcher<CauseCue>;
  type: PhraseMatcher<TypeCue>;
  languages: string[];
}

const TYPES = ['news', 'summary'] as const;

/** The lexicon folder that ships with the package (works from src/ and from dist/). */
export const DEFAULT_LEXICON_DIR = fileURLToPath(new URL('../../lexicon/', import.meta.url));

const FILES = {
  relevance: join('classify', 'relevance.json'),
  context: join('classify', 'context.json'),
  type: join('classify', 'type.json'),
  causes: 'causes.json',
  hazards: 'hazards.json',
} as const;

/** Reads every language folder under `dir` that holds classifier lists. */
export function loadLexicons(dir: string = DEFAULT_LEXICON_DIR): LanguageLexicon[] {
  if (!existsSync(dir))
    throw new DmonError(
      'CONFIG_INVALID',
      `the lexicon folder ${dir} is missing; reinstall the package or restore it`,
    );
  const out: LanguageLexicon[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const lex: LanguageLexicon = { lang: entry.name };
    let any = false;
    for (const [key, rel] of Object.entries(FILES) as Array<[keyof typeof FILES, string]>) {
      const file = join(dir, entry.name, rel);
      if (!existsSync(file)) continue;
      const value = readJson(file);
      validate(key, value, file);
      (lex as unknown as Record<string, unknown>)[key] = value;
      any = true;
    }
    if (any) out.push(lex);
  }
  out.sort((a, b) => a.lang.localeCompare(b.lang));
  if (out.length === 0)
    throw new DmonError(
      'CONFIG_INVALID',
      `no classifier word lists under ${dir}; expected <lang>/classify/relevance.json`,
    );
  return out;
}

/** Builds the matchers for a set of languages. */
export function compileLexicons(lexicons: readonly LanguageLexicon[]): CompiledLexicon {
  const relevance = new PhraseMatcher<RelevanceCue>();
  const context = new PhraseMatcher<ContextCue>();
  const causes = new PhraseMatcher<CauseCue>();
  const type = new PhraseMatcher<TypeCue>();
  const pairs = new Map<string, PairRule>();
  for (const lex of lexicons) {
    for (const g of lex.relevance?.groups ?? [])
      for (const t of g.terms) relevance.add(t, { tag: g.tag, weight: g.weight, reason: g.reason });
    for (const p of lex.relevance?.pairs ?? [])
      if (!pairs.has(`${p.a}+${p.b}`)) pairs.set(`${p.a}+${p.b}`, p);
    for (const g of lex.context?.groups ?? [])
      for (const t of g.terms) context.add(t, { tag: g.tag, reason: g.reason });
    for (const g of lex.causes?.groups ?? [])
      for (const t of g.terms)
        causes.add(t, { cause: g.cause, hazard: null, weight: g.weight, reason: g.reason });
    for (const g of lex.hazards?.groups ?? [])
      for (const t of g.terms)
        causes.add(t, { cause: 'disaster', hazard: g.hazard, weight: g.weight, reason: g.reason });
    for (const g of lex.type?.groups ?? [])
      for (const t of g.terms) type.add(t, { type: g.type, weight: g.weight, reason: g.reason });
  }
  return {
    relevance,
    pairs: [...pairs.values()],
    context,
    causes,
    type,
    languages: lexicons.map((l) => l.lang),
  };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DmonError(
      'CONFIG_INVALID',
      `${file}: not readable JSON (${(e as Error).message}); fix the file`,
    );
  }
}

function validate(kind: keyof typeof FILES, value: unknown, file: string): void {
  const fail = (what: string): never => {
    throw new DmonError('CONFIG_INVALID', `${file}: ${what}`);
  };
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { groups?: unknown }).groups))
    fail('expected an object with a "groups" array');
  const groups = (value as { groups: unknown[] }).groups;
  groups.forEach((g, i) => {
    const at = `group ${i + 1}`;
    if (typeof g !== 'object' || g === null) return fail(`${at} is not an object`);
    const o = g as Record<string, unknown>;
    if (kind !== 'context' && (typeof o.weight !== 'number' || !Number.isFinite(o.weight)))
      fail(`${at}: "weight" must be a number`);
    if (typeof o.reason !== 'string' || o.reason === '') fail(`${at}: "reason" must be a non-empty string`);
    if (!Array.isArray(o.terms) || o.terms.some((t) => typeof t !== 'string' || t.trim() === ''))
      fail(`${at}: "terms" must be an array of non-empty strings`);
    if ((kind === 'relevance' || kind === 'context') && typeof o.tag !== 'string')
      fail(`${at}: "tag" must be a string`);
    if (kind === 'causes' && !CAUSES.includes(o.cause as Cause))
      fail(`${at}: "cause" must be one of ${CAUSES.join(', ')}`);
    if (kind === 'hazards' && !HAZARDS.includes(o.hazard as Hazard))
      fail(`${at}: "hazard" must be one of ${HAZARDS.join(', ')}`);
    if (kind === 'type' && !TYPES.includes(o.type as (typeof TYPES)[number]))
      fail(`${at}: "type" must be one of ${TYPES.join(', ')}`);
  });
  const pairs = (value as { pairs?: unknown }).pairs;
  if (pairs === undefined) return;
  if (kind !== 'relevance' || !Array.isArray(pairs))
    return fail('"pairs" is only allowed in relevance.json, as an array');
  pairs.forEach((p, i) => {
    const o = (p ?? {}) as Record<string, unknown>;
    if (typeof o.a !== 'string' || typeof o.b !== 'string')
      fail(`pair ${i + 1}: "a" and "b" must be tag names`);
    if (typeof o.window !== 'number' || o.window < 0)
      fail(`pair ${i + 1}: "window" must be a number of words ≥ 0`);
    if (typeof o.weight !== 'number' || typeof o.reason !== 'string')
      fail(`pair ${i + 1}: needs "weight" and "reason"`);
  });
}
