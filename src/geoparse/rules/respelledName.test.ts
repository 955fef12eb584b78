import { test } from 'node:test';
import assert from 'node:assert/strict';
import { respelledName } from './respelledName.js';
import { choice, entry, mention } from './test-cases.js';

const ROWS: [string, Parameters<typeof choice>[0], string | null][] = [
  [
    'a village one vowel away ("Sylhat" for a hamlet)',
    { mention: mention({ respelled: true }), entry: entry({ population: 800 }) },
    'another spelling of a small place',
  ],
  // Negative rows.
  [
    'a town one vowel away ("Netrokona")',
    { mention: mention({ respelled: true }), entry: entry({ population: 90_000 }) },
    null,
  ],
  [
    'a district one vowel away',
    { mention: mention({ respelled: true }), entry: entry({ kind: 'admin2', population: 0 }) },
    null,
  ],
  ['a small place spelled as written', { entry: entry({ population: 800 }) }, null],
];

for (const [row, over, want] of ROWS)
  test(`respelledName: ${row}`, () => assert.equal(respelledName.reject(choice(over)), want));
