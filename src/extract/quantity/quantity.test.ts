// Quantity parsers: digits with every separator, words, scales, ranges, qualifiers, and the
// numbers that are not figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDigits } from './digits.js';
import { findQuantities } from './find.js';
import { nonFigureReason } from './nonFigure.js';
import { loadLexicon } from '../lexicon.js';
import { tokenize } from '../segment/tokens.js';

test('digits with separators', () => {
  const rows: [string, number | null][] = [
    ['190,000', 190000],
    ['190.000', 190000],
    ['3,57,243', 357243],
    ['14 000', 14000],
    ['1057', 1057],
    ['2.5', 2.5],
    ['1,5', 1.5],
    ['12,34,5', null],
  ];
  for (const [raw, value] of rows) assert.equal(readDigits(raw, false)?.value ?? null, value, raw);
});

const read = (text: string, lang = 'en') => {
  const lex = loadLexicon(lang);
  const tokens = tokenize(text);
  return findQuantities(text, tokens, lex).map((q) => ({
    value: q.value,
    qualifier: q.qualifier,
    range: q.range ?? null,
    vague: q.vague ?? null,
    nonFigure: nonFigureReason(text, tokens, q, lex),
  }));
};

test('quantities in words, scales, ranges and qualifiers', () => {
  const rows: [string, Partial<ReturnType<typeof read>[number]>][] = [
    ['nine hundred and twenty-one people', { value: 921 }],
    ['two million people', { value: 2000000 }],
    ['half a million people', { value: 500000 }],
    ['1.2 million people', { value: 1200000 }],
    ['2.5m people', { value: 2500000 }],
    ['1.2 lakh people', { value: 120000 }],
    ['3 crore people', { value: 30000000 }],
    ['a dozen families', { value: 12 }],
    ['up to 5,000 people', { value: 5000, qualifier: 'up_to' }],
    ['at least 300 homes', { value: 300, qualifier: 'at_least' }],
    ['more than 40 families', { value: 40, qualifier: 'more_than' }],
    ['nearly 700 residents', { value: 700, qualifier: 'approximately' }],
    ['fewer than 90 people', { value: 90, qualifier: 'less_than' }],
    ['2,000+ people', { value: 2000, qualifier: 'more_than' }],
    ['between 3,000 and 5,000 people', { value: 3000, range: [3000, 5000], qualifier: 'at_least' }],
    ['4 to 5 million people', { value: 4000000, range: [4000000, 5000000] }],
    ['tens of thousands of people', { value: null, vague: 'tens of thousands' }],
  ];
  for (const [text, expected] of rows) {
    const [q] = read(text);
    assert.ok(q, text);
    for (const [k, v] of Object.entries(expected))
      assert.deepEqual(q[k as keyof typeof q], v, `${text}: ${k}`);
    assert.equal(q.nonFigure, null, text);
  }
  assert.equal(read('dos mil personas', 'es')[0]?.value, 2000);
  assert.equal(read('un centenar de casas', 'es')[0]?.value, 100);
  // Spanish number words are not read in English text: "once" is not eleven.
  assert.deepEqual(read('once peace has returned'), []);
});

test('numbers that are not figures', () => {
  const rows: [string, RegExp][] = [
    ['on 3 March', /date/],
    ['in 2019', /year/],
    ['at 10 pm', /time/],
    ['at 11:00', /time/],
    ['US$ 611,781', /money/],
    ['300 dollars', /money/],
    ['40 percent', /measure|percentage/],
    ['15 km away', /measure/],
    ['3,400 hectares', /measure/],
    ['aged 12', /label or age/],
    ['Category 4 storm', /label/],
    ['COVID-19 cases', /identifier/],
    ['the 3rd office', /ordinal/],
    ['24 hours', /duration/],
    ['1 in 5 children', /ratio/],
  ];
  for (const [text, reason] of rows) {
    const qs = read(text);
    assert.ok(qs.length > 0, text);
    assert.match(qs[0]!.nonFigure ?? 'figure', reason, text);
  }
});
