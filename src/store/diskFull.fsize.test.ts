// A full disk without root: `dmon serve` (API and in-process worker) runs in a child process
// whose file-size limit (RLIMIT_FSIZE, set from outside with util-linux `prlimit --pid`) is then
// lowered to 0, so every write() it makes to a file fails with EFBIG (Node ignores SIGXFSZ)
// and SQLite sees a failed write, as on a disk with no block left. Any user may lower a soft
// limit of their own process and raise it again up to the hard limit, left unlimited here;
// raising it is "space returns". Checked: the clear error on a submission, /api/health naming
// the store and the outage, nothing lost or half-written, and the worker resuming by itself.
// The tmpfs variant (root only) is in diskFaults.test.ts.
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { Ingest } from '../ingest/ingest.js';
import { createDeps } from '../ingest/wiring.js';
import { openStore, queryBuilderForTests } from './index.js';
import { integrity, report } from './test-disk.js';

const RUN = fileURLToPath(new URL('../cli/run.ts', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function hasPrlimit(): boolean {
  try {
    execFileSync('prlimit', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Sets the child's file-size limit: soft `bytes`, hard unlimited (as it started). */
const limitFileSize = (pid: number, bytes: number | 'unlimited') =>
  execFileSync('prlimit', ['--pid', String(pid), `--fsize=${bytes}:unlimited`]);

const dirs: string[] = [];
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** `dmon serve --port 0` on the store; resolves with its base URL once it listens. */
function serve(sqlitePath: string): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', RUN, 'serve', '--port', '0'], {
    env: { ...process.env, DATABASE_URL: '', DMON_SQLITE: sqlitePath, DMON_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let log = '';
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      log += b.toString();
      const m = /on http:\/\/localhost:(\d+)\/api/.exec(log);
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}`, log: () => log });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`dmon serve exited (${code}) before serving:\n${log}`)));
  });
}

interface Health {
  status: string;
  store: { where: string; writable: boolean; outage: { error: string; to: number | null } | null };
}

test(
  'disk full by a file-size limit: 503 naming the store, health degraded, nothing lost, the worker resumes',
  { skip: hasPrlimit() ? false : 'needs util-linux prlimit', timeout: 240_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmon-fsize-'));
    dirs.push(dir);
    const sqlitePath = join(dir, 'dmon.sqlite');
    const setup = await openStore({ sqlitePath });
    const { token } = await setup.tokens.create('disk', 'review');
    await setup.close();

    const { child, url, log } = await serve(sqlitePath);
    const post = (i: number) =>
      fetch(`${url}/api/articles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: report(i) }),
      });
    const health = async () => (await (await fetch(`${url}/api/health`)).json()) as Health;
    assert.equal((await health()).status, 'ok');

    limitFileSize(child.pid!, 0);
    const refused = await post(100);
    assert.equal(refused.status, 503);
    const message = ((await refused.json()) as { error: { message: string } }).error.message;
    assert.ok(message.includes(sqlitePath), `the error names the store: ${message}`);
    assert.match(message, /disk I\/O error; free disk space/);

    // Work arrives from a writer that has space (another process on the same file): the
    // limited worker claims it, cannot write, and waits.
    const N = 30;
    const writer = await openStore({ sqlitePath });
    try {
      const ingest = new Ingest(writer, createDeps({ fetchAllow: [] }), { hostDelayMs: 0 });
      await ingest.addDocuments(Array.from({ length: N }, (_, i) => ({ text: report(i), origin: 'import' })));
      const deadline = Date.now() + 60_000;
      while (!/the store failed; retrying/.test(log())) {
        assert.ok(Date.now() < deadline, `the worker met the full disk:\n${log()}`);
        await sleep(100);
      }
      const h = await health();
      assert.equal(h.status, 'degraded');
      assert.equal(h.store.writable, false);
      assert.equal(h.store.where, sqlitePath);
      assert.match(h.store.outage?.error ?? '', /disk I\/O error/);
      assert.equal(h.store.outage?.to, null, 'the outage is in progress');
      assert.equal((await writer.articles.count()).extracted, 0, 'nothing extracted while full');

      limitFileSize(child.pid!, 'unlimited');
      const resumed = Date.now() + 120_000;
      while ((await writer.articles.count()).extracted < N) {
        assert.ok(Date.now() < resumed, `extracted ${(await writer.articles.count()).extracted} of ${N}`);
        await sleep(250);
      }
      const again = await post(101);
      assert.equal(again.status, 201, await again.text());
      const recovered = await health();
      assert.equal(recovered.status, 'ok');
      assert.ok(recovered.store.outage?.to, 'the outage has ended');
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await writer.close();
    }
    assert.equal(child.exitCode, 0, `dmon serve stops cleanly:\n${log()}`);

    const store = await openStore({ sqlitePath });
    try {
      assert.equal(await integrity(store), 'ok');
      const db = queryBuilderForTests(store);
      const articles = await db.selectFrom('articles').select(['status', 'fact_count']).execute();
      assert.equal(articles.length, N + 1, 'nothing lost, the refused text not stored');
      assert.equal(
        await store.facts.count(),
        articles.reduce((n, a) => n + a.fact_count, 0),
        'facts match their articles',
      );
      const failed = await db.selectFrom('jobs').select('id').where('status', '=', 'failed').execute();
      assert.deepEqual(failed, [], 'no job given up');
    } finally {
      await store.close();
    }
  },
);
