// SQLite with two writers: `dmon serve` (its API taking POSTed texts, its in-process worker
// extracting them) and `dmon import` (storing a corpus and extracting it in its own process),
// real processes on one file at the same time. No SQLITE_BUSY / "database is locked" may
// surface anywhere (a response, an exit code, a job's error, either process's log), and
// nothing may be lost: every article stored once and extracted once, every job done.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { openStore, queryBuilderForTests } from './index.js';

const RUN = fileURLToPath(new URL('../cli/run.ts', import.meta.url));
const IMPORTED = 120;
const POSTED = 40;
const PLACES = ['Mosul', 'Aleppo', 'Sylhet', 'Cebu', 'Beira', 'Kherson', 'Maiduguri', 'Goma'];

/** A distinct short report (its own figures, so no two are near-duplicates). */
function report(i: number, from: string): string {
  const place = PLACES[i % PLACES.length]!;
  return (
    `Floods forced ${(1000 + i * 37).toLocaleString('en')} people from their homes in ${place} on ` +
    `${1 + (i % 27)} March 2024, officials said in ${from} bulletin ${i}. About ${200 + i} families ` +
    `were staying in ${3 + (i % 9)} schools, and ${10 + i * 3} houses were destroyed.`
  );
}

const dir = mkdtempSync(join(tmpdir(), 'dmon-contention-'));
const sqlite = join(dir, 'dmon.sqlite');
const env = { ...process.env, DMON_SQLITE: sqlite, DATABASE_URL: '', DMON_WORKER_CONCURRENCY: '2' };
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function start(args: string[]): { child: ChildProcess; out: () => string; err: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', RUN, ...args], { env, stdio: 'pipe' });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return { child, out: () => out, err: () => err };
}

const exited = (c: ChildProcess) =>
  new Promise<number>((resolve) =>
    c.exitCode !== null ? resolve(c.exitCode) : c.once('exit', (code) => resolve(code ?? 1)),
  );

test(
  'serve with its worker and import write one SQLite file at once: no SQLITE_BUSY, nothing lost',
  { timeout: 300_000 },
  async () => {
    const setup = await openStore({ sqlitePath: sqlite });
    const { token } = await setup.tokens.create('contention', 'review');
    await setup.close();
    writeFileSync(
      join(dir, 'corpus.jsonl'),
      Array.from({ length: IMPORTED }, (_, i) =>
        JSON.stringify({ id: `imp-${i}`, published: '2024-03-30', text: report(i, 'the import') }),
      ).join('\n') + '\n',
    );

    const serve = start(['serve', '--port', '0']);
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /on http:\/\/localhost:(\d+)\/api/.exec(serve.out());
        if (m) {
          clearInterval(timer);
          resolve(`http://127.0.0.1:${m[1]}`);
        }
      }, 50);
      serve.child.once('exit', (code) => reject(new Error(`dmon serve exited ${code}: ${serve.err()}`)));
    });

    // The import and the API's writers at the same time; the API is asked for its health meanwhile.
    const importer = start(['import', join(dir, 'corpus.jsonl'), '--json']);
    const statuses: number[] = [];
    const bodies: string[] = [];
    const post = async (i: number) => {
      const r = await fetch(`${base}/api/articles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: report(500 + i, 'the API'), published: '2024-03-30' }),
      });
      statuses.push(r.status);
      bodies.push(await r.text());
    };
    let importDone = false;
    const health: number[] = [];
    const poll = (async () => {
      while (!importDone) {
        health.push((await fetch(`${base}/api/health`)).status);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    for (let i = 0; i < POSTED; i += 4) await Promise.all([0, 1, 2, 3].map((k) => post(i + k)));
    const importCode = await exited(importer.child);
    importDone = true;
    // /api/health reuses its counts for up to 5 s: only a count taken after the import ended says
    // that nothing is left (an older one may predate jobs still queued).
    const importEnded = Date.now();
    await poll;
    assert.equal(importCode, 0, `dmon import failed: ${importer.err()}`);
    assert.deepEqual(
      statuses.filter((s) => s !== 202 && s !== 201 && s !== 200),
      [],
      `every POST accepted: ${bodies.join('\n')}`,
    );
    assert.ok(
      health.every((s) => s === 200),
      `health answered 200 throughout: ${health.join(',')}`,
    );
    const summary = JSON.parse(importer.out().trim().split('\n').pop()!) as {
      stored: number;
      skipped: number;
    };
    assert.equal(summary.stored, IMPORTED);
    assert.equal(summary.skipped, 0);

    // serve's worker finishes what is left.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const h = (await (await fetch(`${base}/api/health`)).json()) as {
        jobs: Record<string, number>;
        counted_at: number;
      };
      if ((h.jobs.queued ?? 0) + (h.jobs.running ?? 0) === 0 && h.counted_at >= importEnded) break;
      assert.ok(Date.now() < deadline, `jobs still waiting: ${JSON.stringify(h.jobs)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    serve.child.kill('SIGTERM');
    assert.equal(await exited(serve.child), 0, serve.err());

    const store = await openStore({ sqlitePath: sqlite });
    try {
      const db = queryBuilderForTests(store);
      const articles = await db.selectFrom('articles').select(['status', 'fact_count', 'error']).execute();
      assert.equal(articles.length, IMPORTED + POSTED, 'every article stored once');
      assert.deepEqual(
        articles.filter((a) => a.status !== 'extracted'),
        [],
        'every article extracted',
      );
      const facts = await store.facts.count();
      assert.equal(
        facts,
        articles.reduce((n, a) => n + a.fact_count, 0),
        'no fact lost or stored twice',
      );
      assert.ok(facts >= (IMPORTED + POSTED) * 2, `the reports yield facts (${facts})`);
      const jobs = await db.selectFrom('jobs').select(['kind', 'status', 'attempts', 'last_error']).execute();
      const extract = jobs.filter((j) => j.kind === 'extract');
      assert.equal(extract.length, IMPORTED + POSTED, 'one extract job per article');
      assert.deepEqual(
        extract.filter((j) => j.status !== 'done'),
        [],
        'every extract job done',
      );
      const locked = /SQLITE_BUSY|database is locked/i;
      assert.deepEqual(
        jobs.filter((j) => locked.test(j.last_error ?? '')),
        [],
        'no job failed on a locked file',
      );
      assert.doesNotMatch(importer.err(), locked);
      assert.doesNotMatch(serve.err(), locked);
      assert.doesNotMatch(serve.out(), locked);
    } finally {
      await store.close();
    }
  },
);
