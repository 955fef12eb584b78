// `dmon review` and `dmon eval --reviews` against a SQLite store holding the Mosul scenario:
// confirm, correct, reject, list, log, merge, split, per-rule precision; `dmon tokens add
// --scope`; clear errors for a bad target or option.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, test } from 'node:test';
import { MOSUL_ARTICLES, storeScenarioArticle } from '../store/claims-scenario.js';
import { openStore } from '../store/index.js';

const RUN = fileURLToPath(new URL('./run.ts', import.meta.url));
const sqlite = join(mkdtempSync(join(tmpdir(), 'dmon-review-')), 'dmon.sqlite');

function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', RUN, ...args],
      { encoding: 'utf8', env: { ...process.env, DMON_SQLITE: sqlite, DATABASE_URL: '' } },
      (error, out, err) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err }),
    );
  });
}

let facts: { id: number; figure: number | null; reason: string }[] = [];
let events: { id: string; claims: number }[] = [];

before(async () => {
  const store = await openStore({ sqlitePath: sqlite });
  const ids = new Map<string, number>();
  for (const a of MOSUL_ARTICLES) await storeScenarioArticle(store, a, ids);
  facts = (await store.facts.list({}, { sort: 'id', limit: 100 })).items;
  events = (await store.events.list({})).items;
  await store.close();
});

test('confirm, correct and reject facts; list and log show who did what', async () => {
  const [f1, f2, f3] = facts;
  assert.ok(f1 && f2 && f3);
  const confirm = await run(['review', 'confirm', String(f1.id), '--as', 'alice', '--note', 'checked']);
  assert.equal(confirm.code, 0, confirm.err);
  assert.match(confirm.out, new RegExp(`alice  confirm fact ${f1.id}  facts ${f1.id}  "checked"`));
  const correct = await run([
    'review',
    'correct',
    String(f2.id),
    '--figure',
    '1,234',
    '--qualifier',
    'at_least',
    '--as',
    'bob',
    '--json',
  ]);
  assert.equal(correct.code, 0, correct.err);
  const review = JSON.parse(correct.out) as { changes: unknown; reviewer: string };
  assert.deepEqual(review.changes, { figure: 1234, qualifier: 'at_least' });
  assert.equal(review.reviewer, 'bob');
  assert.equal((await run(['review', 'reject', String(f3.id), '--as', 'bob'])).code, 0);

  const list = await run(['review', 'list', '--action', 'correct,reject', '--json']);
  const items = JSON.parse(list.out) as { action: string; reviewer: string }[];
  assert.deepEqual(
    items.map((i) => [i.action, i.reviewer]),
    [
      ['reject', 'bob'],
      ['correct', 'bob'],
    ],
  );
  const log = await run(['review', 'log', '--target', String(f2.id), '--json']);
  const [entry] = JSON.parse(log.out) as {
    actor: string;
    before: { figure: number };
    after: { figure: number };
  }[];
  assert.equal(entry?.actor, 'bob');
  assert.equal(entry?.before.figure, f2.figure);
  assert.equal(entry?.after.figure, 1234);
  const text = await run(['review', 'log']);
  assert.match(text.out, /alice {2}confirm fact/);
});

test('dmon eval --reviews prints precision per rule and in total', async () => {
  const r = await run(['eval', '--reviews']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^rule +reviewed +confirmed +corrected +rejected +precision$/m);
  // Confirmed: right; corrected figure: wrong; rejected: wrong.
  assert.match(r.out, /^all +3 +1 +1 +1 +0\.333 \(1\/3\)$/m);
  const json = JSON.parse((await run(['eval', '--reviews', '--by', 'term', '--json'])).out) as {
    reviews: { by: string; rows: { key: string; reviewed: number }[] };
  };
  assert.equal(json.reviews.by, 'term');
  assert.equal(json.reviews.rows.at(-1)?.reviewed, 3);
  const cal = await run(['eval', '--reviews', '--calibration', '--json']);
  assert.equal(cal.code, 0, cal.err);
  const rel = (JSON.parse(cal.out) as { calibration: { reviews: { facts: number } } }).calibration.reviews;
  assert.equal(rel.facts, 3, 'the reliability table counts the reviewed facts');
});

test('merge and split events from the CLI', async () => {
  assert.ok(events.length >= 2, 'the scenario has several events');
  const a = events[0]!;
  const b = events[1]!;
  const merge = await run(['review', 'merge', a.id, b.id, '--as', 'carol', '--json']);
  assert.equal(merge.code, 0, merge.err);
  const m = JSON.parse(merge.out) as { changes: { from_claims: string[] } };
  const show = await run(['events', 'show', b.id]);
  assert.equal(show.code, 1, 'the merged event is gone');
  const split = await run(['review', 'split', a.id, ...m.changes.from_claims, '--as', 'carol']);
  assert.equal(split.code, 0, split.err);
  const newId = /new event (e[0-9a-f]{12})/.exec(split.err)?.[1];
  assert.ok(newId, split.err);
  assert.equal((await run(['events', 'show', newId])).code, 0);
});

test('tokens add --scope; bad targets and options are usage errors', async () => {
  const add = await run(['tokens', 'add', '--name', 'reviewer-1', '--scope', 'review', '--json']);
  assert.equal(add.code, 0, add.err);
  assert.equal((JSON.parse(add.out) as { scope: string }).scope, 'review');
  assert.match((await run(['tokens', 'list'])).out, /reviewer-1 +review /);
  // Without --scope a token gets the least privilege.
  const plain = await run(['tokens', 'create', '--name', 'reader-1', '--json']);
  assert.equal(plain.code, 0, plain.err);
  assert.equal((JSON.parse(plain.out) as { scope: string }).scope, 'read');
  const badScope = await run(['tokens', 'add', '--name', 'x', '--scope', 'root']);
  assert.equal(badScope.code, 2);
  assert.match(badScope.err, /--scope "root" must be one of: read, review, admin/);
  const bad = await run(['review', 'confirm', 'fact-1']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /neither a fact id/);
  const badField = await run(['review', 'correct', String(facts[0]!.id), '--unit', 'tents']);
  assert.equal(badField.code, 2);
  assert.match(badField.err, /correction "unit" must be one of: people, households/);
  const missing = await run(['review', 'reject', '999999']);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /fact 999999 does not exist/);
});
