// Stock or flow from the cue words of lexicon/<lang>/stock.json: whole words of any language
// and case, `#` for one digit; destroyed housing is always a flow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Fact } from '../../types.js';
import { stockOrFlow } from './stock.js';

const displaced = { term: 'displaced' } as Fact;

test('a cue of any language makes a stock, its absence a flow', () => {
  assert.equal(stockOrFlow('8,400 IDPs remain displaced in Baidoa.', displaced), 'stock');
  assert.equal(stockOrFlow('THERE ARE 8,400 people living in camps.', displaced), 'stock');
  assert.equal(stockOrFlow('Unas 3.000 personas permanecen desplazadas.', displaced), 'stock');
  assert.equal(stockOrFlow('3 000 personnes restent déplacées.', displaced), 'stock');
  assert.equal(stockOrFlow('5,000 people were evacuated on Monday.', displaced), 'flow');
});

test('cues match whole words only, and # one digit before a word boundary', () => {
  assert.equal(stockOrFlow('A hostile crowd displaced 300 families.', displaced), 'flow');
  assert.equal(stockOrFlow('Floods displaced a total of 8,400 people.', displaced), 'stock');
  assert.equal(stockOrFlow('Floods displaced a total of 8400 people.', displaced), 'flow');
});

test('destroyed housing is a flow whatever the sentence says', () => {
  const houses = { term: 'destroyed_housing' } as Fact;
  assert.equal(stockOrFlow('There are still 300 houses destroyed.', houses), 'flow');
});
