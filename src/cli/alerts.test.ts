// `dmon alerts` end to end in child processes on a SQLite file: check raises from stored
// facts, list, triage, webhooks add/list/remove, and usage errors exit 2 with a message.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openStore } from '../store/index.js';
import { makeFact, seedArticle } from '../store/test-fixtures.js';

const RUN = fileURLToPath(new URL('./run.ts', import.meta.url));
const sqlite = join(mkdtempSync(join(tmpdir(), 'dmon-alerts-cli-')), 'dmon.sqlite');

function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', RUN, 'alerts', ...args],
      { encoding: 'utf8', env: { ...process.env, DMON_SQLITE: sqlite, DATABASE_URL: '' } },
      (error, out, err) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err }),
    );
  });
}

before(async () => {
  const store = await openStore({ sqlitePath: sqlite });
  const text = 'Fighting displaced 12,000 people in Darfur.';
  await seedArticle(store, text, [
    makeFact(text, {
      quantity: '12,000',
      termWord: 'displaced',
      figure: 12_000,
      people: { count: 12_000, household_size: null },
      country: 'SDN',
      date: { start: '2024-03-01', end: '2024-03-01', text: 'x', span: [0, 1], year_stated: true },
    }),
  ]);
  await store.close();
});

test('check raises the alert once; list and triage show it', async () => {
  const first = await run(['check', '--json']);
  assert.equal(first.code, 0, first.err);
  const r = JSON.parse(first.out) as { raised: { id: number; title: string }[] };
  assert.equal(r.raised.length, 1);
  assert.match(r.raised[0]!.title, /^Sudan: conflict displacement at a 3-year high \(12,000/);
  const again = await run(['check']);
  assert.match(again.out, /^0 new alert\(s\)/m);
  const triage = await run(['triage', String(r.raised[0]!.id), 'confirmed', '--by', 'ana', '--json']);
  assert.equal(triage.code, 0, triage.err);
  assert.equal(JSON.parse(triage.out).triaged_by, 'ana');
  const list = await run(['list', '--status', 'confirmed']);
  assert.match(list.out, /confirmed\s+country_high\s+Sudan/);
});

test('webhooks: add prints a secret once, list hides it, remove', async () => {
  const add = await run(['webhooks', 'add', 'https://hooks.example.org/dmon']);
  assert.equal(add.code, 0, add.err);
  assert.match(add.out, /^secret: \S{16,}$/m);
  const list = await run(['webhooks', 'list', '--json']);
  assert.deepEqual(
    (JSON.parse(list.out) as { url: string; secret?: string }[]).map((w) => [w.url, w.secret]),
    [['https://hooks.example.org/dmon', undefined]],
  );
  assert.equal((await run(['webhooks', 'remove', 'https://hooks.example.org/dmon'])).code, 0);
  const gone = await run(['webhooks', 'remove', 'https://hooks.example.org/dmon']);
  assert.equal(gone.code, 1);
  assert.match(gone.err, /no webhook/);
});

test('bad input: exit 2 with a message naming it', async () => {
  for (const [args, pattern] of [
    [['triage', '1', 'closed'], /state "closed" is not one of: new, confirmed, dismissed/],
    [['triage', 'x', 'new'], /alert id "x"/],
    [['list', '--kind', 'spike'], /--kind "spike"/],
    [['webhooks', 'add', 'ftp://x.example.org'], /http or https/],
    [['check', '--jump-factor', '0.5'], /--jump-factor "0.5" must be a number above 1/],
  ] as const) {
    const r = await run([...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, pattern);
  }
  const date = await run(['list', '--from', '2024-02-30']);
  assert.equal(date.code, 1, 'a bad date is an input error (DATE_INVALID), as for dmon export');
  assert.match(date.err, /from="2024-02-30" is not a date/);
  const missing = await run(['triage', '99999', 'new']);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no alert 99999/);
});
