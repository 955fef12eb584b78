// One article: its stored text with every figure, term, place and date the extractor read
// highlighted; hovering or focusing a highlight shows its fact. Links to the original URL and
// to the stored copy in the API.
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { api, type Fact } from '../api.js';
import { Status } from '../components/Status.js';
import { useApi } from '../components/useApi.js';
import { countryName, factHeadline } from '../format.js';
import { segmentText } from '../highlights.js';

function FactCard({ fact }: { fact: Fact }): JSX.Element {
  return (
    <dl class="fact-card">
      <dt>Fact</dt>
      <dd>{factHeadline(fact)}</dd>
      <dt>Place</dt>
      <dd>{[fact.location?.name, fact.admin1, countryName(fact.country)].filter(Boolean).join(', ')}</dd>
      <dt>Date</dt>
      <dd>{fact.fact_date ?? 'not stated'}</dd>
      <dt>Cause</dt>
      <dd>{[fact.cause, fact.hazard].filter(Boolean).join(', ') || 'unknown'}</dd>
      <dt>Stock or flow</dt>
      <dd>{fact.stock_or_flow}</dd>
      <dt>Confidence</dt>
      <dd>
        {fact.confidence.toFixed(2)} (rule <code>{fact.reason}</code>)
      </dd>
      {fact.implied.length ? (
        <>
          <dt>Implied</dt>
          <dd>{fact.implied.join(', ')}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function ArticlePage({ id }: { id: number }): JSX.Element {
  const article = useApi(`a:${id}`, () => api.article(id));
  const [active, setActive] = useState<number | null>(null);
  const a = article.data;
  const segments = useMemo(() => (a?.text ? segmentText(a.text, a.facts) : []), [a]);
  if (!a) return <Status loading={article.loading} error={article.error} />;
  const original = a.original_url ?? a.url;
  const shown = active === null ? null : a.facts[active];
  return (
    <>
      <h1>{a.title || `Article ${a.id}`}</h1>
      <p class="meta">
        {a.published ? `Published ${a.published}. ` : ''}
        {a.attribution ? `${a.attribution}. ` : ''}
        {original ? (
          <a href={original} rel="noopener noreferrer" target="_blank">
            Original
          </a>
        ) : (
          'No original URL (imported text).'
        )}{' '}
        ·{' '}
        <a href={`/api/articles/${a.id}`} target="_blank">
          Stored copy (JSON)
        </a>
      </p>
      <p class="legend" aria-label="Highlight legend">
        <mark class="hl-figure">figure</mark> <mark class="hl-term">term</mark>{' '}
        <mark class="hl-place">place</mark> <mark class="hl-date">date</mark> — {a.facts.length} facts; hover
        or focus a highlight for its fact.
      </p>
      {a.status !== 'extracted' ? (
        <p class="muted">
          Status: {a.status}
          {a.error ? ` (${a.error})` : ''}
        </p>
      ) : null}
      <div class="article-layout">
        <article class="article-text">
          {segments.map((s, i) =>
            s.mark ? (
              <mark
                key={i}
                class={`hl-${s.mark.kind}${active === s.mark.fact ? ' active' : ''}`}
                tabIndex={0}
                aria-describedby="fact-card"
                onMouseEnter={() => setActive(s.mark!.fact)}
                onFocus={() => setActive(s.mark!.fact)}
              >
                {s.text}
              </mark>
            ) : (
              <span key={i}>{s.text}</span>
            ),
          )}
        </article>
        <aside id="fact-card" aria-live="polite" class="card">
          {shown ? (
            <FactCard fact={shown} />
          ) : (
            <p class="muted">Hover or focus a highlight to see its fact.</p>
          )}
        </aside>
      </div>
    </>
  );
}
