// Ingest from the page: a URL or a text goes to POST /api/articles with the analyst's token
// (entered once, kept in this tab's sessionStorage: token.ts), then the page follows the article until its facts appear.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, type Article } from '../api.js';
import { factHeadline } from '../format.js';
import { useToken } from '../token.js';
const POLL_MS = 700;
const POLL_LIMIT = 120;

export function IngestPage(): JSX.Element {
  const [token, setToken] = useToken();
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [articleId, setArticleId] = useState<number | null>(null);
  const [article, setArticle] = useState<Article | null>(null);
  const [busy, setBusy] = useState(false);

  // Follows the submitted article until it is extracted (or failed).
  useEffect(() => {
    if (articleId === null) return;
    let polls = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const poll = async () => {
      try {
        const a = await api.article(articleId);
        if (!live) return;
        setArticle(a);
        if (a.status === 'pending' && ++polls < POLL_LIMIT) timer = setTimeout(() => void poll(), POLL_MS);
      } catch (e) {
        if (live) setMessage({ error: true, text: (e as Error).message });
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [articleId]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setMessage(null);
    setArticle(null);
    setArticleId(null);
    if (!token.trim())
      return setMessage({
        error: true,
        text: 'Enter an API token first (dmon tokens create --name NAME --scope review).',
      });
    if (!url.trim() && !text.trim())
      return setMessage({ error: true, text: 'Paste a URL or a text to read.' });
    setBusy(true);
    try {
      const body = url.trim()
        ? { url: url.trim() }
        : { text, ...(title.trim() ? { title: title.trim() } : {}) };
      const r = await api.submit(token.trim(), body);
      setMessage({
        error: false,
        text:
          r.status === 'duplicate' || r.status === 'exists'
            ? `Already stored (article ${r.article_id ?? '?'}).`
            : r.article_id
              ? `Accepted: article ${r.article_id}, ${r.status}.`
              : `Queued as job ${r.job_id ?? '?'}; the article appears once it is fetched.`,
      });
      if (r.article_id) setArticleId(r.article_id);
    } catch (err) {
      setMessage({ error: true, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Add an article</h1>
      <form class="ingest card" onSubmit={(e) => void submit(e)}>
        <label>
          API token
          <input
            name="token"
            type="password"
            autoComplete="off"
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
        </label>
        <label>
          URL of an article
          <input
            name="url"
            type="url"
            placeholder="https://…"
            value={url}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </label>
        <p class="muted">or paste its text:</p>
        <label>
          Title (optional)
          <input name="title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <label>
          Text
          <textarea name="text" rows={8} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={busy}>
          Read it
        </button>
      </form>
      {message ? (
        <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      {article ? (
        <section aria-labelledby="result-title" aria-live="polite">
          <h2 id="result-title">
            Article {article.id}: {article.status}
          </h2>
          {article.status === 'pending' ? <p class="muted">Reading…</p> : null}
          {article.error ? <p class="error">{article.error}</p> : null}
          <ul class="new-facts">
            {article.facts.map((f) => (
              <li key={f.id}>
                {factHeadline(f)}
                {f.location ? ` in ${f.location.name}` : ''}
              </li>
            ))}
          </ul>
          {article.status !== 'pending' ? (
            <a href={`/article/${article.id}`}>Open the article with its highlights</a>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
