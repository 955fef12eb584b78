// Geoparsing scoring, the shared scorer's rules: gold toponyms and predicted places matched
// one-to-one, candidate pairs sorted by character overlap (then gold index, then prediction
// index, all descending) and taken greedily; geocoding error by haversine on overlap-matched
// pairs; accuracy within 161 km, mean and median error, the AUC of Gritta et al. 2018.
import { isNum } from './gold.js';
import { haversineKm, ratio, f1 } from './terms.js';
import type { GoldDoc, GoldToponym, PredPlace, Prediction } from './types.js';

function geoMatch(gold: GoldToponym[], pred: PredPlace[], exact: boolean): [number, number][] {
  const c: [number, number, number][] = [];
  gold.forEach((g, gi) =>
    pred.forEach((p, pi) => {
      if (exact) {
        if (g.start === p.start && g.end === p.end) c.push([1e9, gi, pi]);
      } else {
        const ov = Math.min(g.end, p.end) - Math.max(g.start, p.start);
        if (ov > 0) c.push([ov, gi, pi]);
      }
    }),
  );
  c.sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2]);
  const gu = new Set<number>();
  const pu = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, gi, pi] of c) {
    if (gu.has(gi) || pu.has(pi)) continue;
    gu.add(gi);
    pu.add(pi);
    pairs.push([gi, pi]);
  }
  return pairs;
}

export interface GeoAcc {
  docs: number;
  missing: number;
  gold: number;
  pred: number;
  tpExact: number;
  tpOverlap: number;
  goldCoords: number;
  errs: number[];
}

export function newGeoAcc(): GeoAcc {
  return { docs: 0, missing: 0, gold: 0, pred: 0, tpExact: 0, tpOverlap: 0, goldCoords: 0, errs: [] };
}

export function scoreGeoDoc(g: GoldDoc, p: Prediction | undefined, acc: GeoAcc): void {
  const gold = g.toponyms ?? [];
  const pred = p?.places ?? [];
  acc.docs++;
  if (!p) acc.missing++;
  acc.gold += gold.length;
  acc.pred += pred.length;
  acc.tpExact += geoMatch(gold, pred, true).length;
  const pairs = geoMatch(gold, pred, false);
  acc.tpOverlap += pairs.length;
  acc.goldCoords += gold.filter((t) => isNum(t.lat) && isNum(t.lon)).length;
  for (const [gi, pi] of pairs) {
    const a = gold[gi]!;
    const b = pred[pi]!;
    if (!(isNum(a.lat) && isNum(a.lon) && isNum(b.lat) && isNum(b.lon))) continue;
    acc.errs.push(haversineKm(a.lat, a.lon, b.lat, b.lon));
  }
}

export function geoMetrics(a: GeoAcc) {
  const prf = (tp: number) => {
    const p = ratio(tp, a.pred);
    const r = ratio(tp, a.gold);
    return { matched: tp, precision: p, recall: r, f1: !a.pred && !a.gold ? null : !tp ? 0 : f1(p, r) };
  };
  const e = [...a.errs].sort((x, y) => x - y);
  const n = e.length;
  // AUC (Gritta et al. 2018): the sorted curve of ln(1 + km) / ln(20039), trapezoid rule, x in [0, 1]
  let auc: number | null = null;
  if (n > 1) {
    let s = 0;
    for (let i = 0; i < n - 1; i++) s += (Math.log(1 + e[i]!) + Math.log(1 + e[i + 1]!)) / 2;
    auc = s / (Math.log(20039) * (n - 1));
  }
  const within = e.filter((x) => x < 161).length;
  return {
    docs: a.docs,
    missing_predictions: a.missing,
    gold_toponyms: a.gold,
    gold_toponyms_with_coords: a.goldCoords,
    predicted_places: a.pred,
    tagging_exact: prf(a.tpExact),
    tagging_overlap: prf(a.tpOverlap),
    geocoded_pairs: n,
    within_161km: within,
    accuracy_161km: ratio(within, n),
    auc,
    mean_km: n ? e.reduce((x, y) => x + y, 0) / n : null,
    median_km: n ? (n % 2 ? e[(n - 1) / 2]! : (e[n / 2 - 1]! + e[n / 2]!) / 2) : null,
    end_to_end_recall_161km: ratio(within, a.goldCoords),
  };
}

export type GeoMetrics = ReturnType<typeof geoMetrics>;
