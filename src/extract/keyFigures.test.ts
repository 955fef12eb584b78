// Key-figure boxes: which way a box reads, which labels give a term, and that the sentence
// reader's guesses about a box's numbers give way. Boxes written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './index.js';
import { readKeyFigures } from './keyFigures.js';
import { loadLexicon } from './lexicon.js';

const facts = (text: string, lang = 'en') =>
  extract({ text, published: '2024-05-10', lang })
    .facts.filter((f) => f.figure !== null)
    .map((f) => `${f.term} ${f.figure} ${f.unit}`)
    .sort();

test('numbers above their labels, blank lines between, a heading first', () => {
  const text =
    'SITUATION OVERVIEW\n\n27\n\nDEATHS\n\n310\n\nPEOPLE INJURED\n\n18,460\n\nPEOPLE DISPLACED\n\n2,905\n\nHOUSES DESTROYED';
  assert.deepEqual(facts(text), ['destroyed_housing 2905 households', 'displaced 18460 people']);
});

test('labels above their numbers, one line each', () => {
  const text =
    'Key figures\nPeople displaced\n45,200\nPeople in evacuation centres\n9,870\nHouses damaged\n1,420';
  assert.deepEqual(facts(text), [
    'displaced 45200 people',
    'partially_destroyed_housing 1420 households',
    'sheltered 9870 people',
  ]);
});

test('a Spanish box with its labels above, houses of relatives counting people', () => {
  const text =
    'RESUMEN\n\nPersonas evacuadas a albergues temporales\n\n860\n\nPersonas evacuadas a casas de familiares\n\n2140\n\nTotal de familias evacuadas.\n\n740';
  assert.deepEqual(facts(text, 'es'), [
    'evacuated 740 households',
    'sheltered 2140 people',
    'sheltered 860 people',
  ]);
});

test('a label whose last word blocks gives nothing: aid, deaths, the affected', () => {
  const text = '1,250\n\nfood parcels distributed across camps affected\n\n3,400\n\nPEOPLE AFFECTED';
  assert.deepEqual(facts(text), []);
});

test('a run that starts and ends on numbers is left to the sentences', () => {
  const lex = loadLexicon('en');
  const { facts: read, claimed } = readKeyFigures('120\nfamilies displaced\n300', lex);
  assert.deepEqual(read, []);
  assert.equal(claimed.size, 0);
});

test('a prose line or a label with digits breaks the run', () => {
  const lex = loadLexicon('en');
  const text =
    '4,100\nPEOPLE DISPLACED\nThe floods also cut the main road to the coast for a week or more.\n600\nHOUSES DESTROYED';
  assert.deepEqual(readKeyFigures(text, lex).facts, []);
  assert.deepEqual(readKeyFigures('3,000\nDisplaced since 1 May\n1,200\nIn 14 camps', lex).facts, []);
});

test('a number with a sign before it is claimed where its digits start', () => {
  const lex = loadLexicon('en');
  const text = 'Overview\n> 1,200\nPEOPLE DISPLACED\n+ 300\nHOUSES DESTROYED';
  const { facts: read, claimed } = readKeyFigures(text, lex);
  assert.deepEqual(
    [...claimed].sort((a, b) => a - b),
    [text.indexOf('1,200'), text.indexOf('300')],
  );
  assert.deepEqual(
    read.map((f) => `${f.term} ${f.figure} ${f.qualifier}`),
    ['displaced 1200 more_than', 'destroyed_housing 300 more_than'],
  );
});

test('dashboard abbreviations, labels dated and wrapped over lines', () => {
  const text =
    'KEY FIGURES\n\n1.4M\n\nPeople internally displaced by the conflict within the country as of 30 September 2023\n\n' +
    '86,250\n\nRefugees and asylum-seekers\nfrom the neighbouring country\nsince 1 March 2022\n\n' +
    '12.5K\n\nHouses destroyed in the\nearthquake-hit districts';
  assert.deepEqual(facts(text), [
    'destroyed_housing 12500 households',
    'displaced 1400000 people',
    'refugees 86250 people',
  ]);
});

test('digits other than a date keep a line out of a box', () => {
  const lex = loadLexicon('en');
  const box = readKeyFigures('KEY FIGURES\n\n3,200\n\nPeople displaced in 14 districts\n\n900\n\nPeople evacuated', lex);
  assert.equal(box.facts.length, 0);
});

test('numbers written with a scale word, fractions of a million among them', () => {
  const text =
    'KEY FIGURES\n\n4.1 million\n\nPeople in need\n\n0.312 million\n\nTotal number of IDPs\n\n0.58 million\n\n' +
    'Total number of returnees\n\n35 thousand\n\nHouses damaged';
  assert.deepEqual(facts(text), [
    'displaced 312000 people',
    'partially_destroyed_housing 35000 households',
    'returns 580000 people',
  ]);
  const lex = loadLexicon('en');
  const box = readKeyFigures(text, lex);
  const idps = box.facts.find((f) => f.figure === 312000)!;
  assert.equal(text.slice(...idps.quantity_span!), '0.312 million');
});

test('numbers side by side over their labels, a count of centres left out', () => {
  const text =
    'Typhoon Situation Report No. 4\n\n1.6 million 41 126,400 212 8,730\n' +
    'Affected people Deaths Displaced people Evacuation centres Houses destroyed\n\nThe typhoon made landfall on Sunday.';
  assert.deepEqual(facts(text), ['destroyed_housing 8730 households', 'displaced 126400 people']);
});

test('labels side by side over their numbers, dashboard suffixes among them', () => {
  const text = 'Flash update\nPeople in need Newly displaced Returnees Houses damaged\n2.1M 84K 12,300 >4,500\nFighting continues.';
  assert.deepEqual(facts(text), [
    'displaced 84000 people',
    'partially_destroyed_housing 4500 households',
    'returns 12300 people',
  ]);
});

test('labels that do not split into one per number are no row of key figures', () => {
  const lex = loadLexicon('en');
  const rows = readKeyFigures('Figures by year\n2019 2020 2021\nDisplaced People Returned Home\n', lex);
  assert.equal(rows.facts.length, 0);
  const mixed = readKeyFigures('12,000 3,400 950\nPeople displaced in Kachin State and Shan State\n', lex);
  assert.equal(mixed.facts.length, 0);
});

test('a row of key figures run into the text by extraction, after a sentence', () => {
  const text =
    'Map data: national disaster agency. Boundaries are not endorsed. 512,000 18 64,210 1,940 ' +
    'Affected people Deaths People displaced Houses destroyed Situation Overview Heavy rains continued for a week.';
  assert.deepEqual(facts(text), ['destroyed_housing 1940 households', 'displaced 64210 people']);
  // Not inside a sentence: "the toll stood at 12 40 55 Deaths …" opens no row.
  const lex = loadLexicon('en');
  assert.equal(readKeyFigures('Figures from 12 40 55 People displaced Houses destroyed Returnees', lex).facts.length, 0);
});
