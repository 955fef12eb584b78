// Document classification: relevance to displacement, cause (conflict / disaster / other),
// hazard and document type. Pure and fast: weighted word lists (lexicon/<lang>/…) matched with
// a word trie; relevance is a small logistic regression over readable features of those matches
// (data/classify/relevance-model.json). `explain` returns the same decision with every cue and
// feature that made it.
import { DmonError } from '../errors.js';
import type { Cause, Classification, DocumentInput, Hazard } from '../types.js';
import { scoreCause, type CauseResult } from './cause.js';
import { scoreType, type TypeResult } from './docType.js';
import type { Cue } from './evidence.js';
import { compileLexicons, loadLexicons, type CompiledLexicon } from './lexicon.js';
import { relevanceFeatures } from './features.js';
import { loadModel, scoreModel, type RelevanceModel } from './model.js';
import { scoreRelevance, type RelevanceResult } from './relevance.js';
import { firstWordIds } from './matcher.js';
import { words } from './words.js';

export type { Cue } from './evidence.js';
export { compileLexicons, loadLexicons, type CompiledLexicon, type LanguageLexicon } from './lexicon.js';
export { FEATURES, FEATURE_NAMES } from './features.js';
export { loadModel, type RelevanceModel } from './model.js';

export interface ClassifySignals {
  /** How many displacement facts with a figure the extractor found in the document. Counted as
   * 0 when missing: `classify()` alone reads the words only, `extract()` passes both counts. */
  facts?: number;
  /** How many vague displacement facts ("hundreds of families") it found. */
  vague?: number;
}

export interface Explanation extends Classification {
  /** relevance: the model's log-odds; cues: the lexicon points it reads as one feature. */
  points: { relevance: number; cues: number; cause: CauseResult['points']; type: TypeResult['points'] };
  /** The relevance model's features, their values and their share of the log-odds. */
  features: Array<{ name: string; value: number; points: number }>;
  cues: Cue[];
}

export interface CauseOfResult {
  cause: Cause | null;
  hazard: Hazard | null;
  /** The words that decided the cause, as written in the text. */
  evidence: string | null;
}

let shared: CompiledLexicon | null = null;
let sharedModel: RelevanceModel | null = null;

/** The lexicons that ship with the package, loaded and compiled once. */
export function defaultLexicon(): CompiledLexicon {
  shared ??= compileLexicons(loadLexicons());
  return shared;
}

/** The relevance model that ships with the package, loaded once. */
export function defaultModel(): RelevanceModel {
  sharedModel ??= loadModel();
  return sharedModel;
}

/** Classifies a document. `signals.facts`, when given, is strong evidence of relevance. */
export function classify(
  doc: DocumentInput,
  signals?: ClassifySignals,
  lexicon: CompiledLexicon = defaultLexicon(),
): Classification {
  // The decision of explain() without the points, features and cues it rounds and gathers.
  const model = defaultModel();
  const { cause, type, x } = analyse(doc, signals, lexicon);
  const relevance = Math.round(scoreModel(model, x).probability * 1000) / 1000;
  return { relevant: relevance >= 0.5, relevance, cause: cause.cause, hazard: cause.hazard, type: type.type };
}

/** Like `classify`, with the points and every cue (span, weight, reason) behind the decision. */
export function explain(
  doc: DocumentInput,
  signals?: ClassifySignals,
  lexicon: CompiledLexicon = defaultLexicon(),
  model: RelevanceModel = defaultModel(),
): Explanation {
  const { rel, cause, type, x } = analyse(doc, signals, lexicon);
  const m = scoreModel(model, x);
  const relevance = Math.round(m.probability * 1000) / 1000;
  return {
    relevant: relevance >= 0.5,
    relevance,
    cause: cause.cause,
    hazard: cause.hazard,
    type: type.type,
    points: {
      relevance: round(m.logit),
      cues: round(rel.points),
      cause: roundAll(cause.points),
      type: roundAll(type.points),
    },
    features: m.contributions.map((c) => ({ name: c.name, value: round(c.value), points: round(c.points) })),
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
  const ids = firstWordIds(ws);
  const rel = scoreRelevance(lexicon, ws, lexicon.relevance.matchWords(ws, ids));
  const result = scoreCause(lexicon.causes.matchWords(ws, ids), rel.anchors);
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

/** The relevance model's feature values for a document (what scripts/train-relevance.mjs fits). */
export function relevanceFeaturesOf(
  doc: DocumentInput,
  signals?: ClassifySignals,
  lexicon: CompiledLexicon = defaultLexicon(),
): Record<string, number> {
  return analyse(doc, signals, lexicon).x;
}

/** Lexicon matches, cause, type and relevance features: everything but the model's verdict. */
function analyse(doc: DocumentInput, signals: ClassifySignals | undefined, lexicon: CompiledLexicon) {
  if (typeof doc?.text !== 'string')
    throw new DmonError(
      'INPUT_UNREADABLE',
      'classify: the document has no "text" string; pass {text: "..."}',
    );
  if (doc.title != null && typeof doc.title !== 'string')
    throw new DmonError('INPUT_UNREADABLE', 'classify: the document "title" must be a string or null');
  const text = doc.title ? `${doc.title}\n${doc.text}` : doc.text;
  const ws = words(text);
  const ids = firstWordIds(ws);
  const hits = lexicon.relevance.matchWords(ws, ids);
  const rel: RelevanceResult = scoreRelevance(lexicon, ws, hits);
  const cause = scoreCause(lexicon.causes.matchWords(ws, ids), rel.anchors);
  const type = scoreType(text, lexicon.type.matchWords(ws, ids));
  const x = relevanceFeatures({
    ws,
    hits,
    context: lexicon.context.matchWords(ws, ids),
    points: rel.points,
    anchors: rel.anchors,
    summaryPoints: type.points.summary,
    facts: signals?.facts ?? 0,
    vague: signals?.vague ?? 0,
  });
  return { rel, cause, type, x };
}

const round = (n: number) => Math.round(n * 100) / 100;
function roundAll<T extends Record<string, number>>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)])) as T;
}
