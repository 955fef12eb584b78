import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createGazetteer, geoparse, type GazetteerEntry } from './index.js';

interface FixtureEntry extends GazetteerEntry {
  alternates?: string[];
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/tiny-gazetteer.json', import.meta.url), 'utf8'),
) as { entries: FixtureEntry[] };
const gazetteer = createGazetteer(
  fixture.entries.map(({ alternates, ...entry }) => ({ entry, alternates: alternates ?? [] })),
);
const parse = (text: string) => geoparse(text, { gazetteer });
const names = (text: string) => parse(text).places.map((p) => `${p.name}=${p.geonameId ?? p.kind}`);

// Positive rows: text → the places expected, as "span text=GeoNames id".
const POSITIVE: [string, string[]][] = [
  ['About 190,000 people fled Mosul, Nineveh, last year.', ['Mosul=99072', 'Nineveh=92877']],
  ['Flooding hit Green Bay, Wisconsin on Monday.', ['Green Bay=5254962', 'Wisconsin=4923670']],
  ['Fighting in northern Syria displaced thousands.', ['Syria=163843']],
  ['Shelling near Khan Younis forced families out.', ['Khan Younis=281133']],
  ['Families from Khān Yūnis sheltered in schools.', ['Khān Yūnis=281133']],
  ['Clashes spread across Nineveh governorate.', ['Nineveh governorate=92877']],
  ['Rain flooded roads in Erbil and Nineveh provinces.', ['Erbil=95445', 'Nineveh=92877']],
  ['Aid reached the camps (near Aleppo) by truck.', ['Aleppo=170063']],
  ['Displacement in Darfur and across Africa rose.', ['Darfur=region', 'Africa=6255146']],
  ['Officials in Atlanta said storms hit Georgia hard.', ['Atlanta=4180439', 'Georgia=4197000']],
  [
    'The Rapides Parish sheriff said Alexandria flooded, and Louisiana declared an emergency.',
    ['Rapides Parish=admin2', 'Alexandria=4314550', 'Louisiana=4331987'],
  ],
  ['Storm damage in Mobile, Alabama closed the port.', ['Mobile=4076598', 'Alabama=4829764']],
  [
    'Residents of the U.S. capital, Washington, were told to stay home.',
    ['U.S.=6252001', 'Washington=4140963'],
  ],
  // An Arabic name whose apostrophe precedes a lower-case part is one name, not the town before it.
  ["Some 232 families in Ta'izz were displaced.", ["Ta'izz=70225"]],
];

// Negative rows: look-alikes that must not become places.
const NEGATIVE: [string, string][] = [
  ['Of the 300 families, most returned.', 'Of'],
  ['The bar was closed after the flood.', 'Bar'],
  ['People used mobile phones to call for help; Mobile coverage was poor.', 'Mobile'],
  ['Reading the report, officials were alarmed.', 'Reading'],
  ['Michael Jordan visited the shelter.', 'Jordan'],
  ['President George Washington was mentioned in the speech.', 'Washington'],
  ['Kristina Jones runs the shelter. Jones said 40 families arrived.', 'Jones'],
  ['A car driven by Atlanta Jones, 45, left the road.', 'Jones'],
  ['Officers found Jones unharmed near the river.', 'Jones'],
  ['Georgia Stevens, 9, won the skating prize. Georgia trains daily.', 'Georgia'],
  ['A car driven by Atlanta Jones, 45, left the road.', 'Atlanta'],
  ['Parades on St. Paris’s Day drew crowds.', 'Paris'],
  ['The Mount (Mt.) Merapi eruption displaced thousands.', 'Mt'],
];

for (const [text, expected] of POSITIVE) {
  test(`finds ${expected.join(', ')} in: ${text}`, () => {
    assert.deepEqual(names(text), expected);
  });
}

for (const [text, word] of NEGATIVE) {
  test(`does not take "${word}" for a place in: ${text}`, () => {
    assert.equal(parse(text).places.filter((p) => p.name === word).length, 0);
  });
}

test('one sense per document: every Paris is the one the context says', () => {
  const r = parse('Paris, Texas was flooded. Later, Paris opened a shelter.');
  const paris = r.places.filter((p) => p.name === 'Paris');
  assert.equal(paris.length, 2);
  assert.ok(paris.every((p) => p.geonameId === 4717560));
});

test('places carry offsets, coordinates, ISO3 country, admin1 and feature class', () => {
  const text = 'Thousands fled Mosul.';
  const [p] = parse(text).places;
  assert.ok(p);
  assert.equal(text.slice(p.start, p.end), 'Mosul');
  assert.equal(p.name, 'Mosul');
  assert.equal(p.country, 'IRQ');
  assert.equal(p.admin1, 'Nineveh');
  assert.equal(p.featureClass, 'P');
  assert.equal(p.kind, 'city');
  assert.ok(Math.abs((p.lat ?? 0) - 36.335) < 0.01 && Math.abs((p.lon ?? 0) - 43.119) < 0.01);
});

test('demonyms and organisations give country context; the demonym is tagged as such', () => {
  const r = parse('The Iraqi Red Crescent distributed tents to 500 families.');
  assert.equal(r.countries[0]?.iso3, 'IRQ');
  assert.ok(r.places.every((p) => p.kind === 'demonym'));
  assert.equal(r.places[0]?.name, 'Iraqi');
});

test('an aid organisation that works abroad names no place and gives no country context', () => {
  for (const text of [
    'The Norwegian Refugee Council distributed tents to 500 families.',
    'The Danish Refugee Council and the Swiss Agency for Development said so.',
  ]) {
    const r = parse(text);
    assert.deepEqual(r.places, [], text);
    assert.deepEqual(r.countries, [], text);
  }
  // The same demonym before people still tells where they are from.
  assert.equal(parse('Some 400 Iraqi families fled.').countries[0]?.iso3, 'IRQ');
});

test('countries are ordered strongest first and sum to one', () => {
  const r = parse('Syrian refugees in Jordan. Aleppo was shelled; Syria denied it. Syria, again.');
  assert.equal(r.countries[0]?.iso3, 'SYR');
  const sum = r.countries.reduce((s, c) => s + c.weight, 0);
  assert.ok(Math.abs(sum - 1) < 0.01);
});

test('debug lists every name found with ranked, scored candidates', () => {
  const r = geoparse('Paris, Texas and Reading the news.', { gazetteer, debug: true });
  assert.ok(r.debug);
  const paris = r.debug.find((m) => m.name === 'Paris');
  assert.ok(paris && paris.accepted && paris.candidates.length === 2);
  assert.ok((paris.candidates[0]?.score ?? 0) >= (paris.candidates[1]?.score ?? 0));
  assert.equal(paris.candidates[0]?.geonameId, 4717560);
  const reading = r.debug.find((m) => m.name === 'Reading');
  assert.ok(reading && !reading.accepted);
});

test('bad input: empty text, no places, non-Latin script', () => {
  assert.deepEqual(parse('').places, []);
  assert.deepEqual(parse('the flood waters rose overnight and 40 homes were lost').places, []);
  const r = parse('نزح آلاف الأشخاص في العراق بسبب الفيضانات');
  assert.equal(r.places[0]?.country, 'IRQ');
});

test('bad input: thousands of capitalised words and a very long document stay linear', () => {
  const caps = Array.from({ length: 5000 }, (_, i) => `Word${i % 97} Mosul Green Bay Of`).join(' ');
  const r = parse(caps);
  assert.ok(r.places.length > 0);
  const long = 'Families fled Mosul, Nineveh after the floods. '.repeat(20000);
  const places = parse(long).places;
  assert.equal(places.length, 40000);
});
