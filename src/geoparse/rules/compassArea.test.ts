import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoparse } from '../index.js';
import { compassArea } from './compassArea.js';
import { choice, entry, mention } from './test-cases.js';

const names = (text: string) => geoparse(text).places.map((p) => `${p.name}/${p.country}`);

test('compass words of a French text about Madagascar are directions, not areas of Haiti or Burkina Faso', () => {
  const got = names(
    "Le cyclone a touché 9 517 ménages, principalement à l'Ouest, au Sud-Ouest et au Sud de l'île de " +
      'Madagascar, entre Morondava et Ihosy.',
  );
  assert.ok(got.includes('Morondava/MDG'), got.join(', '));
  assert.deepEqual(
    got.filter((n) => /^(Ouest|Sud|Sud-Ouest)\//.test(n)),
    [],
  );
});

test("Haiti's departments stay where the text is about Haiti", () => {
  const got = names(
    'Les pluies ont frappé le Sud et la Grand’Anse ; à Port-au-Prince, 2 000 familles ont fui.',
  );
  assert.ok(got.includes('Sud/HTI'), got.join(', '));
});

test('the rule: a compass word is an area only with support for its country', () => {
  const compass = mention({ compass: true });
  const area = entry({ name: 'Ouest', country: 'HT', kind: 'admin1', population: 3_000_000 });
  const base = { mention: compass, mentions: [compass], entry: area };
  assert.match(compassArea.reject(choice(base)) ?? '', /compass/);
  assert.equal(compassArea.reject(choice({ ...base, countryShare: 0.5 })), null);
  assert.equal(compassArea.reject(choice({ ...base, parts: { prior: 8, state: 2.5 } })), null);
  // One place nearby is not enough: it may be a look-alike itself.
  assert.ok(compassArea.reject(choice({ ...base, parts: { prior: 8, near: 1.5, nearKm: 80 } })));
  assert.equal(compassArea.reject(choice({ ...base, contained: true })), null);
  // Not a compass word: left to the other rules.
  assert.equal(compassArea.reject(choice({ entry: area })), null);
});

test("a translated name of a compass area ('Distrito Central') needs its country in the text too", () => {
  const got = names('Las lluvias en Tegucigalpa dejaron daños: en el Distrito Central hay 87 viviendas dañadas.');
  assert.ok(got.includes('Tegucigalpa/HND'), got.join(', '));
  assert.deepEqual(
    got.filter((n) => n.startsWith('Distrito Central/')),
    [],
  );
  // Where the text is about that country, the area stays.
  assert.ok(names('Cohetes cayeron en el Distrito Central de Israel, cerca de Tel Aviv.').includes('Distrito Central/ISR'));
});
