// Rule 1, the country rule (HDX Signals on IDMC data): a country's displacement by one cause
// over the 30 days ending on a day reaches its highest 30-day total in a year (level 1y) or in
// three years (3y), and is at least the cause's floor. An alert silences the same country and
// cause at the same or a lower level for 180 days.
//
// Input is one figure per country, cause and day (see dailyFlows.ts, which keeps repeats of a
// figure from being added up). Windows are evaluated on the days that have a figure: a 30-day
// total only rises on such a day, so no high is missed.
import { countryName } from '../events/countryName.js';
import { dayNumber, dayString } from './dates.js';
import { FLOORS, LEVEL_DAYS, LEVEL_RANK, SUPPRESS_DAYS, WINDOW_DAYS } from './rules.js';
import type { AlertCandidate, DailyFlow, HighLevel, RaisedAlert, WatchedCause } from './types.js';

interface Point {
  day: number;
  people: number;
}

/** The 30-day total ending on each point's day. */
function windowTotals(points: Point[]): number[] {
  const totals: number[] = [];
  let start = 0;
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    sum += points[i]!.people;
    while (points[start]!.day <= points[i]!.day - WINDOW_DAYS) sum -= points[start++]!.people;
    totals.push(sum);
  }
  return totals;
}

/** The highest total of the windows that end in the `days` before point i. */
function priorHigh(points: Point[], totals: number[], i: number, days: number): number {
  let high = 0;
  for (let j = i - 1; j >= 0 && points[j]!.day >= points[i]!.day - days; j--)
    high = Math.max(high, totals[j]!);
  return high;
}

function suppressed(raised: RaisedAlert[], country: string, cause: string, level: HighLevel, day: number) {
  return raised.some(
    (a) =>
      a.kind === 'country_high' &&
      a.country === country &&
      a.cause === cause &&
      a.level !== null &&
      LEVEL_RANK[a.level] >= LEVEL_RANK[level] &&
      dayNumber(a.date) <= day &&
      day - dayNumber(a.date) < SUPPRESS_DAYS,
  );
}

function candidate(
  country: string,
  cause: WatchedCause,
  level: HighLevel,
  date: string,
  total: number,
  previous: number,
): AlertCandidate {
  const years = level === '3y' ? 3 : 1;
  const name = countryName(country) ?? country;
  const n = (v: number) => v.toLocaleString('en-US');
  return {
    key: `country_high:${country}:${cause}:${level}:${date}`,
    kind: 'country_high',
    date,
    country,
    cause,
    level,
    eventId: null,
    value: total,
    previous,
    title: `${name}: ${cause} displacement at a ${years}-year high (${n(total)} people in 30 days)`,
    summary:
      `${n(total)} people newly displaced by ${cause} in ${name} in the 30 days to ${date}, ` +
      `the highest 30-day total in ${years} year${years > 1 ? 's' : ''} of stored reports ` +
      `(previous high ${n(previous)}; floor ${n(FLOORS[cause])}).`,
    details: { window_days: WINDOW_DAYS, floor: FLOORS[cause], lookback_days: LEVEL_DAYS[level] },
  };
}

/** The alerts the country rule raises over `flows`, given the alerts raised before. */
export function countryHighAlerts(
  flows: readonly DailyFlow[],
  raised: readonly RaisedAlert[],
): AlertCandidate[] {
  const series = new Map<string, Map<number, number>>();
  for (const f of flows) {
    const key = `${f.country}|${f.cause}`;
    const days = series.get(key) ?? new Map<number, number>();
    const day = dayNumber(f.date);
    // One figure per day: a repeat or a second term for the same people is not added.
    days.set(day, Math.max(days.get(day) ?? 0, f.people));
    series.set(key, days);
  }
  const known = new Set(raised.map((a) => a.key));
  const all: RaisedAlert[] = [...raised];
  const out: AlertCandidate[] = [];
  for (const [key, days] of [...series].sort(([a], [b]) => a.localeCompare(b))) {
    const [country, cause] = key.split('|') as [string, WatchedCause];
    const points = [...days]
      .map(([day, people]) => ({ day, people }))
      .filter((p) => p.people > 0)
      .sort((a, b) => a.day - b.day);
    const totals = windowTotals(points);
    for (let i = 0; i < points.length; i++) {
      const total = totals[i]!;
      if (total < FLOORS[cause]) continue;
      const high3 = priorHigh(points, totals, i, LEVEL_DAYS['3y']);
      const high1 = priorHigh(points, totals, i, LEVEL_DAYS['1y']);
      const level: HighLevel | null = total > high3 ? '3y' : total > high1 ? '1y' : null;
      if (!level || suppressed(all, country, cause, level, points[i]!.day)) continue;
      const c = candidate(
        country,
        cause,
        level,
        dayString(points[i]!.day),
        total,
        level === '3y' ? high3 : high1,
      );
      if (known.has(c.key)) continue;
      all.push(c);
      out.push(c);
    }
  }
  return out;
}
