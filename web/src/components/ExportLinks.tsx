// Downloads of the facts behind the current view, through the API's streamed export.
import type { JSX } from 'preact';
import { api } from '../api.js';
import type { Filters } from '../filters.js';

export function ExportLinks({ filters }: { filters: Filters }): JSX.Element {
  return (
    <p class="exports">
      Export these facts:{' '}
      <a class="button" href={api.exportUrl(filters, 'csv')} download="displacement.csv">
        CSV with HXL
      </a>{' '}
      <a class="button" href={api.exportUrl(filters, 'geojson')} download="displacement.geojson">
        GeoJSON
      </a>
    </p>
  );
}
