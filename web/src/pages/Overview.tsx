// The home page: the world map, the timeline and the countries for the filters in the URL.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { CountryTable } from '../components/CountryTable.js';
import { ExportLinks } from '../components/ExportLinks.js';
import { FilterBar } from '../components/FilterBar.js';
import { Status } from '../components/Status.js';
import { Timeline } from '../components/Timeline.js';
import { useApi } from '../components/useApi.js';
import { WorldMap } from '../components/WorldMap.js';
import { filtersToQuery, type Filters } from '../filters.js';

export function Overview({
  filters,
  setFilters,
}: {
  filters: Filters;
  setFilters: (f: Filters) => void;
}): JSX.Element {
  const [interval, setInterval] = useState<'week' | 'month'>('month');
  const key = filtersToQuery(filters);
  const countries = useApi(`c:${key}`, (signal) => api.countries(filters, signal));
  // The map draws the 500 largest facts; it needs their places and sizes, not their evidence.
  const facts = useApi(`f:${key}`, (signal) => api.points(filters, 500, signal));
  const series = useApi(`t:${key}:${interval}`, (signal) => api.timeseries(filters, interval, signal));
  const search = key ? `?${key}` : '';
  return (
    <>
      <h1>Where people are being displaced</h1>
      <FilterBar filters={filters} onChange={setFilters} />
      <Status loading={countries.loading && !countries.data} error={countries.error ?? facts.error} />
      <WorldMap
        label="World map of displacement: countries shaded by the largest figure reported, facts as circles"
        countries={countries.data?.items ?? []}
        facts={facts.data?.items ?? []}
      />
      <div class="columns">
        <section aria-labelledby="countries-title">
          <h2 id="countries-title">Countries</h2>
          {countries.data ? <CountryTable items={countries.data.items} search={search} /> : null}
          <ExportLinks filters={filters} />
        </section>
        {series.data ? (
          <Timeline items={series.data.items} interval={interval} onInterval={setInterval} />
        ) : (
          <Status loading={series.loading} error={series.error} />
        )}
      </div>
    </>
  );
}
