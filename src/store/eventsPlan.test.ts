// GET /api/events reads events newest first with keyset pages; on both engines the first page
// and the next ones come from the events_recent index (migration 013) in order, not from a sort
// of every event.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { queryBuilderForTests } from './index.js';
import { describeEachEngine } from './test-engines.js';
import { queryPlan } from './test-queryPlan.js';

const PAGE = sql`SELECT * FROM events ORDER BY coalesce(events.last_date, '') DESC, events.id DESC LIMIT 51`;
const NEXT = sql`SELECT * FROM events WHERE (coalesce(events.last_date, ''), events.id) < ('2020-01-01', 'e1') ORDER BY coalesce(events.last_date, '') DESC, events.id DESC LIMIT 51`;

describeEachEngine('events list plan', (store, engine) => {
  test('pages of events come from the index in order', async () => {
    const db = queryBuilderForTests(store());
    for (const query of [PAGE, NEXT]) {
      const plan = await queryPlan(db, engine, query);
      if (engine === 'sqlite') {
        assert.match(plan, /USING INDEX events_recent/);
        assert.doesNotMatch(plan, /TEMP B-TREE/);
      } else {
        assert.match(plan, /Index Scan Backward using events_recent/);
        assert.doesNotMatch(plan, /Sort/);
      }
    }
  });
});
