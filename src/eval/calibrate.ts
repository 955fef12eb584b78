// Calibrated confidence. The extractor's raw confidence orders facts well but its scale is a
// guess; a calibration map, fitted on labelled documents (scripts/fit-calibration.mjs), turns it
// into the share of facts at that confidence that were right there: a fact at 0.8 should be right
// about 80 % of the time. The map is isotonic (pool-adjacent-violators over the raw values, so
// it never reverses the extractor's order): flat over the raw values each pool holds, rising
// linearly between pools, and held flat beyond the first and last. Everything here is pure; the map is data
// (data/calibration.json, loaded by ./calibrationData.ts).

/** A monotone map from raw confidence to observed precision. */
export interface CalibrationMap {
  method: 'isotonic';
  /** Raw confidences, strictly increasing. */
  x: number[];
  /** Calibrated confidences at `x`, non-decreasing, in 0..1. */
  y: number[];
  /** Facts the map was fitted on. */
  facts?: number;
  /** Where those facts came from (gold files). */
  fitted_on?: string[];
}

/** One predicted fact whose rightness is known (from gold or a review). */
export interface LabelledConfidence {
  confidence: number;
  correct: boolean;
}

/**
 * How much a fitted map still rises where it is flat, per unit of raw confidence: an isotonic map
 * is flat over each pool, which would give a whole pool one confidence and lose the extractor's
 * order inside it (the best of a document's facts could no longer be told from the rest). A rise
 * of 0.1 keeps that order and moves no confidence by more than about 0.01.
 */
const TIE_SLOPE = 0.1;

const strictKnots = new WeakMap<CalibrationMap, number[]>();

/** The map's values, raised where needed so that every segment rises by at least TIE_SLOPE. */
function risingValues(map: CalibrationMap): number[] {
  let ys = strictKnots.get(map);
  if (!ys) {
    ys = [];
    for (let i = 0; i < map.y.length; i++)
      ys.push(
        i === 0 ? map.y[0]! : Math.max(map.y[i]!, ys[i - 1]! + TIE_SLOPE * (map.x[i]! - map.x[i - 1]!)),
      );
    strictKnots.set(map, ys);
  }
  return ys;
}

/**
 * The calibrated confidence of a raw one, rounded to three decimals: the map read between its
 * knots by linear interpolation, always rising a little (TIE_SLOPE), so a higher raw confidence
 * never gets a lower or an equal calibrated one.
 */
export function calibrate(raw: number, map: CalibrationMap): number {
  const { x } = map;
  if (x.length === 0) return raw;
  const y = risingValues(map);
  let v: number;
  if (raw <= x[0]!) v = y[0]! - TIE_SLOPE * (x[0]! - raw);
  else if (raw >= x[x.length - 1]!) v = y[y.length - 1]! + TIE_SLOPE * (raw - x[x.length - 1]!);
  else {
    let i = 1;
    while (x[i]! < raw) i++;
    const x0 = x[i - 1]!;
    const x1 = x[i]!;
    const t = (raw - x0) / (x1 - x0);
    v = y[i - 1]! + t * (y[i]! - y[i - 1]!);
  }
  return Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;
}

/** A copy of an extraction result with every fact's confidence calibrated. */
export function calibrateFacts<F extends { confidence: number }, R extends { facts: F[] }>(
  result: R,
  map: CalibrationMap,
): R {
  return { ...result, facts: result.facts.map((f) => ({ ...f, confidence: calibrate(f.confidence, map) })) };
}

/**
 * Fits the isotonic map. Facts are pooled by raw value; adjacent pools that would make precision
 * fall as confidence rises are merged (pool-adjacent-violators, weighted by count); each pool's
 * precision is then smoothed toward one half by one right and one wrong pseudo-fact, so a pool of
 * three right facts says 0.8, not 1. Knots sit at each pool's lowest and highest raw value.
 */
