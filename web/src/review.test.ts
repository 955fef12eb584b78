import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Fact } from './api.js';
import { auditChange, correctionsFrom, formFor, reviewKey } from './review.js';

const FACT = {
  id: 160,
  figure: 56940,
  term: 'sheltered',
  unit: 'households',
  country: 'PHL',
  fact_date: '2022-04-13',
  stock_or_flow: 'stock',
} as unknown as Fact;

test('keys: j/k and the arrows move, c/r/e/n act; never while typing or with a modifier', () => {
  assert.equal(reviewKey({ key: 'j' }), 'next');
  assert.equal(reviewKey({ key: 'ArrowUp' }), 'previous');
  assert.equal(reviewKey({ key: 'c' }), 'confirm');
  assert.equal(reviewKey({ key: 'r' }), 'reject');
  assert.equal(reviewKey({ key: 'e' }), 'correct');
  assert.equal(reviewKey({ key: 'n' }), 'note');
  assert.equal(reviewKey({ key: 'c', targetTag: 'input' }), null);
  assert.equal(reviewKey({ key: 'r', targetTag: 'TEXTAREA' }), null);
  assert.equal(reviewKey({ key: 'r', ctrlKey: true }), null, 'Ctrl+R reloads the page');
  assert.equal(reviewKey({ key: 'x' }), null);
});

test('a correction sends only what changed, in the API shape', () => {
  const form = formFor(FACT);
  assert.deepEqual(correctionsFrom(FACT, { ...form, figure: '1234' }), { figure: 1234 });
  assert.deepEqual(correctionsFrom(FACT, { ...form, country: 'idn', date: '2022-04-12', unit: 'people' }), {
    country: 'IDN',
    date: { start: '2022-04-12' },
    unit: 'people',
  });
  assert.deepEqual(correctionsFrom(FACT, { ...form, country: '' }), { country: null });
  assert.match(String(correctionsFrom(FACT, form)), /Change at least one field/);
  assert.match(String(correctionsFrom(FACT, { ...form, figure: '12.5' })), /whole number/);
  assert.match(String(correctionsFrom(FACT, { ...form, country: 'PH' })), /alpha-3/);
});

test('an audit entry says what changed', () => {
  assert.equal(
    auditChange({ figure: 56940, term: 'sheltered' }, { figure: 1234, term: 'sheltered' }),
    'figure 56,940 → 1,234',
  );
  assert.equal(auditChange({ figure: 5 }, null), 'removed');
  assert.equal(auditChange({ figure: 5 }, { figure: 5 }), '');
});
