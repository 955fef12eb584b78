// Politeness towards the sites we read, on both engines, against loopback servers: a 429/503
// Retry-After holds the job (and the host) until the time asked; request turns per host are
// shared by all workers through the store; robots.txt is read once per host and obeyed.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { createLogger } from '../log.js';
import { openStore, queryBuilderForTests, type Store } from '../store/index.js';
import { describeEachEngine } from '../store/test-engines.js';
import { StoreHostGate } from './hostGate.js';
import { Ingest } from './ingest.js';
import { createDeps } from './wiring.js';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Floods</title></head><body><article>
<p>Floods forced 2,400 people to leave their homes in Dunmore on 3 March 2024, officials said.</p>
<p>Relief workers registered 300 families at four temporary sites near the river.</p></article></body></html>`;

type Route = (req: IncomingMessage, res: ServerResponse) => void;

interface TestServer {
  base: string;
  host: string;
  hits: Map<string, number>;
  close(): Promise<void>;
}

async function serve(routes: Record<string, Route>): Promise<TestServer> {
  const hits = new Map<string, number>();
  const s: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route) return route(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    hits,
    close: () => new Promise((r) => s.close(() => r())),
  };
}

const html: Route = (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE);
const quiet = createLogger('silent');
const servers: TestServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

describeEachEngine('politeness', (store, _engine, tdb) => {
  const ingest = (backoffMs = 0) =>
    new Ingest(store(), createDeps({ fetchAllow: ['127.0.0.1'] }), {
      hostDelayMs: 0,
      queue: { backoffMs: () => backoffMs },
      log: quiet,
    });
  const clearJobs = () => queryBuilderForTests(store()).deleteFrom('jobs').execute();

  test('a 429 or 503 with Retry-After (seconds or HTTP date) is retried no earlier than asked', async () => {
    // No sooner than two hours from now, on a whole second as HTTP dates are.
    const date = new Date(Math.ceil((Date.now() + 7_200_000) / 1000) * 1000).toUTCString();
    const seconds = await serve({
      '/busy': (_req, res) => void res.writeHead(429, { 'retry-after': '120' }).end(),
    });
    const dated = await serve({
      '/busy': (_req, res) => void res.writeHead(503, { 'retry-after': date }).end(),
    });
    const plain = await serve({ '/busy': (_req, res) => void res.writeHead(503).end() });
    servers.push(seconds, dated, plain);
    // A minute's backoff: less than either Retry-After, so only honouring them passes.
    const ing = ingest(60_000);
    const t0 = Date.now();
    const jobs = [];
    for (const s of [seconds, dated, plain]) jobs.push((await ing.queueUrl(`${s.base}/busy`)).job_id!);
    await ing.run({ drain: true, maxRetryWaitMs: 0 });
    const states = await ing.queue.states(jobs);
    const [a, b, c] = jobs.map((id) => states.get(id)!);
    for (const s of [a, b, c]) {
      assert.equal(s?.status, 'queued', `each is waiting for another attempt: ${s?.last_error}`);
      assert.equal(s?.attempts, 1);
    }
    assert.ok(
      a!.run_after >= t0 + 120_000,
      `Retry-After: 120 → not before ${t0 + 120_000}, got ${a!.run_after}`,
    );
    assert.ok(
      b!.run_after >= Date.parse(date),
      `Retry-After: ${date} → got ${new Date(b!.run_after).toUTCString()}`,
    );
    assert.ok(c!.run_after < t0 + 120_000, 'without Retry-After, the usual backoff (here a minute)');
    // The host is held for every worker, not just this job.
    assert.ok((await store().hosts.nextAt(seconds.host))! >= t0 + 120_000);
    assert.ok((await store().hosts.nextAt(dated.host))! >= Date.parse(date));
    await clearJobs();
  });

  test('turns per host are shared by the workers of every process through the store', async () => {
    const other: Store = await openStore({ databaseUrl: tdb().databaseUrl, sqlitePath: tdb().sqlitePath });
    try {
      const host = 'turns.example:443';
      const now = Date.now() + 1000;
      const starts = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store()).hosts.take(host, 60_000, now)),
      );
      assert.deepEqual(
        starts.sort((x, y) => x - y),
        Array.from({ length: 10 }, (_, i) => now + i * 60_000),
        'ten requests from two stores get ten distinct turns a minute apart',
      );
      const far = now + 86_400_000;
      await other.hosts.holdUntil(host, far);
      await store().hosts.holdUntil(host, now);
      assert.equal(await store().hosts.take(host, 60_000, now), far, 'a hold is never brought forward');

      // Two gates (two workers on two connections): the second waits for the first one's gap.
      const pauses: number[][] = [[], []];
      const gates = [store(), other].map(
        (s, i) => new StoreHostGate(s.hosts, 1000, async (ms) => pauses[i]!.push(ms)),
      );
      await gates[0]!.wait('https://gate.example/a');
      await gates[1]!.wait('https://gate.example/b');
      assert.deepEqual(pauses[0], [], 'the first request goes at once');
      assert.equal(pauses[1]!.length, 1, 'the other worker waits its turn');
      assert.ok(pauses[1]![0]! > 0 && pauses[1]![0]! <= 1000);
      await gates[1]!.wait('https://another.example/', 0);
      assert.equal(pauses[1]!.length, 1, 'another host does not wait');
    } finally {
      await other.close();
    }
  });

  test('robots.txt is read once per host and obeyed; one that cannot be read holds the fetch', async () => {
    const site = await serve({
      '/robots.txt': (_req, res) =>
        void res
          .writeHead(200, { 'content-type': 'text/plain' })
          .end('User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n'),
      '/news/a.html': html,
      '/news/b.html': html,
      '/private/c.html': html,
    });
    const broken = await serve({
      '/robots.txt': (_req, res) => void res.writeHead(500).end(),
      '/news/d.html': html,
    });
    servers.push(site, broken);
    const ing = ingest(60_000);
    const ids = [];
    for (const u of [
      `${site.base}/news/a.html`,
      `${site.base}/news/b.html`,
      `${site.base}/private/c.html`,
      `${broken.base}/news/d.html`,
    ])
      ids.push((await ing.queueUrl(u)).job_id!);
    await ing.run({ drain: true, maxRetryWaitMs: 0 });
    const states = await ing.queue.states(ids);
    const [a, b, c, d] = ids.map((id) => states.get(id));
    assert.deepEqual([a?.status, b?.status], ['done', 'done'], 'allowed pages are fetched');
    assert.equal(c?.status, 'failed', 'a disallowed page is refused for good');
    assert.match(c?.last_error ?? '', /robots\.txt disallows/);
    assert.equal(site.hits.get('/private/c.html'), undefined, 'and never requested');
    assert.equal(site.hits.get('/robots.txt'), 1, 'robots.txt read once for the host');
    assert.equal(d?.status, 'queued', 'a robots.txt answering 500 holds the fetch for a later attempt');
    assert.match(d?.last_error ?? '', /robots\.txt/);
    assert.equal(broken.hits.get('/news/d.html'), undefined);
    const failed = await store().articles.list({ status: 'failed' });
    assert.ok(failed.items.some((x) => /private\/c\.html/.test(x.url ?? '') && /robots/.test(x.error ?? '')));
    await clearJobs();
  });
});
