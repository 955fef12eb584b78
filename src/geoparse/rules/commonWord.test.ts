import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoparse } from '../index.js';

const names = (text: string) => geoparse(text).places.map((p) => `${p.name}/${p.country}`);

// Positive rows: a name that is also a common word, with support.
const POSITIVE: [string, string][] = [
  // Containment.
  ['Heavy rain flooded streets in the north. Como, Italy, saw its lake overflow its banks.', 'Como/ITA'],
  // After a locative preposition.
  ['Las lluvias afectaron a cientos de familias que viven en Como y sus alrededores del lago.', 'Como/ITA'],
  // Not a common word of the text's language: an English text.
  ['The lake rose overnight and firefighters evacuated homes near Como and Lecco.', 'Como/ITA'],
];

// Negative rows: the same kind of name, without support, is the word.
const NEGATIVE: [string, string][] = [
  [
    'Las lluvias de ayer causaron derrumbes en la ciudad. Como consecuencia, 300 personas fueron evacuadas.',
    'Como',
  ],
  [
    'Unas 900 personas se fueron con sus vecinos. Solo 35 fueron llevadas a un albergue del gobierno.',
    'Solo',
  ],
  [
    'Floods hit Serbia, where 3,000 people were moved by the Emergency Sector, Police and the army.',
    'Sector',
  ],
  ['Contact the Europe Zone Disaster Management Coordinator in Budapest for details about Serbia.', 'Zone'],
  // A big place's alternate name only ("Name" is one of Namur's), capitalised in a title.
  [
    'Tropical Storm Sendong (International Name: Washi) struck the northeastern coast of Mindanao on 16 December 2011.',
    'Name',
  ],
];

for (const [text, want] of POSITIVE)
  test(`finds ${want} in: ${text}`, () => assert.ok(names(text).includes(want), names(text).join(', ')));
for (const [text, word] of NEGATIVE)
  test(`no place ${word} in: ${text}`, () =>
    assert.ok(!names(text).some((n) => n.startsWith(`${word}/`)), names(text).join(', ')));
