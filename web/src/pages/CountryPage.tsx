// One country: its largest reported figure with the rule that read it, a small map, the
// timeline and every matching fact with its source.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, eventFilters } from '../api.js';
import { EventTable } from '../components/EventTable.js';
import { ExportLinks } from '../components/ExportLinks.js';
import { FactTable } from '../components/FactTable.js';
import { FilterBar } from '../components/FilterBar.js';
import { Status } from '../components/Status.js';
import { Timeline } from '../components/Timeline.js';
import { useApi } from '../components/useApi.js';
import { WorldMap } from '../components/WorldMap.js';
import { filtersToQuery, type Filters } from '../filters.js';
import { countryName, factHeadline, formatNumber } from '../format.js';

interface Props {
  iso3: string;
  filters: Filters;
  setFilters: (f: Filters) => void;
}

export function CountryPage({ iso3, filters, setFilters }: Props): JSX.Element {
  const [interval, setInterval] = useState<'week' | 'month'>('month');
  const scoped: Filters = { ...filters, country: iso3 };
  const key = filtersToQuery(scoped);
  const summary = useApi(`c:${key}`, (signal) => api.countries(scoped, signal));
  const facts = useApi(`f:${key}`, (signal) => api.facts(scoped, '-figure', 200, null, signal));
  const series = useApi(`t:${key}:${interval}`, (signal) => api.timeseries(scoped, interval, signal));
  const events = useApi(`e:${filtersToQuery(eventFilters(scoped))}`, () => api.events(scoped, null, 20));
  const s = summary.data?.items.find((c) => c.country === iso3);
  const largest = facts.data?.items[0];
  const name = countryName(iso3);
  return (
    <>
      <p class="crumbs">
        <a href={`/${filtersToQuery(filters) ? `?${filtersToQuery(filters)}` : ''}`}>← World</a>
      </p>
      <h1>{name}</h1>
      <FilterBar filters={scoped} onChange={(f) => setFilters({ ...f, country: iso3 })} hideCountry />
      <Status loading={summary.loading && !summary.data} error={summary.error ?? facts.error} />
      <div class="columns">
        <section aria-labelledby="figure-title" class="card">
          <h2 id="figure-title">Largest reported figure</h2>
          {largest ? (
            <>
              <p class="big">{factHeadline(largest)}</p>
              <p>
                {largest.fact_date ? `Dated ${largest.fact_date}. ` : 'No date stated. '}
                Read by the rule <code>{largest.reason}</code> with confidence {largest.confidence.toFixed(2)}
                , from{' '}
                <a href={`/article/${largest.article_id}`}>
                  {largest.article?.title || largest.article?.source || 'its article'}
                </a>
                .
              </p>
              <blockquote>{largest.evidence}</blockquote>
            </>
          ) : (
            <p class="muted">No facts for {name} match these filters.</p>
          )}
          {s ? (
            <p>
              {formatNumber(s.facts)} facts from {formatNumber(s.articles)} articles
              {s.first_date ? `, dated ${s.first_date} to ${s.last_date}` : ''}.
            </p>
          ) : null}
        </section>
        <WorldMap
          small
          focus={iso3}
          label={`Map of ${name} with its facts`}
          countries={summary.data?.items ?? []}
          facts={facts.data?.items ?? []}
        />
      </div>
      {series.data ? (
        <Timeline items={series.data.items} interval={interval} onInterval={setInterval} />
      ) : null}
      <section aria-labelledby="events-title">
        <h2 id="events-title">Events</h2>
        <p class="muted">
          Reports of one episode grouped together, latest first, each with the figure the recommendation rule
          chose; the event's page gives the rule's reason and every claim with its sources.
        </p>
        <Status loading={events.loading && !events.data} error={events.error} />
        {events.data && events.data.items.length === 0 ? (
          <p class="muted">No events for {name} match these filters.</p>
        ) : null}
        {events.data && events.data.items.length ? (
          <EventTable items={events.data.items} caption={`Events in ${name}, latest first`} />
        ) : null}
        {events.data?.next ? (
          <p>
            <a href={`/events?${filtersToQuery(eventFilters(scoped))}`}>All events in {name}</a>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="facts-title">
        <h2 id="facts-title">Facts</h2>
        {facts.data ? (
          <FactTable facts={facts.data.items} caption={`Facts for ${name}, largest first`} />
        ) : null}
        <ExportLinks filters={scoped} />
      </section>
    </>
  );
}
