import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoparse } from '../index.js';
import { containedElsewhere } from './containedElsewhere.js';
import { choice, entry } from './test-cases.js';

const names = (text: string) => geoparse(text).places.map((p) => `${p.name}/${p.country}`);

test('a town said to lie in a much bigger town of another country is not the namesake abroad', () => {
  const got = names('A fire destroyed 300 shacks in Joe Slovo settlement in Langa, Cape Town on Saturday.');
  assert.ok(got.includes('Cape Town/ZAF'), got.join(', '));
  assert.ok(!got.some((n) => n.startsWith('Langa/')), got.join(', '));
});

test('a first name after a comma is no area containing the town: "El Hoyo, César Salamín"', () => {
  const got = names(
    'El intendente de El Hoyo, César Salamín, confirmó que las llamas destruyeron diez viviendas.',
  );
  assert.ok(got.includes('El Hoyo/ARG'), got.join(', '));
});

test('towns listed with commas are equals: none contains the next', () => {
  const got = names('Flights resumed between Paris, London and Berlin on Monday.');
  for (const want of ['Paris/FRA', 'London/GBR', 'Berlin/DEU']) assert.ok(got.includes(want), got.join(', '));
});

test('the rule: a town in another country or in a much bigger town there, not after an area', () => {
  const small = entry({ name: 'Langa', country: 'DK', kind: 'city', population: 2811 });
  const city = (country: string, population: number) =>
    entry({ name: 'C', country, kind: 'city', population });
  assert.match(
    containedElsewhere.reject(choice({ entry: small, containers: [city('ZA', 3_400_000)] })) ?? '',
    /another country/,
  );
  assert.equal(
    containedElsewhere.reject(choice({ entry: small, containers: [city('DK', 3_400_000)] })),
    null,
  );
  assert.equal(containedElsewhere.reject(choice({ entry: small, containers: [city('ZA', 20_000)] })), null);
  const country = entry({ name: 'Ethiopia', country: 'ET', kind: 'country', population: 0 });
  assert.ok(containedElsewhere.reject(choice({ entry: small, containers: [country] })));
  const area = entry({ name: 'Cesar', country: 'CO', kind: 'admin1', population: 0 });
  assert.equal(containedElsewhere.reject(choice({ entry: small, containers: [area] })), null);
  // An area itself is left to the other rules.
  assert.equal(
    containedElsewhere.reject(choice({ entry: { ...area, country: 'FR' }, containers: [country] })),
    null,
  );
});
