// Alerts raised by the rules (a country's displacement at a 1- or 3-year high, a new large event,
// a figure jumping), newest first, with triage: confirm, dismiss or reopen, with a note. Triage
// needs the analyst's API token, entered once on the page and kept in this tab. The page's own
// filters (status, kind, country) live in its URL with the API's parameter names.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ALERT_KINDS, ALERT_STATUSES, api, type Alert, type AlertStatus } from '../api.js';
import { Status } from '../components/Status.js';
import { TokenField } from '../components/TokenField.js';
import { useApi } from '../components/useApi.js';
import { countryName, formatNumber, termLabel } from '../format.js';
import { navigate } from '../router.js';
import { useToken } from '../token.js';

const ALERT_KEYS = ['status', 'kind', 'country'] as const;
type AlertKey = (typeof ALERT_KEYS)[number];

/** The alert filters found in the page's query (unknown parameters dropped), in a fixed order. */
export function alertQuery(search: string): URLSearchParams {
  const from = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const k of ALERT_KEYS) {
    const v = from.get(k)?.trim();
    if (v) out.set(k, v);
  }
  return out;
}

const ACTIONS: { status: AlertStatus; label: string }[] = [
  { status: 'confirmed', label: 'Confirm' },
  { status: 'dismissed', label: 'Dismiss' },
  { status: 'new', label: 'Reopen' },
];

const KIND_WORDS: Record<string, string> = {
  country_high: 'country at a high',
  new_event: 'new event',
  figure_jump: 'figure jump',
};

function AlertCard({
  alert,
  token,
  onTriaged,
}: {
  alert: Alert;
  token: string;
  onTriaged: (a: Alert) => void;
}): JSX.Element {
  const [note, setNote] = useState(alert.note ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const triage = async (status: AlertStatus) => {
    setMessage(null);
    if (!token.trim())
      return setMessage({
        error: true,
        text: 'Enter an API token first (dmon tokens create --name NAME --scope review).',
      });
    setBusy(true);
    try {
      const a = await api.triage(token.trim(), alert.id, {
        status,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onTriaged(a);
      setMessage({ error: false, text: `Marked ${a.status} by ${a.triaged_by ?? 'you'}.` });
    } catch (e) {
      setMessage({ error: true, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const titleId = `alert-${alert.id}-title`;
  return (
    <article class={`alert card status-${alert.status}`} aria-labelledby={titleId}>
      <h2 id={titleId}>{alert.title}</h2>
      <p>{alert.summary}</p>
      <dl class="alert-facts">
        <dt>Status</dt>
        <dd>
          <span class={`badge ${alert.status}`}>{alert.status}</span>
          {alert.triaged_by ? ` by ${alert.triaged_by}` : ''}
          {alert.triaged_at ? ` on ${new Date(alert.triaged_at).toISOString().slice(0, 10)}` : ''}
          {alert.note ? ` — “${alert.note}”` : ''}
        </dd>
        <dt>Rule</dt>
        <dd>
          {KIND_WORDS[alert.kind] ?? alert.kind}
          {alert.level ? ` (${alert.level === '3y' ? '3-year' : '1-year'} high)` : ''}
        </dd>
        <dt>Date</dt>
        <dd>{alert.date}</dd>
        <dt>Figure</dt>
        <dd>
          {formatNumber(alert.value)} people
          {alert.previous !== null ? `, against ${formatNumber(alert.previous)} before` : ''}
        </dd>
        {alert.country ? (
          <>
            <dt>Country</dt>
            <dd>
              <a href={`/country/${alert.country}`}>{countryName(alert.country)}</a>
              {alert.cause ? `, ${termLabel(alert.cause)}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      {alert.event_id ? (
        <p>
          <a href={`/event/${alert.event_id}`}>Open the event</a>
        </p>
      ) : null}
      <div class="triage" role="group" aria-label={`Triage alert ${alert.id}`}>
        <label>
          Note
          <input name="note" value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        {ACTIONS.map((a) => (
          <button
            type="button"
            key={a.status}
            disabled={busy || alert.status === a.status}
            class={a.status === 'dismissed' ? 'secondary' : undefined}
            onClick={() => void triage(a.status)}
          >
            {a.label}
          </button>
        ))}
      </div>
      {message ? (
        <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </article>
  );
}

export function AlertsPage({ search }: { search: string }): JSX.Element {
  const [token, setToken] = useToken();
  const query = alertQuery(search);
  const key = query.toString();
  const first = useApi(`al:${key}`, () => api.alerts(`?${key ? `${key}&` : ''}limit=50`));
  const [more, setMore] = useState<{ items: Alert[]; next: string | null } | null>(null);
  const [triaged, setTriaged] = useState<Map<number, Alert>>(new Map());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setMore(null);
    setError(null);
  }, [key]);
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])].map((a) => triaged.get(a.id) ?? a);
  const next = more ? more.next : (first.data?.next ?? null);
  const setParam = (k: AlertKey, v: string) => {
    const q = alertQuery(search);
    if (v.trim()) q.set(k, v.trim());
    else q.delete(k);
    const s = alertQuery(`?${q.toString()}`).toString();
    navigate(`/alerts${s ? `?${s}` : ''}`, true);
  };
  const loadMore = async () => {
    try {
      const page = await api.alerts(`?${key ? `${key}&` : ''}limit=50&cursor=${encodeURIComponent(next!)}`);
      setMore({ items: [...(more?.items ?? []), ...page.items], next: page.next });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <h1>Alerts</h1>
      <form class="filters" role="search" aria-label="Alert filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Status
          <select
            name="status"
            value={query.get('status') ?? ''}
            onChange={(e) => setParam('status', e.currentTarget.value)}
          >
            <option value="">any</option>
            {ALERT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Rule
          <select
            name="kind"
            value={query.get('kind') ?? ''}
            onChange={(e) => setParam('kind', e.currentTarget.value)}
          >
            <option value="">any</option>
            {ALERT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_WORDS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Country
          <input
            name="country"
            placeholder="ISO3, e.g. SDN"
            size={8}
            pattern="[A-Za-z]{3}(,[A-Za-z]{3})*"
            value={query.get('country') ?? ''}
            onChange={(e) => setParam('country', e.currentTarget.value.toUpperCase())}
          />
        </label>
        <TokenField token={token} onToken={setToken} />
      </form>
      <Status loading={first.loading && !first.data} error={first.error ?? error} />
      {first.data && items.length === 0 ? (
        <p class="muted">
          No alerts match. <code>dmon alerts check</code> runs the rules over the stored events.
        </p>
      ) : null}
      <div class="alerts">
        {items.map((a) => (
          <AlertCard
            key={a.id}
            alert={a}
            token={token}
            onTriaged={(t) => setTriaged((m) => new Map(m).set(t.id, t))}
          />
        ))}
      </div>
      {next ? (
        <button type="button" class="secondary" onClick={() => void loadMore()}>
          More alerts
        </button>
      ) : null}
    </>
  );
}
