// What the extract pipeline's steps share: one state per document, filled in step by step, and
// the shape of a step (spaCy's components): a name, the state fields it needs, the fields it
// adds. A step sees only what it declares it needs, so the declared order is also the typed one;
// checkOrder() proves once, when the pipeline is built, that every need is added earlier.
import type { Classification, DocumentInput, Fact, Span } from '../types.js';
import type { Lexicon } from './lexicon.js';
import type { OffsetMap } from './normalize/index.js';
import type { PlaceContext } from './refine/places.js';
import type { LearnedOptions } from './learned/secondChance.js';
import type { Pair } from './learned/pairs.js';

export interface ExtractOptions {
  /** Places and country context of the document: the offline geoparser by default; false for none. */
  geoparse?: ((text: string, published: string | null) => PlaceContext) | false;
  /** Repair PDF damage before reading (true by default); false reads the text exactly as given. */
  repair?: boolean;
  /** The learned second-chance linker (learned/): its model (the shipped one by default, null for
   * rules only) and a hook that sees every pair it weighs (for training). */
  learned?: LearnedOptions;
}

export interface DocState {
  /** Inputs: the document as given and the caller's options. */
  doc: DocumentInput;
  options: ExtractOptions;
  lang: string;
  /** The repaired text every offset points into until the offsets step maps them back. */
  text: string;
  map: OffsetMap;
  lex: Lexicon;
  sentences: Span[];
  facts: Fact[];
  /** The learned linker's candidate pairs (learned/), weighed after classify. */
  pairs: Pair[];
  classification: Classification;
  /** The document's places; null without a geoparser or without facts to place. */
  places: PlaceContext | null;
}

export type StateKey = keyof DocState;

/** The fields extract() starts with. */
export const INPUTS: readonly StateKey[] = ['doc', 'options'];

/** A step of the pipeline, whatever it needs and adds (what the ordered list holds). */
export interface Step {
  name: string;
  needs: readonly StateKey[];
  adds: readonly StateKey[];
  run(state: DocState): Partial<DocState>;
}

/**
 * Declares a step; `N` and `A` are inferred from `needs` and `adds`, so `run` can read only
 * the fields it needs and must return every field it adds (or replaces: `facts` once refined).
 */
export function step<N extends StateKey, A extends StateKey>(s: {
  name: string;
  needs: readonly N[];
  adds: readonly A[];
  run(state: Pick<DocState, N>): Pick<DocState, A>;
}): Step {
  return s;
}

/** Throws at start-up when a step needs a field no earlier step adds: a bug in the order. */
export function checkOrder(steps: readonly Step[], inputs: readonly StateKey[] = INPUTS): void {
  const have = new Set<StateKey>(inputs);
  for (const s of steps) {
    const missing = s.needs.filter((k) => !have.has(k));
    if (missing.length > 0) throw new Error(`extract step '${s.name}' needs ${missing.join(', ')} before it`);
    for (const k of s.adds) have.add(k);
  }
}

/** Runs the steps in order on one document's state. */
export function runSteps(steps: readonly Step[], inputs: Pick<DocState, 'doc' | 'options'>): DocState {
  const state = inputs as DocState;
  for (const s of steps) Object.assign(state, s.run(state));
  return state;
}
