// The dashboard's map over a date range asks for the largest facts of its filters
// (`/api/facts/points?from=…&to=…&cause=…&sort=-figure&limit=500`). The query the store runs is read
// from a figure index in order (no sort) whose columns hold the date and the other facets
// (migration 024), so the dates and facets are tested on the index and the table is read only for
// the rows listed. On PostgreSQL the date shows as an index condition. On SQLite the plan does not
// say which terms are tested on the index, so the index is named; the test store is given the
// statistics of the generated 1,000,000-fact store (bench/store-generate.mjs, ANALYZE), with which
// SQLite chose the date index and a sort for a year before (facts.ts, narrowDates), and a range of
// a week still reads the date index.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Engine } from './engine.js';
import { queryBuilderForTests } from './index.js';
import { Facts } from './queries/facts.js';
import type { FactFilter } from './queries/filter.js';
import type { Database } from './schema.js';
import { describeEachEngine } from './test-engines.js';
import { capturedQueries, queryPlan } from './test-queryPlan.js';

const YEAR = { from: '2020-01-01', to: '2020-12-31' };

/** The map's filters as the dashboard benchmark changes them, with the index each is read from. */
const FILTERS: [FactFilter, string][] = [
  [{ ...YEAR }, 'facts_figure_dated'],
  [{ ...YEAR, term: ['displaced'] }, 'facts_term_figure_dated'],
  [{ ...YEAR, term: ['evacuated'], cause: 'disaster' }, 'facts_(term|cause)_figure_dated'],
  [
    { ...YEAR, term: ['evacuated'], cause: 'disaster', hazard: 'flood' },
    'facts_(term|cause_hazard)_figure_dated',
  ],
  [{ ...YEAR, cause: 'disaster', hazard: 'flood' }, 'facts_cause_hazard_figure_dated'],
  [{ ...YEAR, cause: 'conflict' }, 'facts_cause_figure_dated'],
  [{ ...YEAR, hazard: 'flood' }, 'facts_hazard_figure_dated'],
  [{ from: '2016-10-01', cause: 'disaster' }, 'facts_cause_figure_dated'],
];

/** sqlite_stat1 of the facts' indexes on the generated 1 M-fact store with migration 024's indexes. */
const STATS_1M: [string, string][] = [
  ['facts_admin1', '1000000 16667 834 2'],
  ['facts_cause_date', '1000000 500000 137 1'],
  ['facts_cause_figure_dated', '1000000 500000 4 1 1 1 1'],
  ['facts_cause_hazard_figure_dated', '1000000 500000 142858 3 1 1 1'],
  ['facts_country_date', '1000000 16667 8 1'],
  ['facts_country_figure', '1000000 16667 2 1'],
  ['facts_country_summary', '1000000 16667 5 1 1'],
  ['facts_country_term_date', '1000000 16667 1283 2 1'],
  ['facts_date', '1000000 274 1'],
  ['facts_figure_dated', '1000000 5 1 1 1 1 1'],
  ['facts_hazard_figure_dated', '1000000 142858 3 1 1 1 1'],
  ['facts_review', '1000000 1000000'],
  ['facts_term_date', '1000000 76924 22 1'],
  ['facts_term_figure_dated', '1000000 76924 3 1 1 1 1'],
  ['sqlite_autoindex_facts_1', '1000000 5 1'],
];

/** The query `store.facts.points` runs for a filter, as sent to the database. */
async function pointsQuery(db: Kysely<Database>, engine: Engine, filter: FactFilter): Promise<CompiledQuery> {
  const [seen] = await capturedQueries(db, (d) =>
    new Facts(d, engine).points(filter, { sort: '-figure', limit: 500 }),
  );
  assert.ok(seen, 'the points query ran');
  return seen;
}

describeEachEngine('map points plan', (store, engine) => {
  test('the largest facts over dates come from a figure index holding the date, in order', async () => {
    const db = queryBuilderForTests(store());
    if (engine === 'sqlite') {
      await sql`ANALYZE`.execute(db); // creates sqlite_stat1
      await sql`DELETE FROM sqlite_stat1 WHERE tbl = 'facts'`.execute(db);
      for (const [idx, stat] of STATS_1M)
        await sql`INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('facts', ${idx}, ${stat})`.execute(db);
      await sql`ANALYZE sqlite_schema`.execute(db); // reloads the statistics
    }
    for (const [filter, index] of FILTERS) {
      const plan = await queryPlan(db, engine, await pointsQuery(db, engine, filter), { ordered: true });
      const what = `${JSON.stringify(filter)}: ${plan}`;
      if (engine === 'sqlite') {
        assert.match(plan, new RegExp(`^(SCAN|SEARCH) facts USING INDEX ${index}\\b`), what);
        assert.doesNotMatch(plan, /TEMP B-TREE/, what);
      } else {
        assert.match(plan, new RegExp(`Index Scan Backward using ${index} on facts`), what);
        assert.match(plan, new RegExp(`Index Cond: .*fact_date >= '${filter.from}'`), what);
        assert.doesNotMatch(plan, /Sort/, what);
      }
    }
    if (engine === 'sqlite') {
      // A week is read from the date index (a few hundred rows sorted), not by walking a figure index.
      const week = { from: '2020-06-01', to: '2020-06-07', cause: 'conflict' };
      const plan = await queryPlan(db, engine, await pointsQuery(db, engine, week));
      assert.match(plan, /fact_date>\?/, plan);
    }
  });
});
