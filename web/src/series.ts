// The timeline's numbers, with flows and stocks apart. A flow is a movement (people newly
// displaced, evacuated, homes destroyed…): figures in one period may be added up. A stock is a
// level (people still displaced on a day): two reports of it, or a stock and a flow, are not
// added, so a period shows the largest stock reported in it.
import type { EventTimelinePoint, TimeseriesPoint } from './api.js';

export type Kind = 'flow' | 'stock';

export interface TimelineSeries {
  periods: string[];
  /** Terms (or an event's term classes), one line each. */
  terms: string[];
  /** values[t][p]: people of term t in period p, null when none was reported. */
  values: (number | null)[][];
}

/**
 * One kind's series from the API's (period, term, stock or flow) rows: flows add up the facts'
 * people (`sum`), or take the largest (`max`, for an event whose flow claims are running
 * totals); stocks always take the largest figure of the period.
 */
export function pivotTimeseries(
  items: readonly TimeseriesPoint[],
  kind: Kind,
  flows: 'sum' | 'max' = 'sum',
): TimelineSeries {
  const mine = items.filter((i) => (i.stock_or_flow ?? 'flow') === kind);
  const periods = [...new Set(mine.map((i) => i.period))].sort();
  const terms = [...new Set(mine.map((i) => i.term))].sort();
  const pIndex = new Map(periods.map((p, i) => [p, i]));
  const values = terms.map(() => periods.map((): number | null => null));
  const add = kind === 'flow' && flows === 'sum';
  for (const i of mine) {
    const row = values[terms.indexOf(i.term)];
    const p = pIndex.get(i.period);
    if (!row || p === undefined) continue;
    const v = add ? (i.sum_people ?? 0) : (i.max_people ?? 0);
    row[p] = add ? (row[p] ?? 0) + v : Math.max(row[p] ?? 0, v);
  }
  return { periods, terms, values };
}

/** An event's timeline (one point per claim) as rows the pivot reads: one per day and term class. */
export function eventTimelineRows(points: readonly EventTimelinePoint[]): TimeseriesPoint[] {
  return points
    .filter((p) => p.date !== null && p.people !== null)
    .map((p) => ({
      period: p.date!,
      term: p.term_class,
      stock_or_flow: p.stock_or_flow,
      facts: 1,
      max_people: p.people,
      sum_people: p.people,
    }));
}
