import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createGazetteer, geoparse, placesForSpan, type GazetteerEntry } from './index.js';

interface FixtureEntry extends GazetteerEntry {
  alternates?: string[];
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/tiny-gazetteer.json', import.meta.url), 'utf8'),
) as { entries: FixtureEntry[] };
const gazetteer = createGazetteer(
  fixture.entries.map(({ alternates, ...entry }) => ({ entry, alternates: alternates ?? [] })),
);

/** The fact's sentence is the one containing `marker`. */
function placesOf(text: string, marker: string) {
  const at = text.indexOf(marker);
  const start = Math.max(0, text.lastIndexOf('. ', at) + 2);
  const stop = text.indexOf('.', at);
  const r = geoparse(text, { gazetteer });
  return placesForSpan(text, r, [start, stop < 0 ? text.length : stop + 1]);
}

test('places in the sentence come first, most specific first', () => {
  const p = placesOf('In Iraq, 190,000 people fled Mosul.', '190,000');
  assert.deepEqual(
    p.locations.map((l) => l.name),
    ['Mosul', 'Iraq'],
  );
  assert.equal(p.country, 'IRQ');
});

test('without a place in the sentence, the nearest earlier one in the paragraph', () => {
  const p = placesOf('Floods struck Erbil on Monday. Some 4,000 families were evacuated.', '4,000');
  assert.deepEqual(
    p.locations.map((l) => l.name),
    ['Erbil'],
  );
});

test('in a report under country headings, the heading of its section', () => {
  const text =
    'SYRIA\n\nHeavy rain flooded several camps this week.\n\nMore than 8,000 people were evacuated.\n\n' +
    'JORDAN\n\nStorms damaged roads in Amman and Irbid and 300 families were displaced.';
  const p = placesOf(text, '8,000');
  assert.deepEqual(
    p.locations.map((l) => l.name),
    ['SYRIA'],
  );
  assert.equal(p.country, 'SYR');
});

test('demonyms give the country, never a location', () => {
  const p = placesOf('Iraqi officials said 300 homes were destroyed.', '300');
  assert.deepEqual(p.locations, []);
  assert.equal(p.country, 'IRQ');
});

test('no place anywhere: no location and no country', () => {
  const p = placesOf('About 500 people were displaced by the storm.', '500');
  assert.deepEqual(p, { locations: [], country: null });
});

test('no place, but cue words: the country they point to', () => {
  const p = placesOf('The NDRRMC said 500 families in two barangays were evacuated.', '500');
  assert.deepEqual(p, { locations: [], country: 'PHL' });
});

test('a place named in the text outweighs cue words', () => {
  const p = placesOf('In Mosul, 500 families from two barangays were evacuated.', '500');
  assert.equal(p.country, 'IRQ');
});

test('a text naming only its country locates the figure there, at its first mention', () => {
  const text =
    'Heavy rain hit Iraq again this week.\n\nOfficials met on Monday. They said 2,300 families had been evacuated.';
  const p = placesOf(text, '2,300');
  assert.deepEqual(
    p.locations.map((l) => [l.name, l.start]),
    [['Iraq', text.indexOf('Iraq')]],
  );
  assert.equal(p.country, 'IRQ');
});

test('a dateline abroad does not locate the figures of a text about another country', () => {
  const text =
    'London, 5 May (UN) - Some 4,000 families were displaced this week. Most had fled Mosul and Erbil.';
  const p = placesOf(text, '4,000');
  assert.ok(!p.locations.some((l) => l.name === 'London'), p.locations.map((l) => l.name).join(', '));
  assert.equal(p.country, 'IRQ');
  // A dateline in the text's own country stays.
  const home = placesOf('Mosul, 5 May (UN) - Some 4,000 families were displaced this week.', '4,000');
  assert.deepEqual(
    home.locations.map((l) => l.name),
    ['Mosul'],
  );
});

test('where news was given or an agency sits is no place of the figure', () => {
  const briefing = placesOf(
    'Fighting in Mosul went on. About 3,000 fled, a spokesman told reporters in London.',
    '3,000',
  );
  assert.deepEqual(
    briefing.locations.map((l) => l.name),
    ['Mosul'],
  );
  const based = placesOf(
    'Fighting in Mosul went on. About 3,000 fled, the London-based agency said.',
    '3,000',
  );
  assert.deepEqual(
    based.locations.map((l) => l.name),
    ['Mosul'],
  );
});
