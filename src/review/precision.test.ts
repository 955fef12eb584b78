import assert from 'node:assert/strict';
import { test } from 'node:test';
import { precisionTable, rulePrecision, type ReviewedRule } from './precision.js';

const r = (
  rule: string,
  action: ReviewedRule['action'],
  corrected: string[] = [],
  term = 'displaced',
): ReviewedRule => ({
  rule,
  term,
  action,
  corrected,
  confidence: 0.8,
});

test('per-rule precision: confirmed right, rejected wrong, a corrected figure or term wrong, a corrected place right', () => {
  const rows = rulePrecision([
    r('displaced:forward', 'confirm'),
    r('displaced:forward', 'confirm'),
    r('displaced:forward', 'reject'),
    r('displaced:forward', 'correct', ['place']),
    r('evacuated:passive', 'correct', ['figure'], 'evacuated'),
    r('evacuated:passive', 'correct', ['term', 'date'], 'evacuated'),
    r('homes:table-column', 'reject', [], 'destroyed_housing'),
  ]);
  assert.deepEqual(
    rows.map((x) => [x.key, x.reviewed, x.confirmed, x.corrected, x.rejected, x.right]),
    [
      ['displaced:forward', 4, 2, 1, 1, 3],
      ['evacuated:passive', 2, 0, 2, 0, 0],
      ['homes:table-column', 1, 0, 0, 1, 0],
      ['all', 7, 2, 3, 2, 3],
    ],
  );
  assert.equal(rows[0]!.precision, 0.75);
  assert.equal(rows.at(-1)!.precision, 3 / 7);
});

test('grouped by term; no reviews gives the total row only', () => {
  const rows = rulePrecision(
    [r('a', 'confirm'), r('b', 'reject'), r('c', 'confirm', [], 'evacuated')],
    'term',
  );
  assert.deepEqual(
    rows.map((x) => [x.key, x.right, x.reviewed]),
    [
      ['displaced', 1, 2],
      ['evacuated', 1, 1],
      ['all', 2, 3],
    ],
  );
  assert.deepEqual(
    rulePrecision([]).map((x) => [x.key, x.reviewed]),
    [['all', 0]],
  );
});

test('the table shows precision with its counts', () => {
  const table = precisionTable(
    rulePrecision([r('displaced:forward', 'confirm'), r('displaced:forward', 'reject')]),
  );
  assert.match(table, /^rule +reviewed +confirmed +corrected +rejected +precision$/m);
  assert.match(table, /^displaced:forward +2 +1 +0 +1 +0\.500 \(1\/2\)$/m);
  assert.match(table, /^all +2 /m);
});
