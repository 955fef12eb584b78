import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDuration } from './duration.js';

test('durations', () => {
  assert.equal(parseDuration('15m'), 900_000);
  assert.equal(parseDuration('1h'), 3_600_000);
  assert.equal(parseDuration('90'), 90_000);
  assert.equal(parseDuration('2D'), 172_800_000);
  for (const bad of ['', 'soon', '0s', '-5m', '60d', '1w'])
    assert.throws(() => parseDuration(bad, '--every'), /--every/);
});
