import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoparse } from './index.js';

const parse = (text: string) => geoparse(text).places;

// Names that are not places here: bylines and family names after particles.
const NOT_PLACES: [string, string][] = [
  ['By Jordan Kenya\nFloods displaced 300 families in the valley.', 'Kenya'],
  ['Reporting by Anna Berlin; Editing by Mark Potter', 'Berlin'],
  ['Commission President Ursula von der Leyen visited the camp.', 'Leyen'],
  ['Crown Prince Mohammed bin Salman met the delegation.', 'Salman'],
];

// Near misses that stay places: a dateline after a byline, a place after a place word.
const PLACES: [string, string][] = [
  ['By Jane Doe\nNAIROBI, Kenya — Floods displaced 300 families.', 'Kenya'],
  ['Fighting spread to the province of Kandahar.', 'Kandahar'],
  ['Aid reached Deir ez-Zor and Raqqa.', 'Raqqa'],
];

for (const [text, name] of NOT_PLACES)
  test(`${name} is no place in: ${text}`, () => assert.ok(!parse(text).some((p) => p.name.includes(name))));
for (const [text, name] of PLACES)
  test(`${name} is a place in: ${text}`, () => assert.ok(parse(text).some((p) => p.name.includes(name))));

test('a place in an organisation name gives context but is marked, so it locates no figure', () => {
  const p = parse('The Kathmandu Post reported that 200 homes were destroyed.').find(
    (x) => x.name === 'Kathmandu',
  );
  assert.equal(p?.organisation, true);
  assert.equal(p?.country, 'NPL');
});

test("an office's title in lower case before 'del' names no place: 'la defensora del Pueblo'", () => {
  const places = geoparse('Lo señaló la defensora del Pueblo en Bogotá.').places;
  const pueblo = places.find((p) => p.name === 'Pueblo');
  assert.ok(!pueblo || pueblo.organisation, JSON.stringify(places));
});
