import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notPlaceWord } from './notPlaceWord.js';
import { documentOf, mention } from './test-cases.js';

// [row, the mention, is it followed after a comma by another name, expected]
const ROWS: [string, ReturnType<typeof mention>, boolean, string | null][] = [
  ['a not-place word alone ("the Emergency Sector")', mention({ notPlace: true }), false, 'common word'],
  [
    'a generic word even before ", <Name>" ("County, Texas")',
    mention({ notPlace: true, generic: true }),
    true,
    'common word',
  ],
  // Negative rows.
  [
    'a not-place word said to lie in the next name ("Mega, Ethiopia")',
    mention({ notPlace: true }),
    true,
    null,
  ],
  ['an ordinary name', mention(), false, null],
];

for (const [row, m, contained, want] of ROWS)
  test(`notPlaceWord: ${row}`, () => {
    const doc = documentOf([m], { containerOf: contained ? new Map([[0, 1]]) : new Map() });
    assert.equal(notPlaceWord.gate(m, 0, doc), want);
  });
