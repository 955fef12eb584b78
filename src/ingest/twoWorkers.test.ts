// Two workers extracting batches from one PostgreSQL database at once: their batches commit
// whole (no deadlock on the summary tables that every fact's triggers update, which made a
// batch fall back to writing article by article), and the store ends with every article's facts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { importPaths } from '../cli/commands/import.js';
import { createLogger } from '../log.js';
import type { Store } from '../store/index.js';
import { createTestDatabase, openTestStore, type TestDatabase } from '../store/test-engines.js';
import { Ingest } from './ingest.js';
import { createDeps } from './wiring.js';

const PLACES = ['Mosul', 'Aleppo', 'Sylhet', 'Cebu', 'Beira', 'Kherson', 'Maiduguri', 'Goma'];

/** Distinct reports (their own figures), several per country in no fixed order (two batches
 * touching the same countries in different orders is what deadlocked), dated over a year. */
function records(n: number): string {
  return (
    Array.from({ length: n }, (_, i) =>
      JSON.stringify({
        id: `r${i}`,
        published: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`,
        text:
          `Floods forced ${1000 + i * 37} people from their homes in ${PLACES[(i * 5 + Math.floor(i / 3)) % PLACES.length]} this week, officials said. ` +
          `About ${200 + i * 3} families are sheltering in schools and ${50 + i} houses were destroyed, according to report ${i}.`,
      }),
    ).join('\n') + '\n'
  );
}

let db: TestDatabase;
const stores: Store[] = [];
let dir: string;
before(async () => {
  db = await createTestDatabase('postgres');
  for (let i = 0; i < 2; i++) stores.push(await openTestStore(db));
  dir = mkdtempSync(join(tmpdir(), 'dmon-two-workers-'));
});
after(async () => {
  for (const s of stores) await s.close();
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

test('two PostgreSQL workers write their batches whole', { timeout: 300_000 }, async () => {
  const file = join(dir, 'records.jsonl');
  writeFileSync(file, records(480));
  const warnings: string[] = [];
  const logger = createLogger('warn', {
    write: (line: string) => {
      warnings.push(line);
    },
  });
  const ingests = stores.map(
    (s) => new Ingest(s, createDeps({ fetchAllow: [] }), { hostDelayMs: 0, log: logger }),
  );
  const counts = await importPaths(ingests[0]!, [file]);
  assert.equal(counts.stored, 480);
  const runs = await Promise.all(
    ingests.map((ing) => ing.run({ drain: true, batchSize: 64, concurrency: 1 })),
  );
  assert.deepEqual(
    warnings.filter((w) => /deadlock|one by one/.test(w)),
    [],
    'no batch fell back to writing article by article',
  );
  assert.ok(
    runs.every((r) => r.done > 0),
    `both workers took batches (${runs.map((r) => r.done).join(', ')})`,
  );
  const jobs = await stores[0]!.queue().counts();
  assert.equal(jobs.queued + jobs.running + jobs.failed, 0, 'every job done');
  // 480 extract jobs and the clustering jobs their batches queued (at least one).
  assert.ok(runs.reduce((n, r) => n + r.done, 0) > 480);
  const statuses = await stores[0]!.articles.count();
  assert.equal(statuses.extracted, 480);
  assert.ok((await stores[0]!.facts.count()) >= 480);
  assert.equal(await stores[0]!.clustering.pending(), 0, 'every marked article clustered');
  assert.equal(await stores[0]!.clustering.needsRebuild(), false, 'every fact has its claim');
});
