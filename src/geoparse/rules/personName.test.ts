import { test } from 'node:test';
import assert from 'node:assert/strict';
import { personName, personSenses } from './personName.js';
import { documentOf, entry, mention } from './test-cases.js';

const town = entry({ kind: 'city' });
const state = entry({ kind: 'admin1' });

// [row, mentions of one name, the reason expected for the first (null: not a person)]
const ROWS: [string, ReturnType<typeof mention>[], string | null][] = [
  ['a title before it', [mention({ person: true })], 'person (title or given name before)'],
  ['a given name followed by a family name', [mention({ givenName: true })], 'given name of a person'],
  [
    'a town name read as a surname elsewhere',
    [mention({ candidates: [town] }), mention({ candidates: [town], surname: true })],
    'a person elsewhere in the text',
  ],
  [
    'a town name with a title elsewhere, even after "in"',
    [mention({ candidates: [town], placeCue: true }), mention({ candidates: [town], person: true })],
    'a person elsewhere in the text',
  ],
  // Negative rows.
  ['no cue at all', [mention()], null],
  [
    'a surname reading, but also after "in"',
    [mention({ candidates: [town], placeCue: true }), mention({ candidates: [town], surname: true })],
    null,
  ],
  [
    'a state\'s name before "said"',
    [mention({ candidates: [state] }), mention({ candidates: [state], personVerb: true })],
    null,
  ],
  ['a demonym', [mention({ demonym: 'IQ' }), mention({ demonym: 'IQ', surname: true })], null],
];

for (const [row, ms, want] of ROWS)
  test(`personName: ${row}`, () => {
    const senses = new Map([['name', ms.map((_, i) => i)]]);
    const doc = documentOf(ms, { persons: personSenses(ms, senses) });
    assert.equal(personName.gate(ms[0]!, 0, doc), want);
  });
