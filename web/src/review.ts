// The review queue's keys and the corrections a form sends, apart from the page so both are
// tested without a browser.
import type { Corrections, Fact } from './api.js';

export type ReviewKey = 'next' | 'previous' | 'confirm' | 'reject' | 'correct' | 'note';

/** The keys the queue answers, as shown on the page and in aria-keyshortcuts. */
export const REVIEW_KEYS: Record<ReviewKey, string[]> = {
  next: ['j', 'ArrowDown'],
  previous: ['k', 'ArrowUp'],
  confirm: ['c'],
  reject: ['r'],
  correct: ['e'],
  note: ['n'],
};

/** What a key press means in the queue, or null: typing in a field, or a key with a modifier
 * (the browser's own shortcuts), is never taken. */
export function reviewKey(e: {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  targetTag?: string;
  targetEditable?: boolean;
}): ReviewKey | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const tag = (e.targetTag ?? '').toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || e.targetEditable) return null;
  for (const [k, keys] of Object.entries(REVIEW_KEYS) as [ReviewKey, string[]][])
    if (keys.includes(e.key)) return k;
  return null;
}

/** The correction form's values (all strings, as inputs give them). */
export interface CorrectionForm {
  figure: string;
  term: string;
  unit: string;
  country: string;
  date: string;
  stock_or_flow: string;
}

export function formFor(f: Fact): CorrectionForm {
  return {
    figure: f.figure === null ? '' : String(f.figure),
    term: f.term,
    unit: f.unit,
    country: f.country ?? '',
    date: f.fact_date ?? '',
    stock_or_flow: f.stock_or_flow,
  };
}

/** Only the fields the reviewer changed, in the API's shape; an error message when a value is
 * not one the API takes. */
export function correctionsFrom(f: Fact, form: CorrectionForm): Corrections | string {
  const before = formFor(f);
  const out: Corrections = {};
  if (form.figure.trim() !== before.figure) {
    const n = Number(form.figure.trim());
    if (!form.figure.trim() || !Number.isInteger(n) || n < 0) return 'The figure must be a whole number.';
    out.figure = n;
  }
  if (form.term !== before.term) out.term = form.term;
  if (form.unit !== before.unit) {
    if (form.unit !== 'people' && form.unit !== 'households') return 'The unit is people or households.';
    out.unit = form.unit;
  }
  const country = form.country.trim().toUpperCase();
  if (country !== before.country) {
    if (country && !/^[A-Z]{3}$/.test(country)) return 'The country is an ISO 3166 alpha-3 code, e.g. SDN.';
    out.country = country || null;
  }
  if (form.date !== before.date) {
    if (form.date && !/^\d{4}-\d{2}-\d{2}$/.test(form.date)) return 'The date is YYYY-MM-DD.';
    out.date = form.date ? { start: form.date } : null;
  }
  if (form.stock_or_flow !== before.stock_or_flow) {
    if (form.stock_or_flow !== 'stock' && form.stock_or_flow !== 'flow') return 'Stock or flow.';
    out.stock_or_flow = form.stock_or_flow;
  }
  if (Object.keys(out).length === 0) return 'Change at least one field, or confirm the figure as it is.';
  return out;
}

/** "56,940 → 1,234 (figure)": what an audit entry changed, in a few words. */
export function auditChange(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string {
  if (!before && !after) return '';
  if (!after) return 'removed';
  if (!before) return 'created';
  const fields = [
    'figure',
    'term',
    'unit',
    'qualifier',
    'country',
    'fact_date',
    'stock_or_flow',
    'cause',
    'hazard',
  ];
  const shown = (v: unknown) =>
    typeof v === 'number' ? v.toLocaleString('en') : v === null ? '—' : String(v);
  const changed = fields
    .filter((k) => k in before && k in after && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${k.replace(/_/g, ' ')} ${shown(before[k])} → ${shown(after[k])}`);
  return changed.join('; ');
}
