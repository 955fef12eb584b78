// What every classifier decision carries: the cues that made it, with offsets and reasons.
import type { Span } from '../types.js';

export interface Cue {
  /** Which decision the cue speaks to. */
  kind: 'relevance' | 'cause' | 'type';
  /** The tag, cause, hazard or type it counts for, e.g. "evacuate", "conflict", "flood", "summary". */
  label: string;
  /** The lexicon phrase or layout rule that matched. */
  match: string;
  /** Where it matched in the analysed text (the title, a newline, then the body). */
  span: Span;
  /** Points it added after repetition and proximity adjustments. */
  weight: number;
  reason: string;
}

/** Geometric damping for the k-th repeat (0-based) of the same cue: repeats count, less and less. */
export function damp(k: number, factor: number): number {
  return factor ** k;
}
