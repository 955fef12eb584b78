// The per-country summary with a cause (`/api/countries?from=…&to=…&cause=…`, the dashboard's map
// legend and table) groups summary_cause_days by country and term. SQLite groups by sorting unless
// the rows come in group order; on a year of 1,000,000 facts that sort was most of the request.
// The query lists the cause's (country, term) pairs in order from migration 025's index and reads
// each pair's days as one range of it, so no sort is planned: both on a store without statistics
// and with those of the generated 1,000,000-fact store (bench/store-generate.mjs, ANALYZE).
// PostgreSQL groups by hashing and runs the plain grouped query (no index needed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { queryBuilderForTests } from './index.js';
import { CountryTables } from './queries/countryTables.js';
import type { FactFilter } from './queries/filter.js';
import type { Database } from './schema.js';
import { describeEachEngine } from './test-engines.js';
import { capturedQueries, queryPlan } from './test-queryPlan.js';

const YEAR = { from: '2020-01-01', to: '2020-12-31' };
const FILTERS: FactFilter[] = [
  { ...YEAR, cause: 'conflict' },
  { ...YEAR, cause: 'disaster', hazard: 'flood' },
  { ...YEAR, cause: 'disaster', term: ['evacuated'] },
  { from: '2016-10-01', cause: 'disaster', country: ['AAA', 'BBB'] },
  { cause: 'conflict' },
];

/** sqlite_stat1 of summary_cause_days on the generated 1 M-fact store with migration 025. */
const STATS_1M: [string, string][] = [
  ['summary_cause_days', '967008 483504 133 38 4 1 1'],
  ['summary_cause_days_hazard', '967008 138144 38 38 4 1 1 1 1'],
  ['summary_cause_days_country', '967008 483504 8059 620 2 1 1 1'],
];

/** The queries `withCause` runs for a filter, as sent to the database. */
async function causeQueries(db: Kysely<Database>, filter: FactFilter): Promise<CompiledQuery[]> {
  return capturedQueries(db, (d) => new CountryTables(d, 'sqlite').withCause(filter));
}

describeEachEngine('countries with a cause plan', (store, engine) => {
  test('the grouping by country and term reads migration 025 index in group order', async (t) => {
    if (engine !== 'sqlite') return t.skip('PostgreSQL groups by hashing');
    const db = queryBuilderForTests(store());
    const check = async (what: string) => {
      for (const filter of FILTERS) {
        const queries = await causeQueries(db, filter);
        const grouped = queries.filter((q) => /cross join/i.test(q.sql));
        assert.equal(grouped.length, 1, `${what} ${JSON.stringify(filter)}: one grouped read`);
        const plan = await queryPlan(db, engine, grouped[0]!);
        const about = `${what} ${JSON.stringify(filter)}: ${plan}`;
        assert.match(
          plan,
          /SEARCH summary_cause_days USING COVERING INDEX summary_cause_days_country \(cause=\?/,
          about,
        );
        assert.match(
          plan,
          /SEARCH s USING COVERING INDEX summary_cause_days_country \(cause=\? AND country=\? AND term=\?/,
          about,
        );
        assert.doesNotMatch(plan, /TEMP B-TREE/, about);
      }
    };
    await check('no statistics');
    await sql`ANALYZE`.execute(db); // creates sqlite_stat1
    await sql`DELETE FROM sqlite_stat1 WHERE tbl = 'summary_cause_days'`.execute(db);
    for (const [idx, stat] of STATS_1M)
      await sql`INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('summary_cause_days', ${idx}, ${stat})`.execute(
        db,
      );
    await sql`ANALYZE sqlite_schema`.execute(db); // reloads the statistics
    await check('1 M statistics');
  });
});
