// extract(): from a document's text to displacement facts. A pure function of (text, options):
// no I/O beyond the lexicons and gazetteer loaded once. The steps, in order and with what each
// needs and adds, are listed in pipeline.ts; the per-fact refinements in refine/refiners.ts.
import type { DocumentInput, ExtractResult } from '../types.js';
import { PIPELINE } from './pipeline.js';
import { runSteps, type ExtractOptions } from './state.js';

export type { ExtractOptions } from './state.js';

/** Bumped whenever a change alters what extract() returns for the same input. */
export const EXTRACTOR_VERSION = '0.57.1';

export function extract(doc: DocumentInput, options: ExtractOptions = {}): ExtractResult {
  const { classification, facts } = runSteps(PIPELINE, { doc, options });
  return { ...classification, facts };
}
