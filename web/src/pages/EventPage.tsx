// One event: the recommended figure with the sentence saying which rule chose it, the other
// kinds of figure, a small map of its claims, its timeline (flows and stocks apart) and every
// claim with the reports behind it, grouped into independent sources (corroboration); and, for
// an analyst with a review token, merging another event into it or splitting claims off.
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { api, type Claim, type EventDetail } from '../api.js';
import { EventEdit } from '../components/EventEdit.js';
import { Status } from '../components/Status.js';
import { Timeline } from '../components/Timeline.js';
import { useApi } from '../components/useApi.js';
import { WorldMap, type MapPoint } from '../components/WorldMap.js';
import {
  countryName,
  factHeadline,
  formatNumber,
  kindLabel,
  placeLabel,
  TERM_CLASS_COLOURS,
  termLabel,
} from '../format.js';
import { eventTimelineRows } from '../series.js';
import { dateRange } from '../components/EventTable.js';

function claimPopup(c: Claim): HTMLElement {
  const box = document.createElement('div');
  const h = document.createElement('strong');
  h.textContent = factHeadline(c);
  const where = document.createElement('div');
  where.textContent = placeLabel(c.location?.name, c.admin1, countryName(c.country));
  const who = document.createElement('div');
  who.textContent = `${c.independent_sources} independent source${c.independent_sources === 1 ? '' : 's'}, ${c.reports} report${c.reports === 1 ? '' : 's'}`;
  const quote = document.createElement('blockquote');
  quote.textContent = c.evidence;
  box.append(h, where, who, quote);
  return box;
}

function claimPoints(claims: readonly Claim[]): MapPoint[] {
  const out: MapPoint[] = [];
  for (const c of claims) {
    const lat = c.location?.lat;
    const lon = c.location?.lon;
    const people = c.people?.count ?? c.figure;
    if (lat === null || lat === undefined || lon === null || lon === undefined || !people) continue;
    out.push({
      key: `claim:${c.id}`,
      lat,
      lon,
      people,
      colour: TERM_CLASS_COLOURS[c.term_class] ?? '#333',
      popup: () => claimPopup(c),
    });
  }
  return out;
}

function Sources({ claim }: { claim: Claim }): JSX.Element {
  return (
    <ol class="sources">
      {claim.sources.map((s, i) => (
        <li key={i}>
          {s.reports.map((r, j) => (
            <span key={r.fact_id}>
              {j > 0 ? '; ' : ''}
              <a href={`/article/${r.article_id}`}>{r.title || r.outlet || `article ${r.article_id}`}</a>
              {r.outlet && r.title ? ` (${r.outlet})` : ''}
              {r.published ? `, ${r.published}` : ''}
              {r.copies > 0 ? `, and ${r.copies} cop${r.copies === 1 ? 'y' : 'ies'}` : ''}
            </span>
          ))}
        </li>
      ))}
    </ol>
  );
}

