// Rule 2: a new displacement event whose recommended figure reaches a configurable number of
// people. One alert per event, ever: the key is the event's stable id.
import type { EventRuleOptions } from './rules.js';
import type { AlertCandidate, AlertEvent } from './types.js';

const n = (v: number) => v.toLocaleString('en-US');

export function newEventAlerts(
  events: readonly AlertEvent[],
  options: Pick<EventRuleOptions, 'newEventMinPeople'>,
): AlertCandidate[] {
  const out: AlertCandidate[] = [];
  for (const ev of events) {
    const people = ev.figure?.people ?? 0;
    if (people < options.newEventMinPeople || !ev.firstDate) continue;
    out.push({
      key: `new_event:${ev.id}`,
      kind: 'new_event',
      date: ev.firstDate,
      country: ev.countries[0] ?? null,
      cause: ev.cause,
      level: null,
      eventId: ev.id,
      value: people,
      previous: null,
      title: `New event: ${ev.name} (${n(people)} people)`,
      summary:
        `${ev.name}: ${n(people)} people, at or above the ${n(options.newEventMinPeople)} alert size.` +
        (ev.figure?.reason ? ` ${ev.figure.reason}` : ''),
      details: { countries: ev.countries, hazard: ev.hazard, min_people: options.newEventMinPeople },
    });
  }
  return out;
}
