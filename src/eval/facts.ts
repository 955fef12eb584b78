// Fact scoring, the shared scorer's rules exactly: a prediction matches a gold fact when the
// figure is equal (or is one end of its stated range) and the coarse term is equal; matching is
// one-to-one and greedy, each gold fact taking the candidate that also agrees best on unit,
// country, place and fine term. Precision counts only in `prf` documents.
import { isNum } from './gold.js';
import {
  goldFineTerms,
  haversineKm,
  locationMatch,
  normTerm,
  normUnit,
  predCountry,
  predCoarse,
  ratio,
  f1,
} from './terms.js';
import type { GoldDoc, GoldFact, PredFact, Prediction } from './types.js';

type Count = [number, number];

export interface FactAcc {
  docs: number;
  docsPrf: number;
  docsRecall: number;
  missing: number;
  gold: number;
  matched: number;
  goldPrf: number;
  matchedPrf: number;
  predPrf: number;
  predFacts: number;
  predScored: number;
  goldVague: number;
  goldExcluded: number;
  goldUnscoredTerm: number;
  figFound: number;
  unit: Count;
  country: Count;
  location: Count;
  coords: Count;
  fine: Count;
  top1: Count;
}

export function newFactAcc(): FactAcc {
  return {
    docs: 0,
    docsPrf: 0,
    docsRecall: 0,
    missing: 0,
    gold: 0,
    matched: 0,
    goldPrf: 0,
    matchedPrf: 0,
    predPrf: 0,
    predFacts: 0,
    predScored: 0,
    goldVague: 0,
    goldExcluded: 0,
    goldUnscoredTerm: 0,
    figFound: 0,
    unit: [0, 0],
    country: [0, 0],
    location: [0, 0],
    coords: [0, 0],
    fine: [0, 0],
    top1: [0, 0],
  };
}

/** What one document's matching decided about each scored prediction (for calibration). */
export interface FactOutcome {
  /** Whether precision counts in this document (`scoring: prf`). */
  prf: boolean;
  /** The predictions with a numeric figure and a scored term, and whether each matched. */
  scored: { fact: PredFact; matched: boolean }[];
}

/** A stated range ("between 18,000 and 25,000") matches a gold figure at either end. */
function sameFigure(f: PredFact, figure: number | null): boolean {
  if (f.figure === figure) return true;
  return (
    Array.isArray(f.range) &&
    f.range.length === 2 &&
    f.range.every(isNum) &&
    (f.range as number[]).includes(figure as number)
  );
}

function coordsMatch(g: GoldFact, f: PredFact): boolean {
  return (Array.isArray(f.locations) ? f.locations : []).some(
    (l) => isNum(l?.lat) && isNum(l?.lon) && haversineKm(g.lat!, g.lon!, l.lat, l.lon) < 161,
  );
}

