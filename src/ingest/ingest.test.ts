import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { makePdf } from '../document/fixtures/makePdf.js';
import { queryBuilderForTests } from '../store/index.js';
import { describeEachEngine } from '../store/test-engines.js';
import { Ingest } from './ingest.js';
import { createDeps } from './wiring.js';

const STORY =
  'Fighting between the army and rebel groups displaced 15,000 people from villages around Kalemba last week, the regional governor said on Monday. ' +
  'Most of the families walked for two days to reach the town of Ostra, where schools and churches are being used as shelters. ' +
  'Aid agencies warned that food stocks in the shelters would last less than a week and called for safe access to the area. ' +
  'The governor said roads to the north remained closed and that more people were expected to arrive before the weekend.';

const ARTICLE_HTML = `<!doctype html><html lang="en"><head><title>Thousands flee fighting</title>
<meta property="article:published_time" content="2024-05-06T08:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Thousands flee fighting</h1>${STORY.split('. ')
  .map((s) => `<p>${s}.</p>`)
  .join('')}</article><footer>© Test News</footer></body></html>`;

// A report and a bulletin the fetcher gets as PDF and as plain text: the same document entry as
// `dmon extract` and `dmon import` (src/cli/input.test.ts) converts them.
const PDF_LINES = [
  'Heavy rain flooded the river valley on Tuesday and the district office said',
  'that 2,400 people had left their homes for the church and the market hall.',
];
const REPORT_PDF = makePdf({ pages: [PDF_LINES], title: 'Valley floods', creationDate: 'D:20240611' });
const BULLETIN =
  'A landslide buried part of the hillside road on Friday night and the municipality moved 180 families to the sports centre, officials said.\r\n';

// 64 MB of zeros, about 64 KB on the wire: a decompression bomb.
const GZIP_BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024));
const XML_BOMB = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>https://news.example.org/bomb</link></item></channel></rss>`;

