import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { sql } from 'kysely';
import { queryBuilderForTests } from '../store/index.js';
import { describeEachEngine } from '../store/test-engines.js';

const N = 40;

/** Runs the ingest child; kills it with SIGKILL once `killWhen` matches its output. */
function run(
  target: string,
  killWhen?: (out: string) => boolean,
  mode = '',
): Promise<{ out: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        new URL('./test-ingest-process.ts', import.meta.url).pathname,
        target,
        String(N),
        mode,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!killed && killWhen?.(out)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      killed || code === 0
        ? resolve({ out, killed })
        : reject(new Error(`ingest child exited ${code}: ${err}`)),
    );
  });
}

describeEachEngine('crash safety', (store, _engine, tdb) => {
  test(
    `kill -9 mid-batch, then restart: ${N} articles, each stored and extracted once`,
    { timeout: 120_000 },
    async () => {
      const target = tdb().databaseUrl ?? tdb().sqlitePath;
      // Killed mid-extraction: some articles extracted, some jobs running, the rest queued.
      // (A kill between storing an article and queueing its job is covered in ingest.test.ts.)
      const first = await run(target, (out) => (out.match(/^extracted /gm)?.length ?? 0) >= 8);
      assert.ok(first.killed, 'killed mid-extraction');
      const second = await run(target);
      assert.match(second.out, /finished/);
      assert.equal((second.out.match(/ stored$/gm) ?? []).length, 0, 'the restart stores nothing new');

      const db = queryBuilderForTests(store());
      const articles = await db
        .selectFrom('articles')
        .select(['id', 'status', 'fact_count', 'external_id'])
        .execute();
      assert.equal(articles.length, N, 'every article stored once');
      assert.equal(new Set(articles.map((a) => a.external_id)).size, N);
      assert.ok(
        articles.every((a) => a.status === 'extracted'),
        'every article extracted',
      );
      const facts = await sql<{
        n: number;
        articles: number;
      }>`SELECT count(*) AS n, count(DISTINCT article_id) AS articles FROM facts`.execute(db);
      assert.equal(
        Number(facts.rows[0]!.n),
        articles.reduce((s, a) => s + a.fact_count, 0),
        'no fact stored twice',
      );
      assert.ok(Number(facts.rows[0]!.articles) >= N * 0.9, 'the generated bulletins yield facts');
      const jobs = await db.selectFrom('jobs').select(['status', 'kind']).execute();
      assert.equal(jobs.filter((j) => j.kind === 'extract').length, N, 'one extract job per article');
      assert.ok(jobs.every((j) => j.status === 'done'));
      assert.equal(await store().clustering.pending(), 0, 'every marked article clustered');
    },
  );

  test(
    'kill -9 after the facts, before their clustering: the restart clusters them, as a rebuild would',
    { timeout: 120_000 },
    async () => {
      const db = queryBuilderForTests(store());
      for (const t of ['cluster_marks', 'jobs', 'event_countries', 'event_checkpoints', 'events'] as const)
        await db.deleteFrom(t).execute();
      await db.deleteFrom('claim_facts').execute();
      await db.deleteFrom('claims').execute();
      await db.deleteFrom('facts').execute();
      await db.deleteFrom('articles').execute();
      const target = tdb().databaseUrl ?? tdb().sqlitePath;
      const first = await run(target, (out) => /^waiting$/m.test(out), 'extract-only');
      assert.ok(first.killed);
      assert.doesNotMatch(first.out, /^clustered /m);
      assert.ok((await store().clustering.pending()) >= N, 'the marks outlived the process');
      assert.equal(
        Number(
          (
            await db
              .selectFrom('claims')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
        0,
      );
      const second = await run(target);
      assert.match(second.out, /^clustered /m, 'the clustering job left queued ran');
      assert.equal(await store().clustering.pending(), 0);
      const snapshot = async () => ({
        claims: await db
          .selectFrom('claims')
          .select(['id', 'event_id', 'figure', 'reports'])
          .orderBy('id')
          .execute(),
        events: await db
          .selectFrom('events')
          .select(['id', 'claim_count', 'fact_count'])
          .orderBy('id')
          .execute(),
      });
      const resumed = await snapshot();
      assert.ok(resumed.claims.length > 0 && resumed.events.length > 0, 'claims and events built');
      await store().clustering.rebuild();
      assert.deepEqual(resumed, await snapshot());
    },
  );
});
