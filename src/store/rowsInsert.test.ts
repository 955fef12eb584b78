// The direct multi-row INSERT (queries/rowsInsert.ts) is the statement Kysely compiles for the
// same rows, placeholders and parameters included, on both engines; rows Kysely would write
// otherwise are left to it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { describeEachEngine } from './test-engines.js';
import { queryBuilderForTests } from './index.js';
import { compileRowsInsert, insertRows } from './queries/rowsInsert.js';

const job = (i: number, extra: object = {}) => ({
  kind: 'extract',
  key: `extract:${i}`,
  payload: JSON.stringify({ articleId: i, note: 'it\'s "quoted"' }),
  status: 'queued' as const,
  attempts: 0,
  max_attempts: 5,
  run_after: 1_700_000_000_000 + i,
  locked_by: null,
  locked_at: null,
  last_error: i % 2 ? null : 'a "message"',
  created_at: 1_700_000_000_000,
  finished_at: null,
  ...extra,
});

describeEachEngine('rows inserted without the query builder', (store) => {
  test('the same SQL text and parameters as Kysely compiles', () => {
    const db = queryBuilderForTests(store());
    const rows = [job(1), job(2), job(3)];
    const direct = compileRowsInsert(db, 'jobs', rows, {
      onConflictDoNothing: 'key',
      returning: ['id', 'key'],
    });
    const kysely = db
      .insertInto('jobs')
      .values(rows)
      .onConflict((oc) => oc.column('key').doNothing())
      .returning(['id', 'key'])
      .compile();
    assert.equal(direct?.sql, kysely.sql);
    assert.deepEqual(direct?.parameters, kysely.parameters);

    const plainDirect = compileRowsInsert(db, 'jobs', rows, { onConflictDoNothing: true });
    const plainKysely = db
      .insertInto('jobs')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .compile();
    assert.equal(plainDirect?.sql, plainKysely.sql);
    assert.deepEqual(plainDirect?.parameters, plainKysely.parameters);
  });

  test('rows Kysely writes otherwise are left to it', () => {
    const db = queryBuilderForTests(store());
    assert.equal(compileRowsInsert(db, 'jobs', []), null);
    // A column missing from one row, or undefined in it (Kysely leaves it out), or an expression.
    const { finished_at: _f, ...short } = job(2);
    assert.equal(compileRowsInsert(db, 'jobs', [job(1), short]), null);
    assert.equal(compileRowsInsert(db, 'jobs', [job(1), job(2, { finished_at: undefined })]), null);
    assert.equal(compileRowsInsert(db, 'jobs', [job(1, { attempts: sql`1 + 1` })]), null);
  });

  test('the rows stored and returned are those of the query builder', async () => {
    const db = queryBuilderForTests(store());
    const viaKysely = async () => {
      throw new Error('the direct path should have taken these rows');
    };
    const first = await insertRows<{ id: number; key: string }>(
      db,
      'jobs',
      [job(11), job(12)],
      { onConflictDoNothing: 'key', returning: ['id', 'key'] },
      viaKysely,
    );
    assert.deepEqual(
      first.map((r) => r.key),
      ['extract:11', 'extract:12'],
    );
    // A key already stored is skipped, as with Kysely's `on conflict ("key") do nothing`.
    const second = await insertRows<{ id: number; key: string }>(
      db,
      'jobs',
      [job(12), job(13)],
      { onConflictDoNothing: 'key', returning: ['id', 'key'] },
      viaKysely,
    );
    assert.deepEqual(
      second.map((r) => r.key),
      ['extract:13'],
    );
    const stored = await db
      .selectFrom('jobs')
      .select(['id', 'key', 'payload', 'last_error', 'run_after', 'locked_by'])
      .where('key', 'in', ['extract:11', 'extract:12', 'extract:13'])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      stored.map((r) => [r.id, r.key, r.payload, r.last_error, Number(r.run_after), r.locked_by]),
      [...first, ...second].map((r, i) => {
        const j = job(11 + i);
        return [r.id, j.key, j.payload, j.last_error, j.run_after, null];
      }),
    );
    // Rows the direct path does not take go through the builder's callback.
    let called = false;
    await insertRows(db, 'jobs', [], {}, async () => {
      called = true;
      return [];
    });
    assert.equal(called, true);
  });
});
