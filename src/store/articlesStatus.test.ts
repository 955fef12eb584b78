// /api/health counts the articles by status; on both engines the count reads the
// articles_status index (migration 014), not the table with its texts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { queryBuilderForTests } from './index.js';
import { describeEachEngine } from './test-engines.js';

const COUNT = sql`SELECT status, count(*) AS n FROM articles GROUP BY status`;

describeEachEngine('articles count plan', (store, engine) => {
  test('the count by status reads the index alone', async () => {
    const db = queryBuilderForTests(store());
    if (engine === 'sqlite') {
      const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${COUNT}`.execute(db);
      assert.match(plan.rows.map((r) => r.detail).join(' | '), /USING COVERING INDEX articles_status/);
    } else {
      // An empty table is read whole by any planner; ask which index it would use.
      const plan = await db.transaction().execute(async (trx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
        return sql<{ 'QUERY PLAN': string }>`EXPLAIN ${COUNT}`.execute(trx);
      });
      assert.match(
        plan.rows.map((r) => r['QUERY PLAN']).join(' | '),
        /Index Only Scan using articles_status/,
      );
    }
  });
});
