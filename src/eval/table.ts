// The shared scorer's table: one row per metric, one column per group (all, then each source).
import { CAUSES, TYPES, type ClsMetrics } from './classify.js';
import type { FactMetrics } from './facts.js';
import type { GeoMetrics } from './geo.js';
import type { TaskMetrics } from './score.js';
import type { EvalTask } from './types.js';

const f3 = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(3));
const km = (x: number | null) => (x === null ? '–' : x >= 100 ? `${Math.round(x)} km` : `${x.toFixed(1)} km`);
const rc = (v: number | null, n: number, d: number) => (d ? `${f3(v)} (${n}/${d})` : '–');
const pair = (v: number | null, c: [number, number]) => rc(v, c[0], c[1]);

function factRows(m: FactMetrics): [string, string][] {
  const c = m.counts;
  return [
    ['documents (prf / recall-only)', `${m.docs} (${m.docs_prf} / ${m.docs_recall_only})`],
    ['gold facts scored', String(m.gold_facts)],
    [
      '  not scored: vague / excluded / other term',
      `${m.gold_facts_vague} / ${m.gold_facts_excluded} / ${m.gold_facts_unscored_term}`,
    ],
    ['predicted facts (with figure + scored term)', `${m.predicted_facts} (${m.predicted_facts_scored})`],
    ['RECALL figure+term, all documents', rc(m.recall, m.matched, m.gold_facts)],
    [
      'prf documents: PRECISION',
      rc(m.prf_docs_precision, m.matched_in_prf_docs, m.predicted_facts_in_prf_docs),
    ],
    ['prf documents: recall', rc(m.prf_docs_recall, m.matched_in_prf_docs, m.gold_facts_in_prf_docs)],
    ['prf documents: F1', m.docs_prf ? f3(m.prf_docs_f1) : '–'],
    ['figure-only recall', rc(m.figure_recall, m.figure_found, m.gold_facts)],
    ['term accuracy when figure found', rc(m.term_accuracy_given_figure, m.matched, m.figure_found)],
    ['top-1 accuracy (one-fact recall docs)', pair(m.top1_accuracy, c.top1)],
    ['unit accuracy (matched)', pair(m.unit_accuracy, c.unit)],
    ['country accuracy (matched)', pair(m.country_accuracy, c.country)],
    ['location name match (matched)', pair(m.location_match, c.location)],
    ['fine term accuracy (matched)', pair(m.fine_term_accuracy, c.fine_term)],
    ['coordinates within 161 km (matched)', pair(m.coords_within_161km, c.coords)],
    ['documents without a prediction', String(m.missing_predictions)],
  ];
}

function clsRows(m: ClsMetrics): [string, string][] {
  const pc = (o: Record<string, number> | null, ls: readonly string[]) =>
    o ? ls.map((l) => (l in o ? f3(o[l]) : '–')).join(' / ') : '–';
  return [
    ['documents', String(m.docs)],
    [
      'relevance: labelled docs (relevant)',
      m.relevance_docs ? `${m.relevance_docs} (${m.relevance_positives})` : '–',
    ],
    ['relevance: accuracy', m.relevance_docs ? f3(m.relevance_accuracy) : '–'],
    [
      'relevance: precision / recall',
      m.relevance_docs ? `${f3(m.relevance_precision)} / ${f3(m.relevance_recall)}` : '–',
    ],
    ['RELEVANCE F1', m.relevance_docs ? f3(m.relevance_f1) : '–'],
    [
      'relevance: ROC-AUC',
      !m.relevance_docs
        ? '–'
        : m.relevance_auc !== null
          ? f3(m.relevance_auc)
          : m.relevance_scored_docs < m.relevance_docs
            ? `– (${m.relevance_scored_docs}/${m.relevance_docs} scored)`
            : '– (one class only)',
    ],
    ['cause: labelled docs (conflict/disaster)', m.cause_docs ? String(m.cause_docs) : '–'],
    ['CAUSE macro-F1', m.cause_docs ? f3(m.cause_macro_f1) : '–'],
    ['cause: F1 conflict / disaster', pc(m.cause_f1, CAUSES)],
    ['cause: accuracy', m.cause_docs ? f3(m.cause_accuracy) : '–'],
    ['type: labelled docs', m.type_docs ? String(m.type_docs) : '–'],
    ['TYPE macro-F1', m.type_docs ? f3(m.type_macro_f1) : '–'],
    ['type: F1 news / summary / both', pc(m.type_f1, TYPES)],
    ['documents without a prediction', String(m.missing_predictions)],
  ];
}

function geoRows(m: GeoMetrics): [string, string][] {
  const te = m.tagging_exact;
  const to = m.tagging_overlap;
  return [
    ['documents', String(m.docs)],
    ['gold toponyms / predicted places', `${m.gold_toponyms} / ${m.predicted_places}`],
    ['tagging exact: precision', rc(te.precision, te.matched, m.predicted_places)],
    ['tagging exact: recall', rc(te.recall, te.matched, m.gold_toponyms)],
    ['tagging exact: F1', f3(te.f1)],
    ['tagging overlap: precision', rc(to.precision, to.matched, m.predicted_places)],
    ['tagging overlap: recall', rc(to.recall, to.matched, m.gold_toponyms)],
    ['TAGGING F1 (overlap)', f3(to.f1)],
    ['ACC@161km (overlap-matched, geocoded)', rc(m.accuracy_161km, m.within_161km, m.geocoded_pairs)],
    ['AUC of log error (0 best, 1 worst)', f3(m.auc)],
    ['mean / median error', `${km(m.mean_km)} / ${km(m.median_km)}`],
    ['END-TO-END recall@161km', rc(m.end_to_end_recall_161km, m.within_161km, m.gold_toponyms_with_coords)],
    ['documents without a prediction', String(m.missing_predictions)],
  ];
}

function rowsFor(task: EvalTask, m: TaskMetrics): [string, string][] {
  if (task === 'facts') return factRows(m as FactMetrics);
  if (task === 'classify') return clsRows(m as ClsMetrics);
  return geoRows(m as GeoMetrics);
}

/** Labels left-aligned, one right-aligned column per group. */
export function metricsTable(task: EvalTask, groups: Record<string, TaskMetrics>): string {
  const names = Object.keys(groups);
  const rows = names.map((n) => rowsFor(task, groups[n]!));
  const labels = rows[0]!.map((r) => r[0]);
  const w0 = Math.max(...labels.map((l) => l.length));
  const widths = names.map((n, j) => Math.max(n.length, ...rows[j]!.map((r) => r[1].length)));
  const line = (cells: string[]) =>
    cells.map((c, j) => (j === 0 ? c.padEnd(w0) : c.padStart(widths[j - 1]!))).join('  ');
  const out = [line(['', ...names]), line(['-'.repeat(w0), ...widths.map((w) => '-'.repeat(w))])];
  labels.forEach((l, i) => out.push(line([l, ...rows.map((r) => r[i]![1])])));
  return out.join('\n');
}
