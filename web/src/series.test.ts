import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimeseriesPoint } from './api.js';
import { eventTimelineRows, pivotTimeseries } from './series.js';

const row = (
  period: string,
  term: string,
  stock_or_flow: 'stock' | 'flow',
  sum: number,
  max: number,
): TimeseriesPoint => ({ period, term, stock_or_flow, facts: 2, max_people: max, sum_people: sum });

const ITEMS = [
  row('2023-06-01', 'displaced', 'flow', 5000, 3000),
  row('2023-06-01', 'displaced', 'stock', 90000, 50000),
  row('2023-07-01', 'displaced', 'stock', 70000, 40000),
  row('2023-07-01', 'evacuated', 'flow', 1200, 1000),
];

test('flows add up the facts of a period; stocks never enter them', () => {
  assert.deepEqual(pivotTimeseries(ITEMS, 'flow'), {
    periods: ['2023-06-01', '2023-07-01'],
    terms: ['displaced', 'evacuated'],
    values: [
      [5000, null],
      [null, 1200],
    ],
  });
});

test('stocks are levels: the largest figure of the period, not the sum of its reports', () => {
  assert.deepEqual(pivotTimeseries(ITEMS, 'stock'), {
    periods: ['2023-06-01', '2023-07-01'],
    terms: ['displaced'],
    values: [[50000, 40000]],
  });
});

test("an event's flow claims are running totals: the largest of a day, not their sum", () => {
  const rows = eventTimelineRows([
    {
      date: '2023-07-12',
      claim_id: 'c1',
      term_class: 'evacuation',
      stock_or_flow: 'flow',
      figure: 25,
      people: 25,
      independent_sources: 1,
    },
    {
      date: '2023-07-21',
      claim_id: 'c2',
      term_class: 'evacuation',
      stock_or_flow: 'flow',
      figure: 2567,
      people: 2567,
      independent_sources: 1,
    },
    {
      date: '2023-07-21',
      claim_id: 'c3',
      term_class: 'evacuation',
      stock_or_flow: 'flow',
      figure: 2000,
      people: 2000,
      independent_sources: 2,
    },
    {
      date: null,
      claim_id: 'c4',
      term_class: 'evacuation',
      stock_or_flow: 'flow',
      figure: 9,
      people: 9,
      independent_sources: 1,
    },
    {
      date: '2023-07-22',
      claim_id: 'c5',
      term_class: 'shelter',
      stock_or_flow: 'stock',
      figure: 700,
      people: 700,
      independent_sources: 1,
    },
  ]);
  assert.equal(rows.length, 4, 'the undated claim has no place on a timeline');
  assert.deepEqual(pivotTimeseries(rows, 'flow', 'max').values, [[25, 2567]]);
  assert.deepEqual(pivotTimeseries(rows, 'flow', 'sum').values, [[25, 4567]]);
  assert.deepEqual(pivotTimeseries(rows, 'stock').values, [[700]]);
});
