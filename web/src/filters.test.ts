import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filtersFromQuery, filtersToQuery, withFilter } from './filters.js';

test('filters round-trip through the query string with the API parameter names', () => {
  const q = 'country=IRQ&term=displaced&from=2016-10-01&min=1000&min_confidence=0.5';
  const f = filtersFromQuery(`?${q}`);
  assert.deepEqual(f, {
    country: 'IRQ',
    term: 'displaced',
    from: '2016-10-01',
    min: '1000',
    min_confidence: '0.5',
  });
  assert.equal(filtersToQuery(f), q);
});

test('unknown parameters and empty values are dropped; order is canonical', () => {
  assert.deepEqual(filtersFromQuery('to=2024-01-31&page=3&cause=&country=SDN'), {
    to: '2024-01-31',
    country: 'SDN',
  });
  assert.equal(filtersToQuery({ to: '2024-01-31', country: 'SDN' }), 'country=SDN&to=2024-01-31');
});

test('withFilter sets and clears one key without touching the others', () => {
  const f = withFilter({ country: 'SDN' }, 'term', 'refugees');
  assert.deepEqual(f, { country: 'SDN', term: 'refugees' });
  assert.deepEqual(withFilter(f, 'country', ' '), { term: 'refugees' });
});
