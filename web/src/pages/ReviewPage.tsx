// The review queue: the least confident figures first (for the filters in the URL), driven from
// the keyboard. j / k (or the arrows) move, c confirms, r rejects, e opens the correction form
// (Enter saves, Escape closes), n goes to the note. Each decision is POSTed to /api/reviews with
// the analyst's token (entered once, kept in the tab); the figure leaves the queue and the audit
// log below shows who changed what, before and after.
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api, type AuditEntry, type Fact, type ReviewAction } from '../api.js';
import { FilterBar } from '../components/FilterBar.js';
import { Status } from '../components/Status.js';
import { TokenField } from '../components/TokenField.js';
import { filtersToQuery, type Filters } from '../filters.js';
import { countryName, factHeadline, placeLabel, TERMS, termLabel } from '../format.js';
import { auditChange, correctionsFrom, formFor, reviewKey, type CorrectionForm } from '../review.js';
import { useToken } from '../token.js';

const PAGE = 100;
const DONE_WORDS: Record<ReviewAction, string> = {
  confirm: 'Confirmed',
  correct: 'Corrected',
  reject: 'Rejected',
};

function CorrectionFields({
  form,
  setForm,
  firstField,
}: {
  form: CorrectionForm;
  setForm: (f: CorrectionForm) => void;
  firstField: { current: HTMLInputElement | null };
}): JSX.Element {
  const field = (k: keyof CorrectionForm) => (e: JSX.TargetedEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm({ ...form, [k]: e.currentTarget.value });
  return (
    <div class="correction-fields">
      <label>
        Figure
        <input
          ref={firstField}
          name="figure"
          inputMode="numeric"
          value={form.figure}
          onInput={field('figure')}
        />
      </label>
      <label>
        Term
        <select name="term" value={form.term} onChange={field('term')}>
          {TERMS.map((t) => (
            <option key={t} value={t}>
              {termLabel(t)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Unit
        <select name="unit" value={form.unit} onChange={field('unit')}>
          <option value="people">people</option>
          <option value="households">households</option>
        </select>
      </label>
      <label>
        Country
        <input name="country" size={5} value={form.country} onInput={field('country')} />
      </label>
      <label>
        Date
        <input name="date" type="date" value={form.date} onInput={field('date')} />
      </label>
      <label>
        Stock or flow
        <select name="stock_or_flow" value={form.stock_or_flow} onChange={field('stock_or_flow')}>
          <option value="flow">flow (new movement)</option>
          <option value="stock">stock (at the time)</option>
        </select>
      </label>
    </div>
  );
}

function AuditLog({ entries, error }: { entries: AuditEntry[] | null; error: string | null }): JSX.Element {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {error ? <p class="muted">{error}</p> : null}
      {entries && entries.length === 0 ? <p class="muted">No review yet.</p> : null}
      {entries && entries.length ? (
        <div class="table-wrap">
          <table class="history">
            <caption class="visually-hidden">The latest reviews, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Figure</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const target = (e.before ?? e.after) as Record<string, unknown> | null;
                return (
                  <tr key={e.id}>
                    <td>{new Date(e.at).toISOString().slice(0, 16).replace('T', ' ')}</td>
                    <td>{e.actor}</td>
                    <td>{e.action}</td>
                    <td>
                      {e.target_kind} {e.target_id}
                      {target && typeof target.evidence === 'string' ? (
                        <span class="muted"> — {String(target.evidence).slice(0, 90)}</span>
                      ) : null}
                    </td>
                    <td>{auditChange(e.before, e.after) || '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export function ReviewPage({
  filters,
  setFilters,
}: {
  filters: Filters;
  setFilters: (f: Filters) => void;
}): JSX.Element {
  const [token, setToken] = useToken();
  const key = filtersToQuery(filters);
  const [queue, setQueue] = useState<Fact[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [note, setNote] = useState('');
  const [form, setForm] = useState<CorrectionForm | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [log, setLog] = useState<AuditEntry[] | null>(null);
  const [logError, setLogError] = useState<string | null>(null);
  const noteField = useRef<HTMLInputElement>(null);
  const firstField = useRef<HTMLInputElement>(null);

  const loadLog = (t: string) => {
    if (!t.trim()) {
      setLog(null);
      setLogError('Enter an API token to see the history (the audit log needs a token).');
      return;
    }
    api.auditLog(t.trim()).then(
      (r) => {
        setLog(r.items);
        setLogError(null);
      },
      (e: Error) => setLogError(e.message),
    );
  };

  // The queue: figures not reviewed yet, least confident first.
  useEffect(() => {
    let live = true;
    setQueue(null);
    setSelected(0);
    api.facts(filters, 'confidence', PAGE).then(
      (r) => {
        if (!live) return;
        setQueue(r.items.filter((f) => !f.review));
        setNext(r.next);
        setLoadError(null);
      },
      (e: Error) => live && setLoadError(e.message),
    );
    return () => {
      live = false;
    };
  }, [key]);
  useEffect(() => loadLog(token), [token]);

  const current = queue?.[selected] ?? null;
  useEffect(() => {
    setNote('');
    setForm(null);
  }, [current?.id]);
  // Focus moves to the form in the same task that draws it (a layout effect, not an effect after
  // paint): a key typed right after "e" lands in the figure field, not on the page.
  useLayoutEffect(() => {
    if (form) firstField.current?.focus();
  }, [form !== null]);
  useEffect(() => {
    document.getElementById(`review-item-${current?.id}`)?.scrollIntoView({ block: 'nearest' });
  }, [current?.id]);

  const decide = async (action: ReviewAction) => {
    if (!current || busy) return;
    setMessage(null);
    if (!token.trim())
      return setMessage({
        error: true,
        text: 'Enter an API token first (dmon tokens create --name NAME --scope review).',
      });
    let changes;
    if (action === 'correct') {
      if (!form) return setForm(formFor(current));
      const c = correctionsFrom(current, form);
      if (typeof c === 'string') return setMessage({ error: true, text: c });
      changes = c;
    }
    setBusy(true);
    try {
      const r = await api.review(token.trim(), {
        target_kind: 'fact',
        target_id: String(current.id),
        action,
        ...(changes ? { changes } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setMessage({
        error: false,
        text: `${DONE_WORDS[action]}: ${factHeadline(current)} (review ${r.id} by ${r.reviewer}).`,
      });
      setQueue((q) => (q ? q.filter((f) => f.id !== current.id) : q));
      setSelected((s) => Math.max(0, Math.min(s, (queue?.length ?? 1) - 2)));
      loadLog(token);
    } catch (e) {
      setMessage({ error: true, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const more = async () => {
    try {
      const r = await api.facts(filters, 'confidence', PAGE, next);
      setQueue((q) => [...(q ?? []), ...r.items.filter((f) => !f.review)]);
      setNext(r.next);
    } catch (e) {
      setLoadError((e as Error).message);
    }
  };

  // The page's keys, wherever the focus is, except while typing in a field. One listener for the
  // page's life, calling the handler of the latest render: a listener re-added after each render
  // would, between a render and its effects, still see the state before (an empty token).
  const onKey = useRef<(e: KeyboardEvent) => void>(() => undefined);
  onKey.current = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement | null;
    const k = reviewKey({
      key: e.key,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      altKey: e.altKey,
      targetTag: t?.tagName,
      targetEditable: t?.isContentEditable,
    });
    if (e.key === 'Escape' && form) {
      e.preventDefault();
      setForm(null);
      return;
    }
    if (!k || !queue?.length) return;
    e.preventDefault();
    if (k === 'next') setSelected((s) => Math.min(queue.length - 1, s + 1));
    else if (k === 'previous') setSelected((s) => Math.max(0, s - 1));
    else if (k === 'note') noteField.current?.focus();
    else void decide(k);
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <>
      <h1>Review queue</h1>
      <p class="muted">
        The figures no one has reviewed yet, least confident first, for the filters below. Keys: <kbd>j</kbd>/
        <kbd>k</kbd> or <kbd>↓</kbd>/<kbd>↑</kbd> move, <kbd>c</kbd> confirms, <kbd>r</kbd> rejects,{' '}
        <kbd>e</kbd> corrects (<kbd>Enter</kbd> saves, <kbd>Esc</kbd> closes), <kbd>n</kbd> writes a note.
      </p>
      <FilterBar filters={filters} onChange={setFilters} />
      <div class="filters">
        <TokenField token={token} onToken={setToken} />
      </div>
      <Status loading={queue === null && !loadError} error={loadError} />
      {message ? (
        <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      {queue && queue.length === 0 ? <p class="muted">Nothing left to review for these filters.</p> : null}
      {queue && queue.length ? (
        <div class="review-layout">
          <ul
            class="queue"
            role="listbox"
            aria-label="Figures to review, least confident first"
            tabIndex={0}
            aria-activedescendant={current ? `review-item-${current.id}` : undefined}
          >
            {queue.map((f, i) => (
              <li
                key={f.id}
                id={`review-item-${f.id}`}
                role="option"
                aria-selected={i === selected}
                onClick={() => setSelected(i)}
              >
                <span class="q-headline">{factHeadline(f)}</span>
                <span class="muted">
                  {placeLabel(f.location?.name, countryName(f.country))} · {f.confidence.toFixed(2)}
                </span>
              </li>
            ))}
          </ul>
          {current ? (
            <section class="card review-card" aria-labelledby="review-current">
              <h2 id="review-current">{factHeadline(current)}</h2>
              <blockquote>{current.evidence}</blockquote>
              <dl class="fact-card">
                <dt>Place</dt>
                <dd>{placeLabel(current.location?.name, current.admin1, countryName(current.country))}</dd>
                <dt>Date</dt>
                <dd>{current.fact_date ?? 'not stated'}</dd>
                <dt>Stock or flow</dt>
                <dd>{current.stock_or_flow}</dd>
                <dt>Confidence</dt>
                <dd>
                  {current.confidence.toFixed(2)} (rule <code>{current.reason}</code>)
                </dd>
                <dt>Source</dt>
                <dd>
                  <a href={`/article/${current.article_id}`}>
                    {current.article?.title || current.article?.source || `article ${current.article_id}`}
                  </a>
                </dd>
              </dl>
              <form
                class="review-actions"
                onSubmit={(e) => {
                  e.preventDefault();
                  // Enter saves an open correction; in the note alone it hands the keys back to
                  // the queue (the note goes with the next decision).
                  if (form) void decide('correct');
                  else (document.querySelector('.queue') as HTMLElement | null)?.focus();
                }}
              >
                <label>
                  Note
                  <input
                    ref={noteField}
                    name="note"
                    maxLength={2000}
                    value={note}
                    onInput={(e) => setNote(e.currentTarget.value)}
                  />
                </label>
                {form ? <CorrectionFields form={form} setForm={setForm} firstField={firstField} /> : null}
                <div class="buttons">
                  {form ? (
                    <>
                      <button type="submit" disabled={busy}>
                        Save the correction
                      </button>
                      <button type="button" class="secondary" onClick={() => setForm(null)}>
                        Cancel
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        disabled={busy}
                        aria-keyshortcuts="c"
                        onClick={() => void decide('confirm')}
                      >
                        Confirm (c)
                      </button>
                      <button
                        type="button"
                        class="secondary"
                        disabled={busy}
                        aria-keyshortcuts="e"
                        onClick={() => setForm(formFor(current))}
                      >
                        Correct (e)
                      </button>
                      <button
                        type="button"
                        class="secondary"
                        disabled={busy}
                        aria-keyshortcuts="r"
                        onClick={() => void decide('reject')}
                      >
                        Reject (r)
                      </button>
                    </>
                  )}
                </div>
              </form>
            </section>
          ) : null}
        </div>
      ) : null}
      {next ? (
        <button type="button" class="secondary" onClick={() => void more()}>
          More figures
        </button>
      ) : null}
      <AuditLog entries={log} error={logError} />
    </>
  );
}
