import { test } from 'node:test';
import assert from 'node:assert/strict';
import { landformName } from './landformName.js';
import { documentOf, entry, mention } from './test-cases.js';
import { geoparse } from '../index.js';

const country = entry({ kind: 'country' });
const state = entry({ kind: 'admin1' });

test('landformName: a name marked as a river, lake or mountain is gated, even a country', () => {
  const m = mention({ landform: true, candidates: [country, state] });
  assert.equal(landformName.gate(m, 0, documentOf([m])), 'river, lake or mountain');
});

test('landformName: a demonym stays', () => {
  const m = mention({ landform: true, demonym: 'NE', candidates: [country] });
  assert.equal(landformName.gate(m, 0, documentOf([m])), null);
});

// Texts written for this rule: [text, a name that must not be placed, a name that must be].
const TEXTS: [string, string, string | null][] = [
  ['Floods along the Niger River displaced 3,000 people in Mopti, Mali.', 'Niger', 'Mopti'],
  ['About 4,000 people fled to the Nuba Mountains from Kadugli.', 'Nuba', 'Kadugli'],
  // South-Asian and wire English write the landform word in lower case.
  ['The Kosi river breached an embankment and 6,000 people fled in Supaul.', 'Kosi', 'Supaul'],
  ['Water from the Mahakali river entered homes in Kanchanpur.', 'Mahakali', 'Kanchanpur'],
  ['Lake Victoria rose and 2,000 people left their homes in Kisumu.', 'Victoria', 'Kisumu'],
  ['The storm crossed the Gulf of Mexico and hit Louisiana.', 'Mexico', 'Louisiana'],
  ['Les crues du lac Tchad ont chassé 5 000 personnes de Bol.', 'Tchad', null],
  ['La crecida del río Cauca inundó Cali.', 'Cauca', 'Cali'],
  // A town whose own name holds the landform word is a town.
  ['The flood displaced 2,000 families in Lake Charles.', 'nothing', 'Lake Charles'],
  // A broken word is no landform word: "arquip\ufffdlago" does not end in "lago".
  [
    'A passagem do furac\ufffdo pelo arquip\ufffdlago de Cabo Verde deixou 50 fam\ufffdlias desalojadas.',
    'nothing',
    'Cabo Verde',
  ],
];

for (const [text, gone, kept] of TEXTS)
  test(`landformName: ${text}`, () => {
    const names = geoparse(text).places.map((p) => p.name);
    assert.ok(!names.includes(gone), `${gone} placed: ${names.join(', ')}`);
    if (kept) assert.ok(names.includes(kept), `${kept} missing: ${names.join(', ')}`);
  });
