import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FactListItem } from '../store/index.js';
import { exportFacts } from './formats.js';
import { TERM_TAGS } from './hxl.js';

function item(over: Partial<FactListItem> = {}): FactListItem {
  return {
    id: 1,
    article_id: 9,
    term: 'evacuated',
    figure: 2500,
    qualifier: 'approximately',
    unit: 'people',
    people: { count: 2500, household_size: null },
    cause: 'disaster',
    hazard: 'storm',
    country: 'PHL',
    admin1: 'Bicol',
    location: { name: 'Legazpi', lat: 13.14, lon: 123.74 },
    date: null,
    fact_date: '2024-10-20',
    stock_or_flow: 'flow',
    span: [0, 10],
    quantity_span: [0, 4],
    term_span: [5, 10],
    evidence: 'About 2,500 people were evacuated, "officials" said',
    confidence: 0.8,
    reason: 'test',
    implied: [],
    extractor_version: 't',
    article: {
      url: 'https://news.example.org/x',
      title: 'Storm',
      published: '2024-10-21',
      source: 'news.example.org',
    },
    ...over,
  };
}

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let s = '';
  for await (const c of gen) s += c;
  return s;
}

async function* from(items: FactListItem[]) {
  yield* items;
}

test('CSV: header, HXL row with the term tag, quoting, formula cells neutralised', async () => {
  const csv = await collect(
    exportFacts(from([item(), item({ id: 2, evidence: '=HYPERLINK("http://x")', location: null })]), 'csv', {
      term: 'evacuated',
    }),
  );
  const lines = csv.split('\r\n');
  assert.match(lines[1]!, new RegExp(TERM_TAGS.evacuated.replace(/\+/g, '\\+')));
  assert.match(lines[2]!, /"About 2,500 people were evacuated, ""officials"" said"/);
  assert.match(lines[3]!, /,"'=HYPERLINK\(""http:\/\/x""\)",/);
  assert.equal(lines[3]!.split(',')[3], '', 'no location: empty cells');
});

test('GeoJSON: a valid FeatureCollection; facts without coordinates have null geometry', async () => {
  const doc = JSON.parse(
    await collect(exportFacts(from([item(), item({ id: 2, location: null })]), 'geojson')),
  );
  assert.equal(doc.type, 'FeatureCollection');
  assert.deepEqual(doc.features[0].geometry, { type: 'Point', coordinates: [123.74, 13.14] });
  assert.equal(doc.features[1].geometry, null);
  assert.equal(doc.features[0].properties.country, 'PHL');
  const empty = JSON.parse(await collect(exportFacts(from([]), 'geojson')));
  assert.deepEqual(empty.features, []);
});

test('JSONL: one object per line', async () => {
  const lines = (await collect(exportFacts(from([item(), item({ id: 2 })]), 'jsonl'))).trim().split('\n');
  assert.equal(lines.length, 2);
  assert.equal(JSON.parse(lines[1]!).id, 2);
});
