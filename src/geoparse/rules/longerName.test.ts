import { test } from 'node:test';
import assert from 'node:assert/strict';
import { longerName } from './longerName.js';
import { choice, entry, mention } from './test-cases.js';

const continued = mention({ continued: true });
const ROWS: [string, Parameters<typeof choice>[0], string | null][] = [
  [
    '"Karbi Anglong", nothing pointing to Karbi',
    { mention: continued },
    'first word of a longer name, without support',
  ],
  [
    '"Human Rights Watch": supported, but only Uman\'s other name',
    { mention: continued, supported: true, ownName: false },
    'first word of a longer name, without support',
  ],
  // Negative rows.
  ['the document points to the place, its own name', { mention: continued, supported: true }, null],
  ['a country before an unknown word', { mention: continued, entry: entry({ kind: 'country' }) }, null],
  [
    'once followed by an unknown word, once not',
    { mention: continued, mentions: [continued, mention()] },
    null,
  ],
];

for (const [row, over, want] of ROWS)
  test(`longerName: ${row}`, () => assert.equal(longerName.reject(choice(over)), want));
