// Figures per country and month, without double counting:
// - within an event, flow claims are read as running totals: a month adds only what its
//   largest figure exceeds the largest figure of the months before (190,000 "since October"
//   reported again in November adds nothing in November);
// - evacuated people are displaced people: the displaced column takes, per event, the larger
//   of the displacement and evacuation figures, never their sum; evacuated is also shown alone;
// - people still displaced (stock) is the latest stock figure of each event in the month
//   (displacement, shelter or homelessness, the larger when several are reported that day);
// - different events are different people, so their figures add up in a country-month.
// Like the recommended figure, each event uses its corroborated claims when it has any.
import { pushTo } from '../claims/groupBy.js';
import type { Claim, TermClass } from '../claims/types.js';
import type { DisplacementEvent } from '../events/types.js';
import { bestSupported, counted } from './corroboration.js';

export interface CountryMonth {
  country: string;
  /** YYYY-MM */
  month: string;
  displaced: number;
  evacuated: number;
  homes_destroyed: number;
  refugees: number;
  returns: number;
  /** People still displaced at the month's latest report; null when none was reported. */
  still_displaced: number | null;
  events: number;
}

type FlowColumn = 'displaced' | 'evacuated' | 'homes_destroyed' | 'refugees' | 'returns';

const FLOW_CLASSES: Record<FlowColumn, TermClass[]> = {
  displaced: ['displacement', 'evacuation'],
  evacuated: ['evacuation'],
  homes_destroyed: ['housing_destroyed'],
  refugees: ['refugees'],
  returns: ['returns'],
};

const STOCK_CLASSES: TermClass[] = ['displacement', 'shelter', 'homeless'];

function month(date: string | null): string | null {
  return date ? date.slice(0, 7) : null;
}

/** Per month, what the running maximum of the claims' values grew by. */
function increments(claims: readonly Claim[], value: (c: Claim) => number): Map<string, number> {
  const byMonth = new Map<string, number>();
  for (const c of claims) {
    const m = month(c.firstDate);
    if (m) byMonth.set(m, Math.max(byMonth.get(m) ?? 0, value(c)));
  }
  const out = new Map<string, number>();
  let high = 0;
  for (const m of [...byMonth.keys()].sort()) {
    const v = byMonth.get(m)!;
    if (v > high) {
      out.set(m, v - high);
      high = v;
    }
  }
  return out;
}

function latestStock(claims: readonly Claim[]): Map<string, number> {
  const out = new Map<string, { date: string; people: number }>();
  for (const c of claims) {
    const m = month(c.lastDate);
    if (!m) continue;
    const prev = out.get(m);
    if (!prev || c.lastDate! > prev.date || (c.lastDate === prev.date && c.people! > prev.people))
      out.set(m, { date: c.lastDate!, people: c.people! });
  }
  return new Map([...out].map(([m, v]) => [m, v.people]));
}

export function countryMonthFigures(events: readonly DisplacementEvent[]): CountryMonth[] {
  const rows = new Map<string, CountryMonth & { eventIds: Set<string> }>();
  const row = (country: string, m: string, eventId: string) => {
    const key = `${country}|${m}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        country,
        month: m,
        displaced: 0,
        evacuated: 0,
        homes_destroyed: 0,
        refugees: 0,
        returns: 0,
        still_displaced: null,
        events: 0,
        eventIds: new Set(),
      };
      rows.set(key, r);
    }
    r.eventIds.add(eventId);
    return r;
  };
  for (const ev of events) {
    const byCountry = new Map<string, Claim[]>();
    for (const c of counted(ev.claims)) if (c.country) pushTo(byCountry, c.country, c);
    for (const [country, claims] of byCountry) {
      for (const [column, classes] of Object.entries(FLOW_CLASSES) as [FlowColumn, TermClass[]][]) {
        const kind = bestSupported(
          claims.filter((c) => c.stockOrFlow === 'flow' && classes.includes(c.termClass)),
        ).claims;
        // Homes are counted as homes; everything else in people.
        const value = column === 'homes_destroyed' ? (c: Claim) => c.figure! : (c: Claim) => c.people!;
        for (const [m, v] of increments(kind, value)) row(country, m, ev.id)[column] += v;
      }
      const stocks = bestSupported(
        claims.filter((c) => c.stockOrFlow === 'stock' && STOCK_CLASSES.includes(c.termClass)),
      ).claims;
      for (const [m, v] of latestStock(stocks)) {
        const r = row(country, m, ev.id);
        r.still_displaced = (r.still_displaced ?? 0) + v;
      }
    }
  }
  return [...rows.values()]
    .map(({ eventIds, ...r }) => ({ ...r, events: eventIds.size }))
    .sort((a, b) => a.country.localeCompare(b.country) || a.month.localeCompare(b.month));
}
