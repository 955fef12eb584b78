// The filter form. Every control writes its value into the page URL under the API's parameter
// name; the page reads its filters back from the URL, so the URL is the one source of truth.
import type { JSX } from 'preact';
import { CAUSES, HAZARDS, TERMS, termLabel } from '../format.js';
import { withFilter, type FilterKey, type Filters } from '../filters.js';

interface Props {
  filters: Filters;
  onChange: (next: Filters) => void;
  /** The country filter is the page's own on a country page. */
  hideCountry?: boolean;
  /** The controls shown, when a page's API takes fewer parameters (events: no term, no minimum). */
  keys?: readonly FilterKey[];
}

export function FilterBar({ filters, onChange, hideCountry, keys }: Props): JSX.Element {
  const shown = (k: FilterKey) => (keys ? keys.includes(k) : k !== 'q' && k !== 'admin1');
  const set = (key: FilterKey) => (e: JSX.TargetedEvent<HTMLInputElement | HTMLSelectElement>) =>
    onChange(withFilter(filters, key, e.currentTarget.value));
  const select = (key: FilterKey, label: string, options: readonly string[]) =>
    shown(key) ? (
      <label>
        {label}
        <select name={key} value={filters[key] ?? ''} onChange={set(key)}>
          <option value="">any</option>
          {options.map((o) => (
            <option value={o} key={o}>
              {termLabel(o)}
            </option>
          ))}
        </select>
      </label>
    ) : null;
  return (
    <form class="filters" role="search" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      {hideCountry || !shown('country') ? null : (
        <label>
          Country
          <input
            name="country"
            placeholder="ISO3, e.g. SDN"
            size={8}
            pattern="[A-Za-z]{3}(,[A-Za-z]{3})*"
            value={filters.country ?? ''}
            onChange={(e) => onChange(withFilter(filters, 'country', e.currentTarget.value.toUpperCase()))}
          />
        </label>
      )}
      {select('term', 'Term', TERMS)}
      {select('cause', 'Cause', CAUSES)}
      {select('hazard', 'Hazard', HAZARDS)}
      {shown('q') ? (
        <label>
          Name contains
          <input name="q" type="search" size={14} value={filters.q ?? ''} onChange={set('q')} />
        </label>
      ) : null}
      <label>
        From
        <input name="from" type="date" value={filters.from ?? ''} onChange={set('from')} />
      </label>
      <label>
        To
        <input name="to" type="date" value={filters.to ?? ''} onChange={set('to')} />
      </label>
      {shown('min') ? (
        <label>
          Min. figure
          <input
            name="min"
            type="number"
            min={0}
            step={1}
            size={8}
            value={filters.min ?? ''}
            onChange={set('min')}
          />
        </label>
      ) : null}
      {shown('min_confidence') ? (
        <label>
          Min. confidence
          <input
            name="min_confidence"
            type="number"
            min={0}
            max={1}
            step={0.05}
            size={5}
            value={filters.min_confidence ?? ''}
            onChange={set('min_confidence')}
          />
        </label>
      ) : null}
      <button
        type="button"
        class="secondary"
        onClick={() => onChange(hideCountry && filters.country ? { country: filters.country } : {})}
      >
        Clear
      </button>
    </form>
  );
}
