// Events as a table: name (a link to the event's page), countries, cause, dates, the
// recommended figure and its kind, claims and facts. Used by the events and country pages.
import type { JSX } from 'preact';
import type { EventSummary } from '../api.js';
import { countryName, formatNumber, kindLabel, termLabel } from '../format.js';

export function dateRange(first: string | null, last: string | null): string {
  if (!first && !last) return 'undated';
  if (!first || !last || first === last) return (first ?? last)!;
  return `${first} – ${last}`;
}

export function EventTable({ items, caption }: { items: EventSummary[]; caption: string }): JSX.Element {
  return (
    <div class="table-wrap">
      <table class="events">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Countries</th>
            <th scope="col">Cause</th>
            <th scope="col">Dates</th>
            <th scope="col">Recommended figure (people)</th>
            <th scope="col">Kind</th>
            <th scope="col">Claims</th>
            <th scope="col">Facts</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                <a href={`/event/${e.id}`}>{e.name}</a>
              </th>
              <td>{e.countries.map(countryName).join(', ') || '—'}</td>
              <td>
                {[e.cause, e.hazard]
                  .filter(Boolean)
                  .map((w) => termLabel(w!))
                  .join(', ') || '—'}
              </td>
              <td>{dateRange(e.first_date, e.last_date)}</td>
              <td class="num">{formatNumber(e.recommended?.people ?? null)}</td>
              <td>
                {e.recommended ? kindLabel(e.recommended.term_class, e.recommended.stock_or_flow) : '—'}
              </td>
              <td class="num">{formatNumber(e.claims)}</td>
              <td class="num">{formatNumber(e.facts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
