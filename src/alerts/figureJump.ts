// Rule 3: a figure for an event jumping by a configurable factor. Within one kind of figure
// (term class and stock or flow), the reports are read in date order; a report at least
// `jumpFactor` times the highest figure before it, and at least `jumpMinPeople`, raises an
// alert keyed by the event and the report, so re-reading the same reports raises nothing new.
import type { EventRuleOptions } from './rules.js';
import type { AlertCandidate, AlertEvent, EventReport } from './types.js';

const n = (v: number) => v.toLocaleString('en-US');

type Dated = EventReport & { date: string; people: number };

/** Each day's largest report, in date order: figures of one day are readings of one moment. */
function dailyLargest(reports: Dated[]): Dated[] {
  const byDay = new Map<string, Dated>();
  for (const r of reports) {
    const prev = byDay.get(r.date);
    if (!prev || r.people > prev.people || (r.people === prev.people && r.claimId < prev.claimId))
      byDay.set(r.date, r);
  }
  return [...byDay.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export function figureJumpAlerts(
  events: readonly AlertEvent[],
  options: Pick<EventRuleOptions, 'jumpFactor' | 'jumpMinPeople'>,
): AlertCandidate[] {
  const out: AlertCandidate[] = [];
  for (const ev of events) {
    const kinds = new Map<string, Dated[]>();
    for (const r of ev.reports)
      if (r.date && r.people !== null && r.people > 0)
        kinds.set(r.kind, [...(kinds.get(r.kind) ?? []), r as Dated]);
    for (const [kind, reports] of kinds) {
      let high = 0;
      let highDate = '';
      for (const r of dailyLargest(reports)) {
        if (high > 0 && r.people >= high * options.jumpFactor && r.people >= options.jumpMinPeople)
          out.push({
            key: `figure_jump:${ev.id}:${r.claimId}`,
            kind: 'figure_jump',
            date: r.date,
            country: ev.countries[0] ?? null,
            cause: ev.cause,
            level: null,
            eventId: ev.id,
            value: r.people,
            previous: high,
            title: `${ev.name}: ${kind.replace(/[_:]/g, ' ')} figure up ${(r.people / high).toFixed(1)}× to ${n(r.people)}`,
            summary: `${ev.name}: a figure of ${n(r.people)} people reported for ${r.date}, ${(r.people / high).toFixed(1)} times the previous high of ${n(high)} (${highDate}).`,
            details: {
              figure_kind: kind,
              claim_id: r.claimId,
              factor: options.jumpFactor,
              previous_date: highDate,
            },
          });
        if (r.people > high) {
          high = r.people;
          highDate = r.date;
        }
      }
    }
  }
  return out;
}