export function fitIsotonic(points: readonly LabelledConfidence[]): CalibrationMap {
  const byRaw = new Map<number, { n: number; k: number }>();
  for (const p of points) {
    const b = byRaw.get(p.confidence) ?? { n: 0, k: 0 };
    b.n++;
    if (p.correct) b.k++;
    byRaw.set(p.confidence, b);
  }
  type Pool = { n: number; k: number; lo: number; hi: number };
  const pools: Pool[] = [];
  for (const [x, b] of [...byRaw].sort((a, c) => a[0] - c[0])) {
    pools.push({ n: b.n, k: b.k, lo: x, hi: x });
    while (pools.length > 1) {
      const last = pools[pools.length - 1]!;
      const prev = pools[pools.length - 2]!;
      if (prev.k / prev.n <= last.k / last.n) break;
      pools.splice(pools.length - 2, 2, { n: prev.n + last.n, k: prev.k + last.k, lo: prev.lo, hi: last.hi });
    }
  }
  const x: number[] = [];
  const y: number[] = [];
  let floor = 0;
  for (const p of pools) {
    // Smoothing can reorder two pools of different sizes; keep the map non-decreasing.
    floor = Math.max(floor, (p.k + 1) / (p.n + 2));
    // A pool is flat over the raw values it holds; between pools the map rises linearly.
    for (const v of p.hi > p.lo ? [p.lo, p.hi] : [p.lo]) {
      x.push(round4(v));
      y.push(round4(floor));
    }
  }
  return { method: 'isotonic', x, y, facts: points.length };
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

export interface ReliabilityBin {
  /** The bin's confidence range, [lo, hi) (the last bin includes 1). */
  lo: number;
  hi: number;
  count: number;
  mean_confidence: number | null;
  /** Share of the bin's facts that were right. */
  precision: number | null;
}

export interface Reliability {
  bins: ReliabilityBin[];
  facts: number;
  /** Expected calibration error: Σ (bin count / facts) × |precision − mean confidence|. */
  ece: number | null;
}

/** The reliability table: `bins` equal-width confidence bins, observed precision in each, ECE. */
export function reliability(points: readonly LabelledConfidence[], bins = 10): Reliability {
  const acc = Array.from({ length: bins }, () => ({ n: 0, k: 0, s: 0 }));
  for (const p of points) {
    const i = Math.min(bins - 1, Math.max(0, Math.floor(p.confidence * bins)));
    const b = acc[i]!;
    b.n++;
    b.s += p.confidence;
    if (p.correct) b.k++;
  }
  let ece = 0;
  const rows = acc.map((b, i) => {
    const mean = b.n ? b.s / b.n : null;
    const precision = b.n ? b.k / b.n : null;
    if (b.n) ece += (b.n / points.length) * Math.abs(precision! - mean!);
    return { lo: i / bins, hi: (i + 1) / bins, count: b.n, mean_confidence: mean, precision };
  });
  return { bins: rows, facts: points.length, ece: points.length ? ece : null };
}

/** The reliability table as text, one line per non-empty bin, then ECE. */
export function reliabilityTable(r: Reliability, title: string): string {
  const f = (v: number | null) => (v === null ? '–' : v.toFixed(3));
  const lines = [
    title,
    `  ${'confidence'.padEnd(11)}  ${'facts'.padStart(6)}  ${'mean conf'.padStart(9)}  ${'precision'.padStart(9)}`,
  ];
  for (const b of r.bins) {
    if (!b.count) continue;
    lines.push(
      `  ${`${b.lo.toFixed(1)}–${b.hi.toFixed(1)}`.padEnd(11)}  ${String(b.count).padStart(6)}  ${f(b.mean_confidence).padStart(9)}  ${f(b.precision).padStart(9)}`,
    );
  }
  lines.push(`  ECE ${f(r.ece)} over ${r.facts} facts`);
  return lines.join('\n');
}
