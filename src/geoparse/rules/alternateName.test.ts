import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alternateName, spellingVariant } from './alternateName.js';
import { choice, entry, mention } from './test-cases.js';

const perth = entry({ name: 'Perth', population: 2_000_000 });
const dhuburi = entry({ name: 'Dhuburi', population: 60_000 });
const ROWS: [string, Parameters<typeof choice>[0], string | null][] = [
  [
    '"Part" for Perth, first in a sentence',
    { mention: mention({ key: 'part', sentenceInitial: true }), entry: perth, ownName: false },
    'alternate name only, without support',
  ],
  [
    'an old name of a town of 20,000',
    { mention: mention({ key: 'oldname' }), entry: entry({ population: 20_000 }), ownName: false },
    'alternate name only, without support',
  ],
  [
    'a big town by an alternate name, in a text about another country',
    {
      mention: mention({ key: 'ganga' }),
      entry: entry({ population: 335_000, country: 'AZE' }),
      ownName: false,
      leadingCountry: { key: 'IND', share: 1, weight: 2 },
    },
    'alternate name only, without support',
  ],
  // Negative rows.
  [
    '"in Dhubri" for Dhuburi',
    { mention: mention({ key: 'dhubri', placeCue: true }), entry: dhuburi, ownName: false },
    null,
  ],
  [
    'a big place inside a sentence',
    { mention: mention({ key: 'part' }), entry: perth, ownName: false },
    null,
  ],
  [
    'supported by the document',
    {
      mention: mention({ key: 'oldname' }),
      entry: entry({ population: 20_000 }),
      ownName: false,
      supported: true,
    },
    null,
  ],
  [
    'a big town by an alternate name, the text mostly about its own country',
    {
      mention: mention({ key: 'part' }),
      entry: entry({ population: 2_000_000, country: 'AUS' }),
      ownName: false,
      leadingCountry: { key: 'GBR', share: 0.4, weight: 2 },
    },
    null,
  ],
  ["the place's own name", { mention: mention({ key: 'name' }), entry: entry({ population: 20_000 }) }, null],
  [
    'two words',
    { mention: mention({ key: 'old name', words: 2 }), entry: entry({ population: 20_000 }), ownName: false },
    null,
  ],
];

for (const [row, over, want] of ROWS)
  test(`alternateName: ${row}`, () => assert.equal(alternateName.reject(choice(over)), want));

test('spellingVariant: two edits at most, same first letter, five letters or more', () => {
  assert.equal(spellingVariant('dhubri', 'dhuburi'), true);
  assert.equal(spellingVariant('human', 'uman'), false);
  assert.equal(spellingVariant('abcdef', 'abcxyz'), false);
});
