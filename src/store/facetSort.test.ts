// The dashboard's map asks for the largest facts of a term, a cause or a hazard: on SQLite that
// query reads an index in order (migration 009, holding the date since 024) instead of sorting every
// matching fact.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openStore, queryBuilderForTests } from './index.js';

test('facts of one term, cause or hazard sorted by figure come from an index, not a sort', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dmon-facet-sort-'));
  const store = await openStore({ sqlitePath: join(dir, 'store.sqlite') });
  try {
    const db = queryBuilderForTests(store);
    for (const column of ['term', 'cause', 'hazard']) {
      const plan = await sql<{
        detail: string;
      }>`EXPLAIN QUERY PLAN SELECT * FROM facts WHERE ${sql.ref(column)} = 'x' ORDER BY figure_key DESC, id DESC LIMIT 500`.execute(
        db,
      );
      const details = plan.rows.map((r) => r.detail).join(' | ');
      assert.match(details, new RegExp(`facts_${column}_figure`), details);
      assert.doesNotMatch(details, /TEMP B-TREE/, details);
    }
    // A cause and a hazard together read one index (migration 011), not every fact of one of them.
    const pair = await sql<{
      detail: string;
    }>`EXPLAIN QUERY PLAN SELECT * FROM facts WHERE cause = 'conflict' AND hazard = 'flood' ORDER BY figure_key DESC, id DESC LIMIT 500`.execute(
      db,
    );
    const details = pair.rows.map((r) => r.detail).join(' | ');
    assert.match(details, /facts_cause_hazard_figure_dated \(cause=\? AND hazard=\?\)/, details);
    assert.doesNotMatch(details, /TEMP B-TREE/, details);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
