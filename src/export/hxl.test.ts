// The CSV export read back the way HXL tools read it (src/export/test-hxlReader.ts, libhxl's
// rules): every column carries a well-formed hashtag, and sums over people columns add up
// people only, once each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGazetteer, type GazetteerEntry } from '../geoparse/gazetteer.js';
import { TERMS } from '../types.js';
import { admin1Coder } from './admin1Code.js';
import { exportFacts } from './formats.js';
import { exportColumns, PEOPLE_TERMS } from './hxl.js';
import { collectText, factItem as item, factStream as from } from './test-facts.js';
import { matches, parseHashtag, readHxl, sum, values } from './test-hxlReader.js';

// Two sources on one displacement, a household count, houses and a vague figure.
const FACTS = [
  item({ id: 1, term: 'displaced', figure: 190000, people: { count: 190000, household_size: null } }),
  item({ id: 2, term: 'evacuated', figure: 2500, people: { count: 2500, household_size: null } }),
  item({
    id: 3,
    term: 'displaced',
    figure: 300,
    unit: 'households',
    people: { count: 1500, household_size: 5 },
  }),
  item({
    id: 4,
    term: 'destroyed_housing',
    figure: 1200,
    unit: 'households',
    people: { count: 6000, household_size: 5 },
  }),
  item({ id: 5, term: 'displaced', figure: null, vague: 'hundreds', people: null }),
  item({ id: 6, term: 'in_relief_camp', figure: 40, people: { count: 40, household_size: null } }),
  item({
    id: 7,
    term: 'refugees',
    figure: 20000,
    people: { count: 20000, household_size: null },
    admin1: null,
  }),
];

async function exported(terms?: (typeof TERMS)[number][]) {
  return readHxl(await collectText(exportFacts(from(FACTS), 'csv', { terms })));
}

test('reader: libhxl tag and pattern rules', () => {
  assert.deepEqual(parseHashtag(' #Affected +IDPs+ind '), {
    tag: '#affected',
    attributes: new Set(['idps', 'ind']),
  });
  assert.equal(parseHashtag('#affected+'), null);
  assert.equal(parseHashtag('#1st'), null);
  assert.equal(parseHashtag('affected'), null);
  const c = { header: '', tag: '#affected', attributes: new Set(['displaced', 'hh']) };
  assert.ok(matches('#affected', c));
  assert.ok(matches('#affected+displaced', c));
  assert.ok(!matches('#affected+ind', c));
  assert.ok(!matches('#affected-hh', c));
  assert.ok(!matches('#indicator', c));
});

test('every column has a well-formed hashtag and its header; the tags are the documented ones', async () => {
  const data = await exported();
  const cols = exportColumns();
  assert.equal(data.columns.length, cols.length);
  data.columns.forEach((c, i) => {
    assert.equal(c.header, cols[i]!.header);
    assert.ok(c.tag, `column ${c.header} has a hashtag`);
  });
  const tagOf = (h: string) => cols.find((c) => c.header === h)!.tag;
  assert.equal(tagOf('figure'), '#indicator+num');
  assert.equal(tagOf('vague'), '#indicator+text');
  assert.equal(tagOf('hazard'), '#event+type');
  assert.equal(tagOf('published'), '#date+reported');
  assert.equal(tagOf('admin1_code'), '#adm1+code');
  assert.equal(tagOf('people_in_relief_camp'), '#affected+incamp+ind');
  assert.equal(tagOf('households_displaced'), '#affected+displaced+hh');
  assert.equal(new Set(cols.map((c) => c.tag)).size, cols.length, 'no two columns share a hashtag');
});

test('a sum over a people column adds that term’s people only, households converted, houses never', async () => {
  const data = await exported();
  assert.equal(sum(data, '#affected+displaced+ind'), 190000 + 1500, '300 households as 1,500 people');
  assert.equal(sum(data, '#affected+evacuated+ind'), 2500);
  assert.equal(sum(data, '#affected+incamp+ind'), 40);
  // Every people column together: each fact counted once, houses (id 4) and vague figures not at all.
  assert.equal(sum(data, '#affected+ind'), 190000 + 2500 + 1500 + 40 + 20000);
  assert.equal(sum(data, '#affected+hh'), 300, 'households stay households');
  // The raw figure is no #affected column: summing #affected-hh does not count a figure twice.
  assert.equal(sum(data, '#affected-hh'), sum(data, '#affected+ind'));
  // Houses appear only as the raw figure of their row, in houses.
  const houses = data.rows.find((r) => r[0] === '4')!;
  const unit = data.columns.findIndex((c) => matches('#indicator+unit', c));
  assert.equal(houses[unit], 'houses');
  assert.deepEqual(values(data, '#affected')[3], [], 'no #affected cell on a housing row');
});

test('each row fills at most one people and one households cell; vague words sit in #indicator+text, never in a number column', async () => {
  const data = await exported();
  // As in DTM's and IDMC's HDX datasets, a household count may sit beside its people estimate
  // (+hh beside +ind); within each of the two, a row fills one cell at most.
  for (const unit of ['+ind', '+hh'])
    for (const [i, cells] of values(data, `#affected${unit}`).entries())
      assert.ok(cells.length <= 1, `row ${i + 1} counts under ${cells.length} #affected${unit} columns`);
  const vague = data.rows.findIndex((r) => r[0] === '5');
  assert.deepEqual(values(data, '#indicator+text')[vague], ['hundreds']);
  assert.deepEqual(values(data, '#indicator+num')[vague], []);
  for (const pattern of ['#affected', '#indicator+num', '#geo', '#meta+confidence'])
    for (const cell of values(data, pattern).flat())
      assert.ok(Number.isFinite(Number(cell)), `${pattern} holds a number, not ${JSON.stringify(cell)}`);
  for (const cell of values(data, '#date').flat()) assert.match(cell, /^\d{4}-\d{2}-\d{2}/);
  for (const cell of values(data, '#country+code').flat()) assert.match(cell, /^[A-Z]{3}$/);
});

test('an export filtered to some terms has people columns for those terms only', async () => {
  const data = await exported(['displaced', 'destroyed_housing']);
  const people = data.columns.filter((c) => matches('#affected+ind', c)).map((c) => c.header);
  assert.deepEqual(people, ['people_displaced']);
  assert.equal(PEOPLE_TERMS.includes('destroyed_housing'), false);
});

test('#adm1+code: the GeoNames admin1 code of the area, from the gazetteer', async () => {
  const entry = (over: Partial<GazetteerEntry>): GazetteerEntry => ({
    id: 1,
    kind: 'admin1',
    featureCode: 'ADM1',
    name: 'Bicol',
    lat: 13,
    lon: 123,
    country: 'PH',
    admin1: '05',
    population: 1,
    ...over,
  });
  const gaz = createGazetteer([
    { entry: entry({}) },
    { entry: entry({ id: 2, name: 'Nineveh', country: 'IQ', admin1: '15' }) },
  ]);
  const code = admin1Coder(() => gaz);
  assert.equal(code('PHL', 'Bicol'), 'PH.05');
  assert.equal(code('IRQ', 'Nineveh'), 'IQ.15');
  assert.equal(code('SYR', 'Nineveh'), null, 'same name in another country: no code');
  assert.equal(code('PHL', null), null);
  const data = readHxl(await collectText(exportFacts(from(FACTS), 'csv', { admin1Code: code })));
  assert.deepEqual(values(data, '#adm1+code')[0], ['PH.05']);
  assert.deepEqual(values(data, '#adm1+code')[6], [], 'a fact without an area has no code');
});
