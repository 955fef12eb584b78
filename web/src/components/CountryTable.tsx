// The countries of the current view, most facts first: the keyboard's way into country pages.
import type { JSX } from 'preact';
import type { CountrySummary } from '../api.js';
import { countryName, formatNumber } from '../format.js';

export function CountryTable({ items, search }: { items: CountrySummary[]; search: string }): JSX.Element {
  if (items.length === 0) return <p class="muted">No country has facts matching these filters.</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">Countries</caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col">Facts</th>
            <th scope="col">Articles</th>
            <th scope="col">Largest figure (people)</th>
            <th scope="col">Dates</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.country}>
              <th scope="row">
                <a href={`/country/${c.country}${search}`}>{countryName(c.country)}</a>
              </th>
              <td class="num">{formatNumber(c.facts)}</td>
              <td class="num">{formatNumber(c.articles)}</td>
              <td class="num">{formatNumber(c.max_people)}</td>
              <td>{c.first_date ? `${c.first_date} – ${c.last_date}` : 'undated'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
