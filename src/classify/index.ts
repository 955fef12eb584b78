// Document classification: relevance to displacement, cause (conflict / disaster / other),
// hazard and document type. Pure and fast: weighted word lists (lexicon/<lang>/…) matched with
// a word trie, no model. `explain` returns the same decision with every cue that made it.
import { DmonError } from '../errors.js';
import type { Cause, Classification, DocumentInput, Hazard } from '../types.js';
import { scoreCause, type CauseResult } from './cause.js';
import { scoreType, type TypeResult } from './docType.js';
import type { Cue } from './evidence.js';
import { compileLexicons, loadLexicons, type CompiledLexicon } from './lexicon.js';
import { scoreRelevance, type RelevanceResult } from './relevance.js';
import { words } from './words.js';

export type { Cue } from './evidence.js';
export { compileLexicons, loadLexicons, type CompiledLexicon, type LanguageLexicon } from './lexicon.js';

export interface ClassifySignals {
  /** How many displacement facts the extractor found in the document. */
  facts?: number;
}

export interface Explanation extends Classification {
  points: { relevance: number; cause: CauseResult['points']; type: TypeResult['points'] };
  cues: Cue[];
}

export interface CauseOfResult {
  cause: Cause | null;
  hazard: Hazard | null;
  /** The words that decided the cause, as written in the text. */
  evidence: string | null;
}

let shared: CompiledLexicon | null = null;

/** The lexicons that ship with the package, loaded and compiled once. */
export function defaultLexicon(): CompiledLexicon {
  shared ??= compileLexicons(loadLexicons());
  return shared;
}

/** Classifies a document. `signals.facts`, when given, is strong evidence of relevance. */
export function classify(
  doc: DocumentInput,
  signals?: ClassifySignals,
  lexicon?: CompiledLexicon,
): Classification {
  const { relevant, relevance, cause, hazard, type } = explain(doc, signals, lexicon);
  return { relevant, relevance, cause, hazard, type };
}

/** Like `classify`, with the points and every cue (span, weight, reason) behind the decision. */
export function explain(
  doc: DocumentInput,
  signals?: ClassifySignals,
  lexicon: CompiledLexicon = defaultLexicon(),
): Explanation {
  if (typeof doc?.text !== 'string')
    throw new DmonError(
      'INPUT_UNREADABLE',
      'classify: the document has no "text" string; pass {text: "..."}',
    );
  if (doc.title != null && typeof doc.title !== 'string')
    throw new DmonError('INPUT_UNREADABLE', 'classify: the document "title" must be a string or null');
  const text = doc.title ? `${doc.title}\n${doc.text}` : doc.text;
  const ws = words(text);
  const rel: RelevanceResult = scoreRelevance(lexicon, ws, lexicon.relevance.matchWords(ws), signals?.facts);
  const cause = scoreCause(lexicon.causes.matchWords(ws), rel.anchors);
  const type = scoreType(text, lexicon.type.matchWords(ws));
  return {
    relevant: rel.relevance >= 0.5,
    relevance: rel.relevance,
    cause: cause.cause,
    hazard: cause.hazard,
    type: type.type,
    points: { relevance: round(rel.points), cause: roundAll(cause.points), type: roundAll(type.points) },
    cues: [...rel.cues, ...cause.cues, ...type.cues],
  };
}

/**
 * The cause of a short text (a sentence or clause): the extractor calls it for each fact's
 * sentence and falls back to the document's cause when it returns null.
 */
export function causeOf(text: string, lexicon: CompiledLexicon = defaultLexicon()): CauseOfResult {
  if (typeof text !== 'string')
    throw new DmonError('INPUT_UNREADABLE', 'causeOf: expected the text of a sentence as a string');
  const ws = words(text);
  const rel = scoreRelevance(lexicon, ws, lexicon.relevance.matchWords(ws));
  const result = scoreCause(lexicon.causes.matchWords(ws), rel.anchors);
  if (!result.cause) return { cause: null, hazard: null, evidence: null };
  // The evidence is the strongest cue for the winning cause (for a disaster, of its hazard).
  const label = result.cause === 'disaster' ? `disaster/${result.hazard}` : result.cause;
  const best = result.cues
    .filter((c) => c.label === label)
    .reduce<Cue | null>((a, c) => (!a || c.weight > a.weight ? c : a), null);
  return {
    cause: result.cause,
    hazard: result.hazard,
    evidence: best ? text.slice(best.span[0], best.span[1]) : null,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
function roundAll<T extends Record<string, number>>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)])) as T;
}
