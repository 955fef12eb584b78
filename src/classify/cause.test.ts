// Cause and hazard rows: sentences written for these tests (not taken from any corpus).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cause, Hazard } from '../types.js';
import { causeOf, classify } from './index.js';

const rows: Array<[string, Cause | null, Hazard | null]> = [
  ['Thousands fled the fighting between government forces and rebels.', 'conflict', null],
  ['Airstrikes on the town forced families to leave.', 'conflict', null],
  ['Gunmen attacked the village at night and burned the market.', 'conflict', null],
  ['Police evacuated the building after a bomb threat.', 'conflict', null],
  ['Floodwaters forced 2,000 people from their homes.', 'disaster', 'flood'],
  ['The typhoon destroyed 500 houses on the island.', 'disaster', 'storm'],
  ['A magnitude 6.1 earthquake flattened the village.', 'disaster', 'earthquake'],
  ['Mudslides buried 30 homes after days of rain.', 'disaster', 'landslide'],
  ['The bushfire forced residents to evacuate.', 'disaster', 'wildfire'],
  ['Prolonged drought pushed herders to leave their land.', 'disaster', 'drought'],
  ['The volcano erupted and 5,000 villagers were evacuated.', 'disaster', 'volcano'],
  ['A severe cold wave left hundreds of families without shelter.', 'disaster', 'extreme_temperature'],
  ['Authorities demolished 200 homes to make way for a highway development project.', 'other', null],
  ['Over 300 families were evicted from the informal settlement.', 'other', null],
  ['Las lluvias torrenciales provocaron inundaciones en tres provincias.', 'disaster', 'flood'],
  ['Los enfrentamientos entre grupos armados obligaron a huir a 400 familias.', 'conflict', null],
  ['Un glissement de terrain a détruit 40 maisons.', 'disaster', 'landslide'],
  ['Les affrontements entre milices ont provoqué le déplacement de milliers de personnes.', 'conflict', null],
  ['The meeting was held on Tuesday.', null, null],
  ['Some 2,000 people were displaced.', null, null],
];

for (const [text, cause, hazard] of rows) {
  test(`causeOf: ${text}`, () => {
    const r = causeOf(text);
    assert.equal(r.cause, cause);
    assert.equal(r.hazard, hazard);
    if (cause) {
      assert.ok(r.evidence && text.includes(r.evidence), `evidence ${r.evidence}`);
    } else assert.equal(r.evidence, null);
  });
}

test('causeOf gives the strongest cue as evidence, as written', () => {
  assert.equal(causeOf('Floodwaters forced 2,000 people from their homes.').evidence, 'Floodwaters');
});

test('when both appear, the cause next to the displacement wins', () => {
  const flood =
    'Despite the long conflict in the region, it was the floods that displaced 10,000 people this month.';
  assert.equal(causeOf(flood).cause, 'disaster');
  const doc =
    'The region has suffered from drought for years and harvests were poor. ' +
    'Last week, clashes between militias forced 3,000 people to flee their homes.';
  const c = classify({ text: doc });
  assert.equal(c.cause, 'conflict');
  assert.equal(c.hazard, null);
});

test('a named hazard wins over generic disaster words', () => {
  const c = classify({
    text: 'The disaster management agency said the disaster response was under way after the cyclone destroyed homes.',
  });
  assert.equal(c.cause, 'disaster');
  assert.equal(c.hazard, 'storm');
});

test('soldiers helping in a flood do not make it a conflict', () => {
  const c = classify({
    text: 'Soldiers and police helped evacuate 1,200 residents as the river flooded the lower town; the floodwaters are still rising.',
  });
  assert.equal(c.cause, 'disaster');
  assert.equal(c.hazard, 'flood');
});

test('gunfire is conflict, a forest fire is a wildfire', () => {
  assert.equal(causeOf('Troops opened fire on the crowd and hundreds fled.').cause, 'conflict');
  assert.equal(causeOf('A forest fire forced hundreds to flee.').hazard, 'wildfire');
});

// Words that name a cause in one sense and not in another must not decide the cause.
const metaphors: Array<[string, Cause | null]> = [
  ['She suffered a heart attack while packing her car.', null],
  ['The report contained new figures on school enrolment.', null],
  ['Volunteers are battling the floods with sandbags.', 'disaster'],
  ['Firefighters were fighting the fire through the night.', 'disaster'],
  ['Military helicopters airlifted stranded villagers after the floods.', 'disaster'],
  ['A price war broke out between the two supermarket chains.', null],
];

for (const [text, cause] of metaphors) {
  test(`not fooled: ${text}`, () => {
    assert.equal(causeOf(text).cause, cause);
  });
}
