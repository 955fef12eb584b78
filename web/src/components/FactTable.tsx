// Facts as a table: figure, term, place, date, confidence and the article each came from.
import type { JSX } from 'preact';
import type { Fact } from '../api.js';
import { factHeadline, formatNumber, placeLabel } from '../format.js';

export function FactTable({ facts, caption }: { facts: Fact[]; caption: string }): JSX.Element {
  if (facts.length === 0) return <p class="muted">No facts match these filters.</p>;
  return (
    <div class="table-wrap">
      <table class="facts">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">People</th>
            <th scope="col">Place</th>
            <th scope="col">Date</th>
            <th scope="col">Confidence</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {facts.map((f) => (
            <tr key={f.id}>
              <td>{factHeadline(f)}</td>
              <td class="num">{formatNumber(f.people?.count)}</td>
              <td>{placeLabel(f.location?.name, f.admin1) || '—'}</td>
              <td>{f.fact_date ?? '—'}</td>
              <td class="num">{f.confidence.toFixed(2)}</td>
              <td>
                <a href={`/article/${f.article_id}`}>
                  {f.article?.title || f.article?.source || `article ${f.article_id}`}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
