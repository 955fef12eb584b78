// `dmon jobs` (list by state, retry, drop failed jobs) and `--log-level`, as a user runs them:
// real processes on a temporary SQLite store.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { openStore, queryBuilderForTests, type Store } from '../store/index.js';

const RUN = fileURLToPath(new URL('./run.ts', import.meta.url));
const sqlite = join(mkdtempSync(join(tmpdir(), 'dmon-jobs-')), 'dmon.sqlite');

function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', RUN, ...args],
      {
        encoding: 'utf8',
        env: { ...process.env, DMON_SQLITE: sqlite, DATABASE_URL: '', DMON_LOG_LEVEL: '', ...env },
      },
      (error, out, err) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err }),
    );
  });
}

/** The JSON lines of a log on standard error (other lines are the CLI's own words). */
const logLines = (err: string) =>
  err
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: string; time: string; msg: string; component?: string });

let store: Store;
const ids: number[] = [];
before(async () => {
  store = await openStore({ sqlitePath: sqlite });
  const row = (key: string, status: 'queued' | 'failed' | 'done', error: string | null) => ({
    kind: key.split(':')[0]!,
    key,
    payload: '{}',
    status,
    attempts: status === 'queued' ? 0 : 3,
    max_attempts: 3,
    run_after: Date.now() + 3_600_000,
    locked_by: null,
    locked_at: null,
    last_error: error,
    created_at: Date.now(),
    finished_at: status === 'queued' ? null : Date.now(),
  });
  const rows = await queryBuilderForTests(store)
    .insertInto('jobs')
    .values([
      row('fetch:https://a.example/1', 'failed', 'could not fetch https://a.example/1: HTTP 500'),
      row('fetch:https://a.example/2', 'failed', 'could not fetch https://a.example/2: HTTP 503'),
      row('extract:7', 'failed', 'article 7 no longer exists'),
      row('fetch:https://a.example/3', 'queued', null),
      row('poll:1:0', 'done', null),
    ])
    .returning('id')
    .execute();
  ids.push(...rows.map((r) => r.id));
});
after(() => store.close());

test('dmon jobs lists jobs with counts per state, filtered by state and kind', async () => {
  const all = await run(['jobs']);
  assert.equal(all.code, 0, all.err);
  assert.match(all.out, /^queued 1 · running 0 · done 1 · failed 3$/m);
  assert.match(
    all.out,
    /failed\s+fetch .*fetch:https:\/\/a\.example\/2\n\s+error: could not fetch https:\/\/a\.example\/2: HTTP 503/,
  );
  const failed = await run(['jobs', 'list', '--state', 'failed', '--kind', 'fetch', '--json']);
  assert.equal(failed.code, 0, failed.err);
  const body = JSON.parse(failed.out) as {
    counts: Record<string, number>;
    jobs: { key: string; status: string }[];
  };
  assert.deepEqual(
    body.jobs.map((j) => j.key),
    ['fetch:https://a.example/2', 'fetch:https://a.example/1'],
  );
  assert.equal(body.counts.failed, 3);
  const bad = await run(['jobs', '--state', 'broken']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--state "broken" is not one of queued, running, done, failed/);
});

test('dmon jobs retry and drop act on failed jobs only, by id, kind or all', async () => {
  const [f1, f2, e7, queued] = ids;
  const one = await run(['jobs', 'retry', String(f1)]);
  assert.equal(one.code, 0, one.err);
  assert.match(one.out, /^1 failed job queued again/);
  const noop = await run(['jobs', 'retry', String(queued)]);
  assert.match(noop.out, /^0 failed jobs queued again/, 'a queued job is not a failed one');
  assert.equal((await run(['jobs', 'drop'])).code, 2, 'drop names what it drops');
  const byKind = await run(['jobs', 'drop', '--kind', 'extract']);
  assert.match(byKind.out, /^1 failed job dropped/);
  const rest = await run(['jobs', 'drop', '--all']);
  assert.match(rest.out, /^1 failed job dropped/);
  const left = await queryBuilderForTests(store)
    .selectFrom('jobs')
    .select(['id', 'status', 'attempts'])
    .orderBy('id')
    .execute();
  assert.deepEqual(
    left.map((r) => [r.id, r.status, r.attempts]),
    [
      [f1, 'queued', 0],
      [queued, 'queued', 0],
      [ids[4], 'done', 3],
    ],
  );
  assert.ok(!left.some((r) => r.id === f2 || r.id === e7));
});

test('--log-level debug writes levelled, timestamped JSON lines on standard error; the default writes none at debug', async () => {
  // An empty store of its own: the worker has nothing to run.
  const empty = { DMON_SQLITE: join(mkdtempSync(join(tmpdir(), 'dmon-log-')), 'dmon.sqlite') };
  const debug = await run(['--log-level', 'debug', 'worker', '--once', '--no-feeds'], empty);
  assert.equal(debug.code, 0, debug.err);
  const lines = logLines(debug.err);
  assert.ok(lines.length >= 2, debug.err);
  for (const l of lines) {
    assert.ok(['debug', 'info', 'warn', 'error'].includes(l.level), l.level);
    assert.match(l.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  }
  assert.ok(lines.some((l) => l.level === 'debug' && l.component === 'worker' && l.msg === 'worker started'));
  assert.match(debug.err, /^worker: 0 jobs done, 0 failed, 0 retried$/m, 'the human summary stays');
  assert.match(debug.out, /^$/);
  const quiet = await run(['worker', '--once', '--no-feeds'], empty);
  assert.equal(logLines(quiet.err).filter((l) => l.level === 'debug').length, 0);
  const env = await run(['worker', '--once', '--no-feeds'], { ...empty, DMON_LOG_LEVEL: 'debug' });
  assert.ok(
    logLines(env.err).some((l) => l.level === 'debug'),
    'DMON_LOG_LEVEL works too',
  );
  const wrong = await run(['--log-level', 'loud', 'jobs'], empty);
  assert.equal(wrong.code, 2);
  assert.match(
    wrong.err,
    /--log-level "loud" is not a log level; use one of fatal, error, warn, info, debug, trace, silent/,
  );
});
