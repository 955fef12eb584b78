import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoparse } from '../index.js';

const names = (text: string) => geoparse(text).places.map((p) => `${p.name}/${p.country}`);

// Positive rows: a second-level area known by name only, with support.
const POSITIVE: [string, string][] = [
  ['Some 4,000 families fled fighting in Kurram Agency.', 'Kurram Agency/PAK'],
  ['Military operations in Pakistan displaced families in Orakzai and Peshawar.', 'Orakzai/PAK'],
  // GeoNames writes these with their area word in front ("Province du Yatenga", "Cercle de
  // Macina", "Commune of Mutimbuzi"); texts write the bare name.
  ['In Burkina Faso, attacks emptied villages across Yatenga province.', 'Yatenga province/BFA'],
  ['Au Mali, des milliers de personnes ont fui les violences dans le cercle de Macina.', 'Macina/MLI'],
  ['Heavy rain in Burundi flooded homes in Mutimbuzi commune.', 'Mutimbuzi/BDI'],
];

// Negative rows: the same kind of name without support is a word or a person.
const NEGATIVE: [string, string][] = [
  ['Fans of Old Time music came from Dallas.', 'Time'],
  ['Jansen said the plan was sound.', 'Jansen'],
  // The area word written, but nothing points to the only area of that name, abroad.
  ["Police clashed with protesters in Giza's Haram district.", 'Haram'],
];

for (const [text, want] of POSITIVE)
  test(`finds ${want} in: ${text}`, () => assert.ok(names(text).includes(want), names(text).join(', ')));
for (const [text, word] of NEGATIVE)
  test(`no place ${word} in: ${text}`, () =>
    assert.ok(!names(text).some((n) => n.startsWith(`${word}/`)), names(text).join(', ')));