let etagHits = 0;
function server(): Promise<Server> {
  const s = createServer((req, res) => {
    const base = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    const url = req.url ?? '/';
    if (url.startsWith('/article.html'))
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE_HTML);
    if (url === '/report.pdf')
      return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(REPORT_PDF);
    if (url === '/bulletin')
      return void res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(BULLETIN);
    if (url === '/feed.xml') {
      if (req.headers['if-none-match'] === '"v1"') {
        etagHits++;
        return void res.writeHead(304, { etag: '"v1"' }).end();
      }
      return void res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title><link>${base}/</link>
         <item><title>Thousands flee fighting</title><link>${base}/article.html?utm_source=rss&amp;utm_medium=feed</link><pubDate>Mon, 06 May 2024 08:00:00 GMT</pubDate></item>
         <item><title>Gone</title><link>${base}/gone</link></item></channel></rss>`,
      );
    }
    if (url === '/gzip-bomb.xml')
      return void res
        .writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' })
        .end(GZIP_BOMB);
    if (url === '/xml-bomb.xml')
      return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(XML_BOMB);
    if (url === '/not-a-feed')
      return void res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<html><body><p>Just a page.</p></body></html>');
    if (url === '/truncated.xml')
      return void res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end('<?xml version="1.0"?><rss version="2.0"><channel><title>Cut');
    if (url === '/flaky') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('try later');
    return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

describeEachEngine('ingest', (store) => {
  let http: Server;
  let base = '';
  let ingest: Ingest;
  before(async () => {
    http = await server();
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    ingest = new Ingest(store(), createDeps({ fetchAllow: ['127.0.0.1'] }), {
      hostDelayMs: 0,
      queue: { backoffMs: () => 0 },
    });
  });
  after(() => new Promise<void>((r) => http.close(() => r())));

  test('a text is stored once, extracted once', async () => {
    const a = await ingest.addDocument({
      text: STORY,
      title: 'Story',
      published: '2024-05-06',
      origin: 'import',
      externalId: 'x1',
    });
    const b = await ingest.addDocument({
      text: STORY,
      title: 'Story again',
      origin: 'import',
      externalId: 'x1',
    });
    assert.equal(a.status, 'stored');
    assert.equal(b.status, 'exists');
    assert.equal(b.articleId, a.articleId);
    const run = await ingest.run({ drain: true });
    assert.equal(run.done, 2, 'the extract job, then the clustering job');
    const article = await store().articles.get(a.articleId);
    assert.equal(article?.status, 'extracted');
    assert.ok((article?.fact_count ?? 0) >= 1, 'the displacement sentence yields a fact');
    assert.equal(article?.language, 'en');
  });

  test('an article stored just before a crash, without its extract job, gets the job when it comes again', async () => {
    const text =
      'Storms cut off 14 coastal villages and 2,700 residents moved to public buildings in Varosh on 11 January 2024, the port authority said.';
    const r = await ingest.addDocument({ text, origin: 'import' });
    await queryBuilderForTests(store()).deleteFrom('jobs').where('id', '=', r.jobId!).execute();
    const again = await ingest.addDocument({ text, origin: 'import' });
    assert.equal(again.status, 'exists');
    assert.ok(again.jobId, 'the missing extract job is queued');
    await ingest.run({ drain: true });
    assert.equal((await store().articles.get(r.articleId))?.status, 'extracted');
  });

  test('a near-duplicate copy under another URL is linked to the original and not extracted', async () => {
    const copy = STORY.replace('on Monday', 'on Monday morning');
    const r = await ingest.addDocument({
      url: 'https://mirror.example.net/story',
      text: copy,
      origin: 'import',
    });
    assert.equal(r.status, 'duplicate');
    assert.ok(r.duplicateOf);
    assert.equal(r.jobId, null);
    const facts = await store().facts.list({ articleId: r.articleId });
    assert.equal(facts.items.length, 0);
  });

  test('a URL is fetched, converted, stored under its canonical URL and extracted; again = nothing new', async () => {
    const q = await ingest.queueUrl(`${base}/article.html?utm_campaign=x`);
    assert.equal(q.status, 'queued');
    await ingest.run({ drain: true });
    const again = await ingest.queueUrl(`${base}/article.html?utm_source=y`);
    assert.equal(again.status, 'exists');
    const art = await store().articles.get(again.article_id!);
    assert.equal(art?.url, `${base}/article.html`);
    assert.equal(art?.published, '2024-05-06');
    assert.match(art?.text ?? '', /displaced 15,000 people/);
    assert.doesNotMatch(art?.text ?? '', /Home \| World/);
    // Same text as the imported story: kept as a source, linked, not extracted twice.
    assert.equal(art?.status, 'duplicate');
  });

  test('a fetched PDF and a fetched plain text go through the document entry', async () => {
    const pdf = await ingest.queueUrl(`${base}/report.pdf`);
    const txt = await ingest.queueUrl(`${base}/bulletin`);
    await ingest.run({ drain: true, kinds: ['fetch'] });
    const report = await store().articles.findByUrl(`${base}/report.pdf`);
    const bulletin = await store().articles.findByUrl(`${base}/bulletin`);
    assert.equal(pdf.status, 'queued');
    assert.equal(txt.status, 'queued');
    const a = await store().articles.get(report!.id);
    const b = await store().articles.get(bulletin!.id);
    assert.equal(a?.text, PDF_LINES.join('\n'));
    assert.equal(a?.title, 'Valley floods');
    assert.equal(a?.published, '2024-06-11');
    assert.equal(a?.language, 'en');
    assert.equal(b?.text, BULLETIN.replace('\r\n', '\n'));
    assert.equal(b?.title, null);
    assert.equal(b?.language, 'en');
  });

  test('a fetch looks its URL up once', async () => {
    const articles = store().articles;
    const original = articles.findByUrl.bind(articles);
    const looked: string[] = [];
    articles.findByUrl = (url: string) => {
      looked.push(url);
      return original(url);
    };
    try {
      const q = await ingest.queueUrl(`${base}/article.html?copy=2`);
      looked.length = 0;
      await ingest.run({ drain: true, kinds: ['fetch'] });
      assert.equal(q.status, 'queued');
      assert.deepEqual(looked, [`${base}/article.html?copy=2`]);
    } finally {
      articles.findByUrl = original;
    }
  });

  test('a fetch that fails and waits for a retry is reported with its reason, and stays queued', async () => {
    // The default backoff: the retry is seconds away, so the drain ends before it.
    const patient = new Ingest(store(), createDeps({ fetchAllow: ['127.0.0.1'] }), { hostDelayMs: 0 });
    const q = await patient.queueUrl(`${base}/flaky`);
    assert.equal(q.status, 'queued');
    const run = await patient.run({ drain: true, maxRetryWaitMs: 0, kinds: ['fetch'] });
    assert.equal(run.retried, 1);
    const [outcome] = await patient.fetchOutcomes([q.job_id!]);
    assert.equal(outcome?.status, 'waiting');
    assert.match(outcome?.error ?? '', /500/);
    assert.ok((outcome?.retryAt ?? 0) > 0);
    const again = await patient.queueUrl(`${base}/flaky`);
    assert.deepEqual([again.status, again.job_id], ['queued', q.job_id], 'not "already stored"');
    // Out of the way of the feed test below: the job is dropped, as `dmon jobs drop` would.
    await queryBuilderForTests(store()).deleteFrom('jobs').where('id', '=', q.job_id!).execute();
  });

  test('a submitted text follows the record rules of every other entry', async () => {
    await assert.rejects(
      ingest.submit({ text: STORY, url: 'javascript:alert(1)' } as never),
      /not an absolute http\(s\) URL/,
    );
    await assert.rejects(ingest.submit({ text: STORY, published: 'May 3' }), /not a date/);
  });

  test('feeds: items queued once, conditional GET on the next poll, a dead link parked with its error', async () => {
    const feed = await ingest.addFeed(`${base}/feed.xml`);
    assert.equal(await ingest.scheduleFeeds(), 1);
    const r = await ingest.run({ drain: true, maxRetryWaitMs: 0 });
    assert.equal(r.parked, 1, 'the 404 link');
    const src = await store().sources.get(feed.id);
    assert.equal(src?.etag, '"v1"');
    assert.equal(src?.title, 'Test feed');
    const failed = await store().articles.list({ status: 'failed' });
    assert.equal(failed.items.length, 1);
    assert.match(failed.items[0]?.error ?? '', /404/);
    const hits = etagHits;
    assert.equal(await ingest.scheduleFeeds({ all: true }), 1);
    await ingest.run({ drain: true, maxRetryWaitMs: 0 });
    assert.equal(etagHits, hits + 1, 'the second poll sent If-None-Match and got 304');
    assert.match((await store().sources.get(feed.id))?.last_status ?? '', /304/);
  });

  test('bad feeds and refused URLs: recorded with a clear error, nothing else lost', async () => {
    const before = await store().articles.count();
    for (const path of ['/not-a-feed', '/truncated.xml', '/gzip-bomb.xml', '/xml-bomb.xml']) {
      const f = await ingest.addFeed(`${base}${path}`);
      await ingest.queue.enqueue('poll', { sourceId: f.id }, { key: `poll:${f.id}:test` });
    }
    await ingest.run({ drain: true, maxRetryWaitMs: 0 });
    const sources = await store().sources.list();
    const page = sources.find((s) => s.url.endsWith('/not-a-feed'));
    assert.match(page?.last_error ?? '', /feed/i, 'an HTML page is not a feed');
    assert.ok(
      sources.find((s) => s.url.endsWith('/truncated.xml'))?.last_polled_at,
      'a truncated feed is polled without crashing',
    );
    assert.match(
      sources.find((s) => s.url.endsWith('/gzip-bomb.xml'))?.last_error ?? '',
      /large|limit|bytes|MB/i,
      'a gzip bomb is cut off',
    );
    const bomb = sources.find((s) => s.url.endsWith('/xml-bomb.xml'));
    assert.ok(bomb?.last_polled_at, 'an entity bomb is polled without expanding');
    assert.ok((bomb?.title ?? '').length < 1000, 'entities were not expanded into the title');
    const port = (http.address() as AddressInfo).port;
    const refused = new Ingest(store(), createDeps({ fetchAllow: [] }), { hostDelayMs: 0 });
    await refused.queueUrl(`http://127.0.0.1:${port}/article-private.html`);
    const r = await refused.run({ drain: true });
    assert.equal(r.parked, 1);
    const failed = await store().articles.list({ status: 'failed' });
    assert.ok(
      failed.items.some(
        (a) => /article-private/.test(a.url ?? '') && /address|private|public|refus/i.test(a.error ?? ''),
      ),
    );
    await assert.rejects(ingest.queueUrl('file:///etc/passwd'), /only http and https/);
    await assert.rejects(ingest.queueUrl('not a url'), /not a URL/);
    const after = await store().articles.count();
    assert.equal(after.extracted, before.extracted);
  });
});
