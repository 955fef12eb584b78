import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportFacts } from './formats.js';
import { collectText, factItem as item, factStream as from } from './test-facts.js';

test('CSV: UTF-8 byte order mark, header, HXL row, quoting, formula cells neutralised', async () => {
  const csv = await collectText(
    exportFacts(
      from([
        item({ admin1: 'Ḥalab', location: { name: 'Alep – حلب', lat: 36.2, lon: 37.16 } }),
        item({ id: 2, evidence: '=HYPERLINK("http://x")', location: null }),
      ]),
      'csv',
      { terms: ['evacuated'] },
    ),
  );
  assert.ok(csv.startsWith('\uFEFFid,country,'), 'starts with the BOM, then the header');
  const lines = csv.slice(1).split('\r\n');
  const header = lines[0]!.split(',');
  const tags = lines[1]!.split(',');
  assert.equal(tags[header.indexOf('people_evacuated')], '#affected+evacuated+ind');
  assert.ok(!header.includes('people_displaced'), 'a one-term export has that term’s columns only');
  assert.match(lines[2]!, /Alep – حلب/);
  assert.match(lines[2]!, /"About 2,500 people were evacuated, ""officials"" said"/);
  assert.match(lines[3]!, /,"'=HYPERLINK\(""http:\/\/x""\)",/);
  assert.equal(lines[3]!.split(',')[header.indexOf('location')], '', 'no location: empty cells');
});

test('GeoJSON: a valid FeatureCollection; facts without coordinates have null geometry', async () => {
  const doc = JSON.parse(
    await collectText(exportFacts(from([item(), item({ id: 2, location: null })]), 'geojson')),
  );
  assert.equal(doc.type, 'FeatureCollection');
  assert.deepEqual(doc.features[0].geometry, { type: 'Point', coordinates: [123.74, 13.14] });
  assert.equal(doc.features[1].geometry, null);
  assert.equal(doc.features[0].properties.country, 'PHL');
  const empty = JSON.parse(await collectText(exportFacts(from([]), 'geojson')));
  assert.deepEqual(empty.features, []);
});

test('JSONL: one object per line; housing figures are counted in houses', async () => {
  const lines = (
    await collectText(
      exportFacts(from([item(), item({ id: 2, term: 'destroyed_housing', unit: 'households' })]), 'jsonl'),
    )
  )
    .trim()
    .split('\n');
  assert.equal(lines.length, 2);
  assert.equal(JSON.parse(lines[0]!).unit, 'people');
  assert.equal(JSON.parse(lines[1]!).id, 2);
  assert.equal(JSON.parse(lines[1]!).unit, 'houses');
});
