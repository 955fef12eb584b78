import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoparse } from '../index.js';
import { strayTown } from './strayTown.js';
import { choice, entry } from './test-cases.js';

const names = (text: string) => geoparse(text).places.map((p) => `${p.name}/${p.country}`);

test('a village abroad that a text about El Salvador names among its own places is left out', () => {
  const got = names(
    'Las lluvias en El Salvador obligaron a evacuar a 40 familias de Acajutla, Sonsonate, y a otras 21 ' +
      'personas de la playa El Tamarindo, en Conchagua, La Unión.',
  );
  assert.ok(got.includes('Acajutla/SLV'), got.join(', '));
  assert.ok(!got.some((n) => n.startsWith('El Tamarindo/')), got.join(', '));
});

test('a big town abroad stays: a Syrian text may name Gaziantep without naming Turkey', () => {
  const got = names('Families fled Aleppo and Idlib; some 3,000 reached Gaziantep by Friday.');
  assert.ok(got.includes('Gaziantep/TUR'), got.join(', '));
});

test('the rule: a small town whose country has no other vote, far from the rest, in a text about another', () => {
  const town = entry({ name: 'T', country: 'MX', kind: 'city', population: 1548 });
  const lead = { key: 'SV', share: 0.9, weight: 8 };
  assert.match(strayTown.reject(choice({ entry: town, leadingCountry: lead })) ?? '', /abroad/);
  // Its country has some other vote, or the rest of the text is split or thin.
  assert.equal(strayTown.reject(choice({ entry: town, leadingCountry: lead, countryShare: 0.05 })), null);
  assert.equal(strayTown.reject(choice({ entry: town, leadingCountry: { ...lead, share: 0.6 } })), null);
  assert.equal(strayTown.reject(choice({ entry: town, leadingCountry: { ...lead, weight: 1 } })), null);
  assert.equal(strayTown.reject(choice({ entry: town, leadingCountry: null })), null);
  // Near another place named, inside a state named, or said to lie in a bigger name.
  assert.equal(
    strayTown.reject(
      choice({ entry: town, leadingCountry: lead, parts: { prior: 3, near: 1.7, nearKm: 40 } }),
    ),
    null,
  );
  assert.equal(
    strayTown.reject(choice({ entry: town, leadingCountry: lead, parts: { prior: 3, state: 2.5 } })),
    null,
  );
  assert.equal(strayTown.reject(choice({ entry: town, leadingCountry: lead, contained: true })), null);
  // Big towns and areas are named on purpose.
  assert.equal(
    strayTown.reject(choice({ entry: { ...town, population: 2_000_000 }, leadingCountry: lead })),
    null,
  );
  assert.equal(strayTown.reject(choice({ entry: { ...town, kind: 'admin1' }, leadingCountry: lead })), null);
});
