// The map over a date range asks for the per-country summary (`/api/countries?from=…&to=…&term=…`),
// whose distinct articles are counted from summary_article_days (migration 017). The query the store
// runs names only the columns of that table's primary key, so it is answered from the index alone:
// no table row is read for each of the ~20,000 article-days of a year on the 1 M-fact store (with a
// test of `n > 0` it read them all, 100 -> 25 ms there). Rows of count 0 are deleted by the triggers,
// which summary.test.ts checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryBuilderForTests } from './index.js';
import { CountryTables } from './queries/countryTables.js';
import type { FactFilter } from './queries/filter.js';
import { describeEachEngine } from './test-engines.js';
import { capturedQueries, queryPlan } from './test-queryPlan.js';

const FILTERS: FactFilter[] = [
  { from: '2020-01-01', to: '2020-12-31' },
  { from: '2020-01-01', to: '2020-12-31', term: ['displaced'] },
  { from: '2019-01-15', to: '2020-06-20', term: ['evacuated'] },
  { from: '2020-03-05', country: ['SDN', 'SSD'] },
];

describeEachEngine('country summary articles plan', (store, engine) => {
  test('the distinct articles over dates are read from the primary key of summary_article_days alone', async () => {
    const db = queryBuilderForTests(store());
    for (const filter of FILTERS) {
      const seen = await capturedQueries(db, (d) => new CountryTables(d, engine).countries(filter));
      const query = seen.find((q) => q.sql.includes('summary_article_days'));
      assert.ok(query, `${JSON.stringify(filter)}: the articles query ran`);
      const plan = await queryPlan(db, engine, query);
      const what = `${JSON.stringify(filter)}: ${plan}`;
      if (engine === 'sqlite')
        assert.match(
          plan,
          /SEARCH summary_article_days USING COVERING INDEX sqlite_autoindex_summary_article_days_1 \(term=\?/,
          what,
        );
      else {
        assert.match(plan, /Index Only Scan using summary_article_days_pk on summary_article_days/, what);
        assert.doesNotMatch(plan, /Seq Scan|Heap Fetches|Index Scan/, what);
      }
    }
  });
});
