import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoparse } from '../index.js';

const names = (text: string) => geoparse(text).places.map((p) => `${p.name}/${p.country}`);

// Positive rows: the same words where they are places.
const POSITIVE: [string, string][] = [
  ['Flooding displaced 2,000 families in Luzon, the Philippines (see Table 2 for details).', 'Luzon/PHL'],
  ['TURKEY: floods displace thousands of families near the capital.', 'TURKEY/TUR'],
  ['Aid of US$2 million reached families displaced in the United States and Mexico.', 'United States/USA'],
];

// Negative rows: a label, a heading word, a currency prefix.
const NEGATIVE: [string, string][] = [
  [
    'Families stay with relatives in three regions of the Philippines (see Table 3, Annex C for details).',
    'Annex',
  ],
  ['Los desplazados se alojan en la zona norte de Colombia (ver Anexo B y Cuadro 2).', 'Anexo'],
  ['Nearly US$2.6 million has been mobilised for the families displaced in Madagascar.', 'US'],
];

for (const [text, want] of POSITIVE)
  test(`finds ${want} in: ${text}`, () => assert.ok(names(text).includes(want), names(text).join(', ')));
for (const [text, word] of NEGATIVE)
  test(`no place ${word} in: ${text}`, () =>
    assert.ok(!names(text).some((n) => n.startsWith(`${word}/`)), names(text).join(', ')));
