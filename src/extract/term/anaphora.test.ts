// An anaphor with a level verb takes the term it refers back to: within its paragraph, or from a
// paragraph of one sentence before it (a headline, a news lead) that ends on a displacement term.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../index.js';

const terms = (text: string) =>
  [
    ...new Set(
      extract({ text, published: '2024-06-01', lang: 'en' }, { geoparse: false }).facts.map((f) => `${f.figure} ${f.term}`),
    ),
  ].sort();

const CASES: [text: string, facts: string[]][] = [
  [
    'Some 31,000 people are staying in evacuation centres across the island.\n\nOfficials said the figure had risen from 18,000 on Sunday.',
    ['18000 sheltered', '31000 sheltered'],
  ],
  [
    'Floods force 6,500 from their homes in Sylhet\n\nThe number has climbed to 9,200 since Tuesday, officials said.',
    ['6500 forced_to_flee', '9200 forced_to_flee'],
  ],
  // A paragraph of several sentences hands nothing on past its end.
  [
    'Some 31,000 people are staying in evacuation centres. Roads remain closed.\n\nOfficials said the figure had risen from 18,000 on Sunday.',
    ['31000 sheltered'],
  ],
  // Nor does a sentence that ends on deaths.
  [
    'Some 31,000 people are staying in evacuation centres, and 12 people were killed.\n\nOfficials said the number was 9 on Sunday.',
    ['31000 sheltered'],
  ],
  // A count head that names its own term keeps it.
  [
    'About 2,000 families have returned to the town.\n\nThe total number of evacuees is now around 14,000.',
    ['14000 evacuated', '2000 returns'],
  ],
];

for (const [text, facts] of CASES) test(`reads ${facts.join(', ')} in: ${text}`, () => assert.deepEqual(terms(text), facts));
