// GET /api/events reads events newest first with keyset pages; on both engines the first page
// and the next ones come from the events_recent index (migration 013) in order, not from a sort
// of every event.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { queryBuilderForTests } from './index.js';
import { describeEachEngine } from './test-engines.js';

const PAGE = sql`SELECT * FROM events ORDER BY coalesce(events.last_date, '') DESC, events.id DESC LIMIT 51`;
const NEXT = sql`SELECT * FROM events WHERE (coalesce(events.last_date, ''), events.id) < ('2020-01-01', 'e1') ORDER BY coalesce(events.last_date, '') DESC, events.id DESC LIMIT 51`;

describeEachEngine('events list plan', (store, engine) => {
  test('pages of events come from the index in order', async () => {
    const db = queryBuilderForTests(store());
    for (const query of [PAGE, NEXT]) {
      if (engine === 'sqlite') {
        const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${query}`.execute(db);
        const details = plan.rows.map((r) => r.detail).join(' | ');
        assert.match(details, /USING INDEX events_recent/);
        assert.doesNotMatch(details, /TEMP B-TREE/);
      } else {
        // An empty table is read whole by any planner; ask which index it would use.
        const plan = await db.transaction().execute(async (trx) => {
          await sql`SET LOCAL enable_seqscan = off`.execute(trx);
          await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
          return sql<{ 'QUERY PLAN': string }>`EXPLAIN ${query}`.execute(trx);
        });
        const text = plan.rows.map((r) => r['QUERY PLAN']).join(' | ');
        assert.match(text, /Index Scan Backward using events_recent/);
        assert.doesNotMatch(text, /Sort/);
      }
    }
  });
});
