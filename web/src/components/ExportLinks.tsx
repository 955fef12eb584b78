// Downloads behind the current view through the API's streamed export: one row per fact, per
// claim (a figure with all its sources) or per event (its recommended figure and reason). The
// claim and event exports take fewer filters than facts; when a filter they cannot take is set,
// the page says which instead of offering a file that would not match the view.
import type { JSX } from 'preact';
import { api, filtersOutside, type ExportLevel } from '../api.js';
import type { FilterKey, Filters } from '../filters.js';

const LEVELS: { level: ExportLevel; label: string }[] = [
  { level: 'fact', label: 'Facts' },
  { level: 'claim', label: 'Claims' },
  { level: 'event', label: 'Events' },
];

const FILTER_NAMES: Record<FilterKey, string> = {
  country: 'country',
  admin1: 'region',
  term: 'term',
  cause: 'cause',
  hazard: 'hazard',
  from: 'from',
  to: 'to',
  min: 'min. figure',
  min_confidence: 'min. confidence',
  q: 'name contains',
};

function LevelLinks({ filters, level, label }: { filters: Filters; level: ExportLevel; label: string }) {
  const outside = level === 'fact' ? [] : filtersOutside(filters, level);
  const file = `displacement-${level}s`;
  return (
    <li>
      {label}:{' '}
      {outside.length ? (
        <span class="muted">
          not with the {outside.map((k) => FILTER_NAMES[k]).join(', ')} filter
          {outside.length > 1 ? 's' : ''}
        </span>
      ) : (
        <>
          <a
            class="button"
            href={api.exportUrl(filters, 'csv', level)}
            download={`${file}.csv`}
            aria-label={`${label} as CSV with HXL`}
          >
            CSV with HXL
          </a>{' '}
          <a
            class="button"
            href={api.exportUrl(filters, 'geojson', level)}
            download={`${file}.geojson`}
            aria-label={`${label} as GeoJSON`}
          >
            GeoJSON
          </a>
        </>
      )}
    </li>
  );
}

export function ExportLinks({ filters }: { filters: Filters }): JSX.Element {
  return (
    <div class="exports">
      <p>Export what these filters select:</p>
      <ul>
        {LEVELS.map((l) => (
          <LevelLinks key={l.level} filters={filters} {...l} />
        ))}
      </ul>
    </div>
  );
}
