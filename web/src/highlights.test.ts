import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Fact } from './api.js';
import { segmentText } from './highlights.js';

const text = 'Up to 190,000 people have been displaced in Mosul in October 2016.';
const fact = {
  quantity_span: [6, 13],
  term_span: [31, 40],
  locations: [{ name: 'Mosul', start: 44, end: 49, lat: 36.3, lon: 43.1 }],
  date: { span: [53, 65] },
} as unknown as Fact;

test('figure, term, place and date become marks; the rest stays plain and nothing is lost', () => {
  const segs = segmentText(text, [fact]);
  assert.equal(segs.map((s) => s.text).join(''), text);
  assert.deepEqual(
    segs.filter((s) => s.mark).map((s) => [s.mark!.kind, s.text]),
    [
      ['figure', '190,000'],
      ['term', 'displaced'],
      ['place', 'Mosul'],
      ['date', 'October 2016'],
    ],
  );
});

test('overlapping and out-of-range marks are dropped, not duplicated', () => {
  const second = {
    ...fact,
    quantity_span: [8, 20],
    term_span: [200, 210],
    locations: [],
    date: null,
  } as unknown as Fact;
  const segs = segmentText(text, [fact, second]);
  assert.equal(segs.map((s) => s.text).join(''), text);
  assert.equal(segs.filter((s) => s.mark?.kind === 'figure').length, 1);
});
