import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber, kindLabel, placeLabel, termClassLabel } from './format.js';

test('a place is named once even when its province, or its country, has the same name', () => {
  assert.equal(placeLabel('Gujarat', 'Gujarat', 'India'), 'Gujarat, India');
  assert.equal(placeLabel('Somalia', null, 'Somalia'), 'Somalia');
  assert.equal(placeLabel('Mosul', 'Nineveh', 'Iraq'), 'Mosul, Nineveh, Iraq');
  assert.equal(placeLabel(undefined, null), '');
});

test("an event's kinds of figure in words", () => {
  assert.equal(termClassLabel('housing_destroyed'), 'homes destroyed');
  assert.equal(kindLabel('displacement', 'stock'), 'displacement, stock');
  assert.equal(kindLabel('evacuation', 'flow'), 'evacuation, flow');
});

test('numbers are written as toLocaleString("en") writes them, with one shared formatter', () => {
  for (const n of [0, 7, 1234, 190000, 1234567, -2500, 0.5, 12.3456, 1e12])
    assert.equal(formatNumber(n), n.toLocaleString('en'));
  assert.equal(formatNumber(1234567), '1,234,567');
  assert.equal(formatNumber(null), '—');
  assert.equal(formatNumber(undefined), '—');
});
