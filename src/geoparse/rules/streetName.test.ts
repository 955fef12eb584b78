import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holiday, streetName } from './streetName.js';
import { documentOf, entry, mention } from './test-cases.js';

const town = entry({ kind: 'city' });
const country = entry({ kind: 'country' });
const state = entry({ kind: 'admin1' });

const ROWS: [string, typeof streetName, ReturnType<typeof mention>, string | null][] = [
  ['"Lincoln Street"', streetName, mention({ street: true, candidates: [town] }), 'street or building name'],
  ['"St. Patrick\'s Day"', holiday, mention({ holiday: true, candidates: [town] }), "someone's day"],
  // Negative rows.
  [
    '"Texas Street": a state\'s name stays a place',
    streetName,
    mention({ street: true, candidates: [town, state] }),
    null,
  ],
  [
    '"Iraqi Street": a demonym',
    streetName,
    mention({ street: true, demonym: 'IQ', candidates: [town] }),
    null,
  ],
  ['"Mexico\'s Day": a country', holiday, mention({ holiday: true, candidates: [country] }), null],
  ['a town without a street word', streetName, mention({ candidates: [town] }), null],
];

for (const [row, rule, m, want] of ROWS)
  test(`${rule.name}: ${row}`, () => assert.equal(rule.gate(m, 0, documentOf([m])), want));
