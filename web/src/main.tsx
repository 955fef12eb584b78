// The dashboard's entry: a header, the page for the current path, and the filters from the URL.
import 'leaflet/dist/leaflet.css';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import type { JSX } from 'preact';
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { eventFilters } from './api.js';
import { filtersFromQuery, filtersToQuery, type Filters } from './filters.js';
import { AlertsPage } from './pages/AlertsPage.js';
import { ArticlePage } from './pages/ArticlePage.js';
import { CountryPage } from './pages/CountryPage.js';
import { EventPage } from './pages/EventPage.js';
import { EventsPage } from './pages/EventsPage.js';
import { IngestPage } from './pages/IngestPage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { Overview } from './pages/Overview.js';
import { interceptLinks, navigate, useLocation } from './router.js';

function Page({
  path,
  search,
  filters,
  setFilters,
}: {
  path: string;
  search: string;
  filters: Filters;
  setFilters: (f: Filters) => void;
}): JSX.Element {
  const country = /^\/country\/([A-Za-z0-9]{3})$/.exec(path);
  if (country)
    return <CountryPage iso3={country[1]!.toUpperCase()} filters={filters} setFilters={setFilters} />;
  const article = /^\/article\/(\d+)$/.exec(path);
  if (article) return <ArticlePage id={Number(article[1])} />;
  const event = /^\/event\/(e[0-9a-f]{12})$/.exec(path);
  if (event) return <EventPage id={event[1]!} />;
  if (path === '/events') return <EventsPage filters={filters} setFilters={setFilters} />;
  if (path === '/alerts') return <AlertsPage search={search} />;
  if (path === '/review') return <ReviewPage filters={filters} setFilters={setFilters} />;
  if (path === '/ingest') return <IngestPage />;
  if (path === '/' || path === '/index.html') return <Overview filters={filters} setFilters={setFilters} />;
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{path}</code>. <a href="/">Go to the map</a>.
      </p>
    </>
  );
}

function App(): JSX.Element {
  const loc = useLocation();
  const filters = filtersFromQuery(loc.search);
  // A filter change replaces the URL's query, so the view can be shared and reloaded as it is.
  const setFilters = (f: Filters) => {
    const q = filtersToQuery(f);
    navigate(`${loc.path}${q ? `?${q}` : ''}`, true);
  };
  // After moving to another page, focus goes to its content (as a page load would put it at the
  // top), so keyboard and screen-reader users start there; the first load keeps the default.
  const firstPath = useRef(loc.path);
  useEffect(() => {
    if (loc.path !== firstPath.current) {
      firstPath.current = '';
      document.getElementById('main')?.focus({ preventScroll: true });
    }
  }, [loc.path]);
  const query = filtersToQuery(filters);
  const eventQuery = filtersToQuery(eventFilters(filters));
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href={`/${query ? `?${query}` : ''}`}>
          Displacement Monitor
        </a>
        <nav aria-label="Main">
          <a href={`/${query ? `?${query}` : ''}`} aria-current={loc.path === '/' ? 'page' : undefined}>
            Map
          </a>
          <a
            href={`/events${eventQuery ? `?${eventQuery}` : ''}`}
            aria-current={loc.path === '/events' ? 'page' : undefined}
          >
            Events
          </a>
          <a href="/alerts" aria-current={loc.path === '/alerts' ? 'page' : undefined}>
            Alerts
          </a>
          <a
            href={`/review${query ? `?${query}` : ''}`}
            aria-current={loc.path === '/review' ? 'page' : undefined}
          >
            Review
          </a>
          <a href="/ingest" aria-current={loc.path === '/ingest' ? 'page' : undefined}>
            Add an article
          </a>
          <a href="/api/openapi.json">API</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Page path={loc.path} search={loc.search} filters={filters} setFilters={setFilters} />
      </main>
    </>
  );
}

const root = document.getElementById('app')!;
interceptLinks(root);
render(<App />, root);
