// `dmon events` against a SQLite store holding the Mosul scenario: list, show, monthly, and a
// clear error for an unknown event or a bad option.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, test } from 'node:test';
import { MOSUL_ARTICLES, storeScenarioArticle } from '../store/claims-scenario.js';
import { openStore } from '../store/index.js';

const RUN = fileURLToPath(new URL('./run.ts', import.meta.url));
const sqlite = join(mkdtempSync(join(tmpdir(), 'dmon-events-')), 'dmon.sqlite');

function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runIn({ DMON_SQLITE: sqlite }, args);
}

function runIn(
  env: Record<string, string>,
  args: string[],
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', RUN, ...args],
      { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', ...env } },
      (error, out, err) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err }),
    );
  });
}

before(async () => {
  const store = await openStore({ sqlitePath: sqlite });
  const ids = new Map<string, number>();
  for (const a of MOSUL_ARTICLES) await storeScenarioArticle(store, a, ids);
  await store.close();
});

test('dmon events lists events with their figure and reason; show and monthly read one event and the months', async () => {
  const list = await run(['events']);
  assert.equal(list.code, 0, list.err);
  assert.match(list.out, /Conflict — Nineveh, Iraq, Oct 2016 .* 250,000 displacement/);
  assert.match(list.out, /largest displacement figure, reported by 2 independent sources on 20 Nov 2016/);
  const json = await run(['events', 'list', '--json', '--hazard', 'flood']);
  const [flood] = JSON.parse(json.out) as { id: string; name: string }[];
  assert.equal(flood?.name, 'Flood — Basra, Iraq, Nov 2016');
  const show = await run(['events', 'show', flood!.id]);
  assert.match(show.out, /600 households forced_to_flee/);
  assert.match(show.out, /gulf-paper\.example: Floods in Basra forced 600 families/);
  const monthly = await run(['events', 'monthly', '--country', 'IRQ']);
  assert.match(monthly.out, /^IRQ +2016-11 +63,600 /m);
});

test('an unknown event and a bad option are errors that say what was wrong', async () => {
  const missing = await run(['events', 'show', 'e000000000000']);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /event e000000000000 does not exist/);
  const bad = await run(['events', '--hazard', 'meteor']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /hazard="meteor" is not one of/);
});

test('dmon import returns with the events of what it imported (the clustering job ran before it ended)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dmon-events-import-'));
  const file = join(dir, 'articles.jsonl');
  writeFileSync(
    file,
    [
      {
        id: 'a1',
        published: '2024-03-12',
        text: 'Floods forced 12,000 people from their homes in Sylhet on 10 March 2024, officials said.',
      },
      {
        id: 'a2',
        published: '2024-03-13',
        text: 'Officials said 12,000 people were displaced by the floods in Sylhet on 10 March 2024.',
      },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n') + '\n',
  );
  const env = { DMON_SQLITE: join(dir, 'dmon.sqlite') };
  const imported = await runIn(env, ['import', file]);
  assert.equal(imported.code, 0, imported.err);
  const list = await runIn(env, ['events', 'list', '--json']);
  assert.equal(list.code, 0, list.err);
  const events = JSON.parse(list.out) as { name: string }[];
  assert.equal(events.length, 1, list.out);
  assert.match(events[0]!.name, /Flood — .*Bangladesh, Mar 2024/);
});
