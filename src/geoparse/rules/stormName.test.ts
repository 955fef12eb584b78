import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoparse } from '../index.js';

const names = (text: string) => geoparse(text).places.map((p) => `${p.name}/${p.country}`);

// Positive rows: the places around a storm's name stay places.
const POSITIVE: [string, string][] = [
  [
    'La tormenta tropical Iota dejó miles de damnificados en Honduras. Iota tocó tierra el lunes.',
    'Honduras/HND',
  ],
  ['Hurricane Iota struck Nicaragua; thousands were evacuated in Bilwi.', 'Nicaragua/NIC'],
];

// Negative rows: every mention of a storm's name, after the hazard word or not.
const NEGATIVE: [string, string][] = [
  [
    'La tormenta tropical Iota dejó miles de damnificados. El paso de Iota por Honduras deja 14 muertos.',
    'Iota',
  ],
  ["L'ouragan Iota a frappé le pays. Après Iota, 5 000 personnes ont été évacuées.", 'Iota'],
  ['Hurricane Iota made landfall on Monday. Iota displaced thousands in Honduras.', 'Iota'],
];

for (const [text, want] of POSITIVE)
  test(`finds ${want} in: ${text}`, () => assert.ok(names(text).includes(want), names(text).join(', ')));
for (const [text, word] of NEGATIVE)
  test(`no place ${word} in: ${text}`, () =>
    assert.ok(!names(text).some((n) => n.startsWith(`${word}/`)), names(text).join(', ')));
