// A host taking in evacuees or displaced people shelters them; a place hosting them does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../index.js';

const terms = (text: string) =>
  [
    ...new Set(
      extract({ text, published: '2024-06-01', lang: 'en' }, { geoparse: false }).facts.map(
        (f) => `${f.figure} ${f.term}`,
      ),
    ),
  ].sort();

const CASES: [text: string, facts: string[]][] = [
  [
    'The community college hosted about 380 evacuees from the burning subdivisions.',
    ['380 evacuated', '380 sheltered'],
  ],
  ['Local families are hosting up to 30 displaced people in their homes.', ['30 displaced', '30 sheltered']],
  // A place hosting displaced people tells where they live.
  ['The province hosts more than 400,000 internally displaced persons.', ['400000 displaced']],
  ['Tawila already hosted some 90,000 IDPs before the new arrivals.', ['90000 displaced']],
];

for (const [text, facts] of CASES)
  test(`reads ${facts.join(', ')} in: ${text}`, () => assert.deepEqual(terms(text), facts));
