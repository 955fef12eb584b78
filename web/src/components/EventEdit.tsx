// Merging and splitting an event from its page, for an analyst with a review token (entered
// once, kept in this tab as the review queue does): merge another event of the same countries
// into this one, or move some of its claims into a new event. Both are reviews, in the audit log,
// and hold when the store is clustered again (POST /api/events/:id/merge|split).
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, type EventDetail } from '../api.js';
import { factHeadline } from '../format.js';
import { useToken } from '../token.js';
import { dateRange } from './EventTable.js';
import { TokenField } from './TokenField.js';
import { useApi } from './useApi.js';

type Message = { error: boolean; text: string; link?: { href: string; text: string } };

export function EventEdit({ event, onChanged }: { event: EventDetail; onChanged: () => void }): JSX.Element {
  const [token, setToken] = useToken();
  const [other, setOther] = useState('');
  const [moving, setMoving] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  // Candidates to merge: the other events of this event's countries.
  const countries = event.countries.join(',');
  // Asked again after each change (the claim count changes), so a split-off event is offered.
  const nearby = useApi(`merge:${event.id}:${countries}:${event.claims}`, () =>
    countries ? api.events({ country: countries }, null, 100) : Promise.resolve({ items: [], next: null }),
  );
  const candidates = (nearby.data?.items ?? []).filter((e) => e.id !== event.id);

  const run = async (action: () => Promise<Message>) => {
    if (!token.trim()) {
      setMessage({ error: true, text: 'Enter an API token with the review scope first.' });
      return;
    }
    setBusy(true);
    try {
      setMessage(await action());
      setOther('');
      setMoving(new Set());
      setNote('');
      onChanged();
    } catch (e) {
      setMessage({ error: true, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const merge = () =>
    run(async () => {
      const name = candidates.find((c) => c.id === other)?.name ?? other;
      await api.mergeEvents(token.trim(), event.id, other, note.trim() || undefined);
      return { error: false, text: `Merged “${name}” into this event.` };
    });

  const split = () =>
    run(async () => {
      const r = await api.splitEvent(token.trim(), event.id, [...moving], note.trim() || undefined);
      const id = r.new_event?.id;
      return {
        error: false,
        text: `Moved ${moving.size} claim${moving.size === 1 ? '' : 's'} into a new event.`,
        ...(id ? { link: { href: `/event/${encodeURIComponent(id)}`, text: 'Open the new event' } } : {}),
      };
    });

  const toggle = (id: string, on: boolean) => {
    const next = new Set(moving);
    if (on) next.add(id);
    else next.delete(id);
    setMoving(next);
  };

  return (
    <section aria-labelledby="edit-title" class="card event-edit">
      <h2 id="edit-title">Merge or split this event</h2>
      <p class="muted">Needs an API token with the review scope. Each change is kept in the audit log.</p>
      <div class="filters">
        <TokenField token={token} onToken={setToken} />
        <label>
          Note (optional)
          <input name="note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
      </div>
      {message ? (
        <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>
          {message.text}
          {message.link ? (
            <>
              {' '}
              <a href={message.link.href}>{message.link.text}</a>
            </>
          ) : null}
        </p>
      ) : null}
      <div class="filters">
        <label>
          Event to merge into this one
          <select name="merge" value={other} onChange={(e) => setOther(e.currentTarget.value)}>
            <option value="">choose an event</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({dateRange(c.first_date, c.last_date)}, {c.claims} claims)
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={busy || !other} onClick={merge}>
          Merge
        </button>
      </div>
      <fieldset>
        <legend>Claims to move into a new event</legend>
        {event.claims_list.map((c) => (
          <label key={c.id} class="check">
            <input
              type="checkbox"
              name="move"
              value={c.id}
              checked={moving.has(c.id)}
              onChange={(e) => toggle(c.id, e.currentTarget.checked)}
            />
            {factHeadline(c)} ({dateRange(c.first_date, c.last_date)})
          </label>
        ))}
        <button
          type="button"
          disabled={busy || moving.size === 0 || moving.size === event.claims_list.length}
          onClick={split}
        >
          Split into a new event
        </button>
      </fieldset>
    </section>
  );
}
