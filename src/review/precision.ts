// Per-rule precision from reviews: of the figures a rule produced that an analyst reviewed, how
// many were right. Right follows the gold's rule (src/eval/reviews.ts): confirmed is right,
// rejected is wrong, corrected is wrong only when the figure or the term was corrected (a
// corrected place or date leaves the figure right). The rule is the fact's `reason` as stored
// when it was first reviewed, so a newer extractor does not rename what was measured.
import { reviewOutcome } from '../eval/reviews.js';

export interface ReviewedRule {
  /** The fact's reason, e.g. "displaced:forward". */
  rule: string;
  term: string;
  action: 'confirm' | 'correct' | 'reject';
  /** The fields a correction changed. */
  corrected: readonly string[];
  confidence: number;
}

export interface RulePrecision {
  /** The rule, or the term when grouped by term; "all" for the total row. */
  key: string;
  reviewed: number;
  confirmed: number;
  corrected: number;
  rejected: number;
  /** Reviewed figures that were right. */
  right: number;
  /** right / reviewed. */
  precision: number;
}

function empty(key: string): RulePrecision {
  return { key, reviewed: 0, confirmed: 0, corrected: 0, rejected: 0, right: 0, precision: 0 };
}

function add(p: RulePrecision, r: ReviewedRule): void {
  p.reviewed++;
  if (r.action === 'confirm') p.confirmed++;
  else if (r.action === 'correct') p.corrected++;
  else p.rejected++;
  if (reviewOutcome(r).correct) p.right++;
  p.precision = p.right / p.reviewed;
}

/**
 * One row per rule (or term), most reviewed first, ties by name; the last row ("all") totals
 * them.
 */
export function rulePrecision(
  reviews: readonly ReviewedRule[],
  by: 'rule' | 'term' = 'rule',
): RulePrecision[] {
  const rows = new Map<string, RulePrecision>();
  const all = empty('all');
  for (const r of reviews) {
    const key = by === 'rule' ? r.rule : r.term;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = empty(key)));
    add(row, r);
    add(all, r);
  }
  const out = [...rows.values()].sort((a, b) => b.reviewed - a.reviewed || a.key.localeCompare(b.key));
  return [...out, all];
}

/** The rows as a text table for the CLI. */
export function precisionTable(rows: readonly RulePrecision[], by: 'rule' | 'term' = 'rule'): string {
  const head = [by, 'reviewed', 'confirmed', 'corrected', 'rejected', 'precision'];
  const body = rows.map((r) => [
    r.key,
    String(r.reviewed),
    String(r.confirmed),
    String(r.corrected),
    String(r.rejected),
    r.reviewed ? `${r.precision.toFixed(3)} (${r.right}/${r.reviewed})` : '–',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}