function Recommended({ event }: { event: EventDetail }): JSX.Element {
  const r = event.recommended;
  if (!r)
    return (
      <section aria-labelledby="figure-title" class="card">
        <h2 id="figure-title">Recommended figure</h2>
        <p class="muted">No claim of this event gives a number yet.</p>
      </section>
    );
  const claim = event.claims_list.find((c) => c.id === r.claim_id);
  const others = event.figures.filter((f) => f.claimId !== r.claim_id);
  return (
    <section aria-labelledby="figure-title" class="card">
      <h2 id="figure-title">Recommended figure</h2>
      <p class="big">{formatNumber(r.people ?? r.figure)} people</p>
      <p class="kind-line">
        {kindLabel(r.term_class, r.stock_or_flow)} (
        {r.stock_or_flow === 'stock' ? 'people displaced at the time' : 'a new movement'})
      </p>
      {r.unit !== 'people' ? (
        <p>
          Reported as {formatNumber(r.figure)} {r.unit}.
        </p>
      ) : null}
      <p class="reason">
        <strong>Why this figure:</strong> the {r.reason}.
      </p>
      {claim ? (
        <>
          <blockquote>{claim.evidence}</blockquote>
          <Sources claim={claim} />
        </>
      ) : null}
      {others.length ? (
        <>
          <h3>Other kinds of figure</h3>
          <ul class="figures">
            {others.map((f) => (
              <li key={f.claimId}>
                {formatNumber(f.people)} people, {kindLabel(f.termClass, f.stockOrFlow)}: the {f.reason}.
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function EventPage({ id }: { id: string }): JSX.Element {
  // Bumped after a merge or split, to load the event as it is now.
  const [version, setVersion] = useState(0);
  const loaded = useApi(`ev:${id}:${version}`, () => api.event(id));
  const e = loaded.data;
  const points = useMemo(() => claimPoints(e?.claims_list ?? []), [e]);
  const rows = useMemo(() => eventTimelineRows(e?.timeline ?? []), [e]);
  const shaded = useMemo(
    () =>
      (e?.countries ?? []).map((c) => ({
        country: c,
        facts: e!.facts,
        max_people: e!.recommended?.people ?? null,
      })),
    [e],
  );
  if (!e)
    return (
      <>
        <p class="crumbs">
          <a href="/events">← Events</a>
        </p>
        <Status loading={loaded.loading} error={loaded.error} />
      </>
    );
  return (
    <>
      <p class="crumbs">
        <a href="/events">← Events</a>
      </p>
      <h1>{e.name}</h1>
      <p class="meta">
        {e.countries.map((c, i) => (
          <span key={c}>
            {i > 0 ? ', ' : ''}
            <a href={`/country/${c}`}>{countryName(c)}</a>
          </span>
        ))}
        {' · '}
        {[e.cause, e.hazard]
          .filter(Boolean)
          .map((w) => termLabel(w!))
          .join(', ') || 'cause unknown'}
        {' · '}
        {dateRange(e.first_date, e.last_date)}
        {' · '}
        {formatNumber(e.claims)} claims from {formatNumber(e.facts)} facts
      </p>
      <div class="columns">
        <Recommended event={e} />
        <WorldMap
          small
          focus={e.countries}
          label={`Map of ${e.name} with its claims`}
          pointsLabel="claims at their places"
          countries={shaded}
          points={points}
        />
      </div>
      <Timeline items={rows} interval="day" flows="max" colours={TERM_CLASS_COLOURS} />
      <section aria-labelledby="claims-title">
        <h2 id="claims-title">Claims</h2>
        <p class="muted">
          A claim is one figure as reported, with every report of it. Independent sources are reports that are
          not copies of one another; they are what corroborates a figure.
        </p>
        <div class="table-wrap">
          <table class="claims">
            <caption class="visually-hidden">Claims of this event, earliest first</caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">Kind</th>
                <th scope="col">People</th>
                <th scope="col">Place</th>
                <th scope="col">Dates</th>
                <th scope="col">Independent sources</th>
                <th scope="col">Reports</th>
                <th scope="col">Sources</th>
              </tr>
            </thead>
            <tbody>
              {e.claims_list.map((c) => (
                <tr key={c.id} class={c.id === e.recommended?.claim_id ? 'chosen' : undefined}>
                  <td>
                    {factHeadline(c)}
                    {c.id === e.recommended?.claim_id ? <strong class="tag"> recommended</strong> : null}
                  </td>
                  <td>{kindLabel(c.term_class, c.stock_or_flow)}</td>
                  <td class="num">{formatNumber(c.people?.count ?? null)}</td>
                  <td>{placeLabel(c.location?.name, c.admin1, countryName(c.country))}</td>
                  <td>{dateRange(c.first_date, c.last_date)}</td>
                  <td class="num">{c.independent_sources}</td>
                  <td class="num">{c.reports}</td>
                  <td>
                    <Sources claim={c} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <EventEdit key={e.id} event={e} onChanged={() => setVersion((v) => v + 1)} />
    </>
  );
}
