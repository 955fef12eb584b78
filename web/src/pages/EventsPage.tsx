// Displacement events, latest first: the reports of one episode grouped together, each with the
// figure the recommendation rule chose for it. Filters (country, cause, hazard, dates, name) live
// in the URL like the map's; "More events" follows the API's cursor.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, EVENT_FILTER_KEYS, eventFilters, type EventSummary } from '../api.js';
import { FilterBar } from '../components/FilterBar.js';
import { Status } from '../components/Status.js';
import { useApi } from '../components/useApi.js';
import { filtersToQuery, type Filters } from '../filters.js';
import { countryName, formatNumber, kindLabel, termLabel } from '../format.js';

export function dateRange(first: string | null, last: string | null): string {
  if (!first && !last) return 'undated';
  if (!first || !last || first === last) return (first ?? last)!;
  return `${first} – ${last}`;
}

export function EventsPage({
  filters,
  setFilters,
}: {
  filters: Filters;
  setFilters: (f: Filters) => void;
}): JSX.Element {
  const scoped = eventFilters(filters);
  const key = filtersToQuery(scoped);
  const first = useApi(`e:${key}`, () => api.events(scoped));
  const [more, setMore] = useState<{ items: EventSummary[]; next: string | null } | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  useEffect(() => {
    setMore(null);
    setMoreError(null);
  }, [key]);
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const next = more ? more.next : (first.data?.next ?? null);
  const loadMore = async () => {
    try {
      const page = await api.events(scoped, next);
      setMore({ items: [...(more?.items ?? []), ...page.items], next: page.next });
    } catch (e) {
      setMoreError((e as Error).message);
    }
  };
  return (
    <>
      <h1>Displacement events</h1>
      <p class="muted">
        Reports of one episode (country, cause, place and time) grouped into an event. Each shows the figure
        the recommendation rule chose, with the rule's reason on the event's page.
      </p>
      <FilterBar filters={scoped} onChange={setFilters} keys={EVENT_FILTER_KEYS} />
      <Status loading={first.loading && !first.data} error={first.error ?? moreError} />
      {first.data && items.length === 0 ? <p class="muted">No events match these filters.</p> : null}
      {items.length ? (
        <div class="table-wrap">
          <table class="events">
            <caption class="visually-hidden">Events, latest first</caption>
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
      ) : null}
      {next ? (
        <button type="button" class="secondary" onClick={() => void loadMore()}>
          More events
        </button>
      ) : null}
    </>
  );
}
