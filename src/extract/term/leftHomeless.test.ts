// A verb of result before a figure makes the word of homelessness after its noun the people's state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../index.js';

const terms = (text: string, lang = 'en') =>
  [
    ...new Set(
      extract({ text, published: '2024-06-01', lang }, { geoparse: false }).facts.map((f) => `${f.figure} ${f.term}`),
    ),
  ].sort();

const CASES: [text: string, lang: string, facts: string[]][] = [
  ['The blaze swept the settlement, leaving some 7,800 refugees and migrants homeless.', 'en', ['7800 homeless']],
  ['Flames tore through the camp overnight, leaving about 4,300 refugees homeless once more.', 'en', ['4300 homeless']],
  ['The second flood rendered 850 displaced families homeless within a month.', 'en', ['850 homeless']],
  ['El fuego consumió las carpas del asentamiento, dejando a 1.200 refugiados sin techo.', 'es', ['1200 homeless']],
  ['Le glissement de terrain a emporté les abris du site, laissant 640 réfugiés sans abri.', 'fr', ['640 homeless']],
  // No verb of result: the noun says what they are.
  ['About 4,300 refugees were homeless after the fire, officials said.', 'en', ['4300 homeless', '4300 refugees']],
  ['The war has left 3 million refugees in Turkey.', 'en', ['3000000 refugees']],
];

for (const [text, lang, facts] of CASES)
  test(`reads ${facts.join(', ')} in: ${text}`, () => assert.deepEqual(terms(text, lang), facts));
