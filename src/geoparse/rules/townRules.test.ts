import { test } from 'node:test';
import assert from 'node:assert/strict';
import { familyName, lowercaseElsewhere, sentenceInitial, smallPlace } from './townRules.js';
import { choice, entry, mention } from './test-cases.js';
import type { AcceptRule } from './types.js';

const town = (population: number) => entry({ kind: 'city', population });
const area = entry({ kind: 'admin1', population: 500 });
const ROWS: [AcceptRule, string, Parameters<typeof choice>[0], string | null][] = [
  [
    lowercaseElsewhere,
    '"Mobile" and "mobile phones"',
    { mention: mention({ lowercaseElsewhere: true }) },
    'also a common word in this text',
  ],
  [
    lowercaseElsewhere,
    '"Reading, England": said to lie in the next name',
    { mention: mention({ lowercaseElsewhere: true }), contained: true },
    null,
  ],
  [lowercaseElsewhere, 'an area', { mention: mention({ lowercaseElsewhere: true }), entry: area }, null],
  [
    familyName,
    '"Brown" alone',
    { mention: mention({ familyName: true }) },
    'a common family name without support',
  ],
  [
    familyName,
    '"Brown" in the state of another place',
    { mention: mention({ familyName: true }), parts: { prior: 4, state: 2.5 } },
    null,
  ],
  [familyName, '"in Brown"', { mention: mention({ familyName: true, placeCue: true }) }, null],
  [familyName, 'a city of 200,000', { mention: mention({ familyName: true }), entry: town(250_000) }, null],
  [smallPlace, 'a hamlet nothing points to', { entry: town(300) }, 'small place without support'],
  [
    smallPlace,
    '"in Kalaigaon": the only bearer, after "in"',
    { mention: mention({ placeCue: true, candidates: [town(300)] }), entry: town(300) },
    null,
  ],
  [smallPlace, 'a hamlet the document points to', { entry: town(300), supported: true }, null],
  [smallPlace, 'a town of 5,000', { entry: town(5000) }, null],
  [
    sentenceInitial,
    'only ever first in a sentence',
    { mention: mention({ sentenceInitial: true }), entry: town(5000) },
    'sentence-initial word without support',
  ],
  [
    sentenceInitial,
    'also inside a sentence',
    {
      mention: mention({ sentenceInitial: true }),
      mentions: [mention({ sentenceInitial: true }), mention()],
      entry: town(5000),
    },
    null,
  ],
  [
    sentenceInitial,
    'a city of 50,000',
    { mention: mention({ sentenceInitial: true }), entry: town(50_000) },
    null,
  ],
];

for (const [rule, row, over, want] of ROWS)
  if (row) test(`${rule.name}: ${row}`, () => assert.equal(rule.reject(choice(over)), want));

test('smallPlace: after "in" but also read as a surname is not enough', () => {
  const m = mention({ placeCue: true, surname: true, candidates: [town(300)] });
  assert.equal(smallPlace.reject(choice({ mention: m, entry: town(300) })), 'small place without support');
});
