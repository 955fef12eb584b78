// extract() on text damaged on purpose (the seeded damager in test-damage.ts) reads the same
// facts as on the clean text, and every offset it returns points into the damaged text as given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../index.js';
import { damage } from './test-damage.js';
import type { Fact } from '../../types.js';

const CLEAN = [
  'Heavy monsoon rains forced more than 4,500 families to leave their homes in the lowlands, and local officials said about 12,000 people were evacuated to schools and churches.',
  'According to the provincial disaster office, at least 230 houses were destroyed and another 1,400 were damaged when the river broke its banks on Sunday.',
  'Clashes between armed groups have displaced nearly 18,000 people since the beginning of the month, while some 3,200 refugees have crossed the border into the neighbouring country.',
  'The regional authorities reported that 640 households remain in evacuation centres, and that the number of people sheltering in public buildings has reached 2,900.',
];

const key = (f: Fact) => `${f.term}:${f.figure}`;
const facts = (text: string, repair = true) =>
  extract({ text, published: '2024-05-01', lang: 'en' }, { repair });

test('damaged and repaired text gives the facts of the clean text', () => {
  let lostWithoutRepair = 0;
  for (const [k, clean] of CLEAN.entries()) {
    const expected = facts(clean).facts.map(key).sort();
    assert.ok(expected.length > 0, `no facts in clean sentence ${k}`);
    for (const seed of [1, 2, 3]) {
      const damaged = damage(clean, seed * 31 + k, { width: 60, glue: 0.2 }).text;
      assert.notEqual(damaged, clean);
      assert.deepEqual(facts(damaged).facts.map(key).sort(), expected, JSON.stringify(damaged));
      if (facts(damaged, false).facts.length < expected.length) lostWithoutRepair++;
    }
  }
  assert.ok(lostWithoutRepair > 0, 'the damage should cost facts when the text is not repaired');
});

// French pages read back with a Central European charset: "Ă©vacuĂ©es", "relogĂ©s".
const CLEAN_FR = [
  'Les inondations ont contraint près de 2 300 personnes à quitter leurs maisons, et 640 familles ont été évacuées vers des écoles.',
  'Selon la préfecture, 180 habitations ont été détruites et quelque 950 sinistrés sont hébergés dans des gymnases.',
];

test('French text read as Windows-1250 gives the facts of the clean text', () => {
  let lostWithoutRepair = 0;
  for (const [k, clean] of CLEAN_FR.entries()) {
    const read = (text: string, repair = true) =>
      extract({ text, published: '2024-05-01', lang: 'fr' }, { repair }).facts.map(key).sort();
    const expected = read(clean);
    assert.ok(expected.length > 0, `no facts in clean sentence ${k}`);
    for (const seed of [1, 2, 3]) {
      const damaged = damage(clean, seed * 17 + k, {
        width: 0,
        glue: 0,
        mojibake: 1,
        charset: 'windows-1250',
      }).text;
      assert.match(damaged, /\u0102/);
      assert.deepEqual(read(damaged), expected, JSON.stringify(damaged));
      if (read(damaged, false).length < expected.length) lostWithoutRepair++;
    }
  }
  assert.ok(lostWithoutRepair > 0, 'the damage should cost facts when the text is not repaired');
});

test('offsets point into the damaged text as given, places included', () => {
  const clean =
    'Floods in Mozambique’s Sofala province have displaced 7,300 people, and 950 families were evacuated from Beira, officials said.';
  const text = damage(clean, 11, { width: 40, glue: 0.25, mojibake: 1 }).text;
  const r = facts(text);
  assert.ok(r.facts.length >= 2);
  for (const f of r.facts) {
    assert.equal(text.slice(...f.quantity_span).replace(/\D/g, ''), String(f.figure));
    assert.ok(f.span[0] <= f.quantity_span[0] && f.quantity_span[1] <= f.span[1]);
    const term = text.slice(...f.term_span).replace(/[\s-]/g, '');
    assert.match(term, /(displaced|evacuated)$/, term);
    for (const p of f.locations) {
      if (p.start >= p.end) continue;
      const letters = (s: string) => s.replace(/[^A-Za-z]/g, '');
      assert.equal(letters(text.slice(p.start, p.end)), letters(p.name), p.name);
    }
  }
});
