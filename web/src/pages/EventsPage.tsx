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
import { EventTable } from '../components/EventTable.js';

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
      {items.length ? <EventTable items={items} caption="Events, latest first" /> : null}
      {next ? (
        <button type="button" class="secondary" onClick={() => void loadMore()}>
          More events
        </button>
      ) : null}
    </>
  );
}
