// The shapes `dmon eval` reads: gold documents in the format of the shared evaluation folder's
// README (facts, classification and geoparsing files) and predictions in the project's contract
// (what `dmon extract --jsonl` and `dmon geoparse --jsonl` print).

export const EVAL_TASKS = ['facts', 'classify', 'geo'] as const;
export type EvalTask = (typeof EVAL_TASKS)[number];

export interface GoldFact {
  figure: number | null;
  /** The coarse class (displaced, evacuated, sheltered, destroyed_housing, refugees, returns), or
   * null when the upstream label is not scored. */
  term: string | null;
  term_raw?: string | null;
  unit?: string | null;
  country?: string | null;
  /** Gold place text; several places joined with `; `. */
  location?: string | null;
  lat?: number | null;
  lon?: number | null;
  exclude_figure?: boolean;
}

export interface GoldToponym {
  name?: string;
  start: number;
  end: number;
  lat?: number | null;
  lon?: number | null;
}

export interface GoldDoc {
  id: string;
  source?: string | null;
  text: string;
  published?: string | null;
  lang?: string | null;
  scoring?: 'prf' | 'recall';
  facts?: GoldFact[];
  relevant?: boolean | null;
  cause?: string | null;
  type?: string | null;
  toponyms?: GoldToponym[];
}

export interface PredLocation {
  name?: string | null;
  lat?: number | null;
  lon?: number | null;
  country?: string | null;
}

export interface PredFact {
  term?: string | null;
  figure?: number | null;
  range?: unknown;
  unit?: string | null;
  country?: string | null;
  locations?: PredLocation[] | null;
  confidence?: number | null;
}

export interface PredPlace {
  start: number;
  end: number;
  lat?: number | null;
  lon?: number | null;
}

/** One prediction line: facts and labels for facts/classify, places for geo. */
export interface Prediction {
  id: string;
  facts?: PredFact[];
  relevant?: boolean | null;
  relevance?: number | null;
  cause?: string | null;
  type?: string | null;
  places?: PredPlace[];
}
