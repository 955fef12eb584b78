import { test } from 'node:test';
import assert from 'node:assert/strict';
import { personNamedArea } from './personNamedArea.js';
import { choice, entry, mention } from './test-cases.js';

const area = entry({ kind: 'admin2' });
const ROWS: [string, Parameters<typeof choice>[0], string | null][] = [
  [
    '"Nelson said": an area\'s name before "said"',
    { mention: mention({ personVerb: true }), entry: area },
    "a person's name without support",
  ],
  [
    '"Dr Ann Chu": an area\'s name as a surname',
    { mention: mention({ surname: true }), entry: area },
    "a person's name without support",
  ],
  // Negative rows.
  [
    'the document points to the area',
    { mention: mention({ personVerb: true }), entry: area, supported: true },
    null,
  ],
  [
    'after "in" elsewhere',
    {
      mention: mention({ surname: true }),
      mentions: [mention({ surname: true }), mention({ placeCue: true })],
      entry: area,
    },
    null,
  ],
  [
    'a town (the town rules decide)',
    { mention: mention({ personVerb: true }), entry: entry({ kind: 'city' }) },
    null,
  ],
  ['a country', { mention: mention({ personVerb: true }), entry: entry({ kind: 'country' }) }, null],
  [
    '"Nelson County said": the area word written',
    { mention: mention({ personVerb: true, feature: 'county' }), entry: area },
    null,
  ],
];

for (const [row, over, want] of ROWS)
  test(`personNamedArea: ${row}`, () => assert.equal(personNamedArea.reject(choice(over)), want));
