// Classification scoring, the shared scorer's rules: relevance (accuracy, P/R/F1 on the relevant
// class, ROC-AUC with ties averaged when every document has a score), cause macro-F1 over
// conflict and disaster, type macro-F1 over news, summary and both.
import { isNum } from './gold.js';
import { f1, ratio } from './terms.js';
import type { GoldDoc, Prediction } from './types.js';

export const CAUSES = ['conflict', 'disaster'] as const;
export const TYPES = ['news', 'summary', 'both'] as const;
const normLabel = (x: unknown) => (typeof x === 'string' ? x.trim().toLowerCase() : null);

interface RelItem {
  gold: boolean;
  pred: boolean;
  score: number | null;
}
interface LabelItem {
  gold: string;
  pred: string | null;
}

export interface ClsAcc {
  docs: number;
  missing: number;
  rel: RelItem[];
  cause: LabelItem[];
  type: LabelItem[];
}

export function newClsAcc(): ClsAcc {
  return { docs: 0, missing: 0, rel: [], cause: [], type: [] };
}

export function scoreClsDoc(g: GoldDoc, p: Prediction | undefined, acc: ClsAcc): void {
  acc.docs++;
  if (!p) acc.missing++;
  if (typeof g.relevant === 'boolean') {
    let pr = false;
    if (p && typeof p.relevant === 'boolean') pr = p.relevant;
    else if (p && isNum(p.relevance)) pr = p.relevance >= 0.5;
    acc.rel.push({ gold: g.relevant, pred: pr, score: p && isNum(p.relevance) ? p.relevance : null });
  }
  const gc = normLabel(g.cause);
  if (gc !== null && (CAUSES as readonly string[]).includes(gc))
    acc.cause.push({ gold: gc, pred: p ? normLabel(p.cause) : null });
  const gt = normLabel(g.type);
  if (gt !== null && (TYPES as readonly string[]).includes(gt))
    acc.type.push({ gold: gt, pred: p ? normLabel(p.type) : null });
}

function rocAuc(items: RelItem[]): number | null {
  const pos = items.filter((x) => x.gold).length;
  const neg = items.length - pos;
  if (!pos || !neg) return null;
  const s = [...items].sort((a, b) => a.score! - b.score!);
  let rankSumPos = 0;
  for (let i = 0; i < s.length;) {
    let j = i;
    while (j + 1 < s.length && s[j + 1]!.score === s[i]!.score) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (s[k]!.gold) rankSumPos += avg;
    i = j + 1;
  }
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Macro average over the classes present in the gold. */
function macroF1(items: LabelItem[], labels: readonly string[]) {
  const present = labels.filter((l) => items.some((x) => x.gold === l));
  const perClass: Record<string, number> = {};
  for (const l of present) {
    const tp = items.filter((x) => x.gold === l && x.pred === l).length;
    const fp = items.filter((x) => x.gold !== l && x.pred === l).length;
    const fn = items.filter((x) => x.gold === l && x.pred !== l).length;
    perClass[l] = tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  }
  const v = Object.values(perClass);
  return {
    macro: v.length ? v.reduce((x, y) => x + y, 0) / v.length : null,
    perClass,
    accuracy: ratio(items.filter((x) => x.gold === x.pred).length, items.length),
  };
}

export function clsMetrics(a: ClsAcc) {
  const r = a.rel;
  const tp = r.filter((x) => x.gold && x.pred).length;
  const fp = r.filter((x) => !x.gold && x.pred).length;
  const fn = r.filter((x) => x.gold && !x.pred).length;
  const P = ratio(tp, tp + fp);
  const R = ratio(tp, tp + fn);
  const scored = r.filter((x) => x.score !== null);
  const c = a.cause.length ? macroF1(a.cause, CAUSES) : null;
  const t = a.type.length ? macroF1(a.type, TYPES) : null;
  return {
    docs: a.docs,
    missing_predictions: a.missing,
    relevance_docs: r.length,
    relevance_positives: r.filter((x) => x.gold).length,
    relevance_accuracy: ratio(r.filter((x) => x.gold === x.pred).length, r.length),
    relevance_precision: P,
    relevance_recall: R,
    relevance_f1: r.length ? f1(P ?? 0, R ?? 0) : null,
    // ROC-AUC only when every labelled document carries a numeric "relevance" score
    relevance_auc: r.length && scored.length === r.length ? rocAuc(scored) : null,
    relevance_scored_docs: scored.length,
    cause_docs: a.cause.length,
    cause_macro_f1: c ? c.macro : null,
    cause_f1: c ? c.perClass : null,
    cause_accuracy: c ? c.accuracy : null,
    type_docs: a.type.length,
    type_macro_f1: t ? t.macro : null,
    type_f1: t ? t.perClass : null,
    type_accuracy: t ? t.accuracy : null,
  };
}

export type ClsMetrics = ReturnType<typeof clsMetrics>;