export function scoreFactsDoc(g: GoldDoc, p: Prediction | undefined, acc: FactAcc): FactOutcome {
  const facts = g.facts ?? [];
  const goldScored = facts.filter((f) => f.term && f.figure !== null && !f.exclude_figure);
  acc.goldVague += facts.filter((f) => f.term && f.figure === null).length;
  acc.goldExcluded += facts.filter((f) => f.term && f.figure !== null && f.exclude_figure).length;
  acc.goldUnscoredTerm += facts.filter((f) => !f.term).length;
  const pf = p?.facts ?? [];
  const pScored = pf.filter((f) => isNum(f.figure) && predCoarse(f.term));
  acc.docs++;
  acc.predFacts += pf.length;
  acc.predScored += pScored.length;
  if (!p) acc.missing++;
  const prf = g.scoring === 'prf';
  if (prf) acc.docsPrf++;
  else acc.docsRecall++;
  const used = new Set<number>();
  const attr = (gf: GoldFact, f: PredFact) =>
    (gf.unit && normUnit(f.unit) === gf.unit ? 1 : 0) +
    (gf.country && predCountry(f) === gf.country ? 1 : 0) +
    (gf.location && locationMatch(gf.location, f) ? 1 : 0) +
    (goldFineTerms(gf.term_raw).has(normTerm(f.term)) ? 1 : 0);
  let matched = 0;
  for (const gf of goldScored) {
    let best = -1;
    let bestScore = -1;
    pScored.forEach((f, k) => {
      if (used.has(k) || !sameFigure(f, gf.figure) || predCoarse(f.term) !== gf.term) return;
      const s = attr(gf, f);
      if (s > bestScore) {
        best = k;
        bestScore = s;
      }
    });
    if (pf.some((f) => sameFigure(f, gf.figure))) acc.figFound++;
    if (best < 0) continue;
    used.add(best);
    matched++;
    const f = pScored[best]!;
    if (gf.unit) {
      acc.unit[1]++;
      if (normUnit(f.unit) === gf.unit) acc.unit[0]++;
    }
    if (gf.country) {
      acc.country[1]++;
      if (predCountry(f) === gf.country.toUpperCase()) acc.country[0]++;
    }
    if (gf.location) {
      acc.location[1]++;
      if (locationMatch(gf.location, f)) acc.location[0]++;
    }
    if (isNum(gf.lat) && isNum(gf.lon)) {
      acc.coords[1]++;
      if (coordsMatch(gf, f)) acc.coords[0]++;
    }
    const fine = goldFineTerms(gf.term_raw);
    if (fine.size) {
      acc.fine[1]++;
      if (fine.has(normTerm(f.term))) acc.fine[0]++;
    }
  }
  acc.gold += goldScored.length;
  acc.matched += matched;
  if (prf) {
    acc.goldPrf += goldScored.length;
    acc.matchedPrf += matched;
    acc.predPrf += pScored.length;
  }
  if (!prf && goldScored.length === 1) {
    acc.top1[1]++;
    let top: PredFact | null = null;
    const anyConf = pScored.some((f) => isNum(f.confidence));
    const conf = (f: PredFact) => (isNum(f.confidence) ? f.confidence : -1);
    for (const f of pScored) if (!top || (anyConf && conf(f) > conf(top))) top = f;
    const g0 = goldScored[0]!;
    if (top && sameFigure(top, g0.figure) && predCoarse(top.term) === g0.term) acc.top1[0]++;
  }
  return { prf, scored: pScored.map((fact, k) => ({ fact, matched: used.has(k) })) };
}

export function factMetrics(a: FactAcc) {
  const p = ratio(a.matchedPrf, a.predPrf);
  const r = ratio(a.matchedPrf, a.goldPrf);
  return {
    docs: a.docs,
    docs_prf: a.docsPrf,
    docs_recall_only: a.docsRecall,
    missing_predictions: a.missing,
    gold_facts: a.gold,
    matched: a.matched,
    recall: ratio(a.matched, a.gold),
    gold_facts_vague: a.goldVague,
    gold_facts_excluded: a.goldExcluded,
    gold_facts_unscored_term: a.goldUnscoredTerm,
    predicted_facts: a.predFacts,
    predicted_facts_scored: a.predScored,
    gold_facts_in_prf_docs: a.goldPrf,
    predicted_facts_in_prf_docs: a.predPrf,
    matched_in_prf_docs: a.matchedPrf,
    prf_docs_precision: a.docsPrf ? p : null,
    prf_docs_recall: a.docsPrf ? r : null,
    // no predictions and no gold: no F1; gold but nothing matched: 0
    prf_docs_f1: !a.docsPrf || (!a.predPrf && !a.goldPrf) ? null : !a.matchedPrf ? 0 : f1(p, r),
    figure_found: a.figFound,
    figure_recall: ratio(a.figFound, a.gold),
    term_accuracy_given_figure: ratio(a.matched, a.figFound),
    top1_accuracy: ratio(...a.top1),
    unit_accuracy: ratio(...a.unit),
    country_accuracy: ratio(...a.country),
    location_match: ratio(...a.location),
    fine_term_accuracy: ratio(...a.fine),
    coords_within_161km: ratio(...a.coords),
    counts: {
      top1: a.top1,
      unit: a.unit,
      country: a.country,
      location: a.location,
      fine_term: a.fine,
      coords: a.coords,
    },
  };
}

export type FactMetrics = ReturnType<typeof factMetrics>;
