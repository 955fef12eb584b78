// A date range of the time series cut at period boundaries: the whole weeks or months inside
// [from, to] can be read from the summary table, the partial ones at either end from the facts.
// Dates are YYYY-MM-DD strings, as facts store them (fact_date) and the API takes them.

import type { Interval } from './summary.js';

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY = 86_400_000;

/** The first day of the week (Monday) or month that `date` falls in. */
export function periodStart(interval: Interval, date: string): string {
  if (interval === 'month') return `${date.slice(0, 7)}-01`;
  const t = day(date);
  return iso(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY);
}

/** The first day of the period after the one starting at `start`. */
export function nextPeriod(interval: Interval, start: string): string {
  if (interval === 'week') return iso(day(start) + 7 * DAY);
  const d = new Date(day(start));
  return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

/** Whether `date` is a real YYYY-MM-DD day (not 2024-02-30). */
export const isDay = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date) && iso(day(date)) === date;

export const dayBefore = (date: string) => iso(day(date) - DAY);

export interface WholePeriods {
  /** The first whole period starts here (none before `from` is counted); absent without `from`. */
  first?: string;
  /** Whole periods start before this day: the first day of the period of `to`, or of the one
   * after when `to` is the last day of its period. Absent without `to`. */
  end?: string;
}

export function wholePeriods(interval: Interval, from?: string, to?: string): WholePeriods {
  const out: WholePeriods = {};
  if (from) {
    const start = periodStart(interval, from);
    out.first = start === from ? from : nextPeriod(interval, start);
  }
  if (to) {
    const start = periodStart(interval, to);
    const next = nextPeriod(interval, start);
    out.end = dayBefore(next) === to ? next : start;
  }
  return out;
}
