// Tables for the word-family generator: spelling rules, the irregular table, forms by class,
// and phrase slots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extract } from '../index.js';
import { expandFamilies, expandPhrase, verbForms, type FamilyFile } from './families.js';
import { english } from './morph/en.js';
import { spanish } from './morph/es.js';
import { french } from './morph/fr.js';

const irregular = { flee: { past: ['fled'] }, drive: { past: ['drove'], pp: ['driven'] } };

test('English verbs: -s/-es, -ed/-d, -ing with e-dropping and doubling, irregular table', () => {
  const rows: [string, string[]][] = [
    ['displace', ['displace', 'displaces', 'displaced', 'displacing']],
    ['evacuate', ['evacuate', 'evacuates', 'evacuated', 'evacuating']],
    ['stop', ['stop', 'stops', 'stopped', 'stopping']],
    ['bury', ['bury', 'buries', 'buried', 'burying']],
    ['die', ['die', 'dies', 'died', 'dying']],
    ['push out', ['push out', 'pushes out', 'pushed out', 'pushing out']],
    ['flee', ['flee', 'flees', 'fled', 'fleeing']],
    ['drive', ['drive', 'drives', 'drove', 'driven', 'driving']],
    ['shelter', ['shelter', 'shelters', 'sheltered', 'sheltering']],
  ];
  for (const [lemma, forms] of rows) assert.deepEqual(verbForms(english, lemma, irregular), forms, lemma);
  assert.deepEqual(verbForms(english, 'flood', {}, ['past', 'pp']), ['flooded']);
});

test('English nouns: plurals, compounds on their last word', () => {
  assert.deepEqual(english.plural('evacuee', {}), ['evacuees']);
  assert.deepEqual(english.plural('asylum seeker', {}), ['asylum seekers']);
  assert.deepEqual(english.plural('influx', {}), ['influxes']);
});

test('Spanish and French regular families', () => {
  assert.deepEqual(verbForms(spanish, 'desplazar', {}, ['pp']), [
    'desplazado',
    'desplazada',
    'desplazados',
    'desplazadas',
  ]);
  assert.deepEqual(verbForms(spanish, 'destruir', {}, ['past', 'pres']), [
    'destruye',
    'destruyen',
    'destruyó',
    'destruyeron',
  ]);
  assert.deepEqual(spanish.plural('evacuación', {}), ['evacuaciones']);
  assert.deepEqual(spanish.plural('desplazamiento', {}), ['desplazamientos']);
  assert.deepEqual(verbForms(french, 'évacuer', {}, ['pp']), ['évacué', 'évacuée', 'évacués', 'évacuées']);
  assert.deepEqual(verbForms(french, 'déménager', {}, ['ger']), ['déménageant']);
  assert.deepEqual(french.plural('évacuation', {}), ['évacuations']);
});

test('forms by class: verb both, noun + of noun, counting plural agent, agent noun agent', () => {
  const rows = expandFamilies('en', {
    new: ['new'],
    families: [
      { verb: 'displace', term: 'displaced' },
      { noun: 'displacement', term: 'displaced', counts: true },
      { agent: 'evacuee', term: 'evacuated' },
      { verb: 'host', term: 'sheltered', form: 'active' },
    ],
  });
  const form = (m: string) => rows.find((r) => r.match === m)?.form;
  assert.equal(form('displacing'), 'both');
  assert.equal(form('displacements of'), 'noun');
  assert.equal(form('displacements'), 'agent');
  assert.equal(form('new displacements'), 'agent');
  assert.equal(form('displacement'), undefined, 'a bare singular nominalisation is not a trigger');
  assert.equal(form('evacuees'), 'agent');
  assert.equal(form('hosted'), 'active');
  assert.equal(rows.find((r) => r.match === 'displaced')?.reason, 'displaced:verb:displace');
});

test('phrase slots: <verb>, <verb:tags>, {set}, (a|b)', () => {
  const got = expandPhrase('<drive:past,pp> (from|out of) their {homes}', english, irregular, {
    homes: ['homes', 'villages'],
  });
  assert.deepEqual(got, [
    'drove from their homes',
    'drove from their villages',
    'drove out of their homes',
    'drove out of their villages',
    'driven from their homes',
    'driven from their villages',
    'driven out of their homes',
    'driven out of their villages',
  ]);
  assert.throws(() => expandPhrase('in {nowhere}', english, {}, {}), /no set defines/);
});

test('the shipped families never repeat a terms.json phrase (one source per trigger)', () => {
  const root = new URL('../../../lexicon/', import.meta.url);
  for (const lang of ['en', 'es', 'fr']) {
    const read = (f: string) => JSON.parse(readFileSync(new URL(`${lang}/${f}`, root), 'utf8'));
    const fixed = new Set((read('terms.json') as { match: string }[]).map((t) => t.match));
    const rows = expandFamilies(lang, read('families.json') as FamilyFile, read('irregular.json'));
    assert.ok(rows.length > 100, lang);
    assert.deepEqual(
      rows.filter((r) => fixed.has(r.match)).map((r) => r.match),
      [],
      `${lang}: phrases both generated and listed`,
    );
  }
});

test('a family may leave out a form that is another word ("piso de acogida" is no shelter count)', () => {
  const facts = extract(
    { text: 'Vive en un piso de acogida con sus 3 hijos.', published: '2024-06-01', lang: 'es' },
    { geoparse: false },
  ).facts;
  assert.deepEqual(
    facts.filter((f) => f.figure !== null).map((f) => [f.term, f.figure]),
    [],
  );
});

test('Spanish and French families and copulas read through extract', () => {
  const rows: [string, string, string, number][] = [
    ['es', 'Los desplazamientos alcanzaron 4.300 en la provincia.', 'displaced', 4300],
    ['es', 'Unas 210 familias fueron reubicadas en la escuela.', 'relocated', 210],
    ['es', 'Las evacuaciones ascienden a 1.250 personas.', 'evacuated', 1250],
    ['fr', 'Le nombre de déplacés a atteint 7 400 personnes.', 'displaced', 7400],
    ['fr', 'Quelque 380 familles ont été relogées dans des écoles.', 'relocated', 380],
    ['es', 'Unas 640 personas se trasladaron a casas de familiares.', 'sheltered', 640],
    ['es', 'Unas 75 familias se refugiaron con parientes en el pueblo vecino.', 'sheltered', 75],
    ['es', 'Más de 900 personas pasaron la noche en polideportivos.', 'sheltered', 900],
    ['es', 'Unas 300 familias tuvieron que dejar sus casas.', 'forced_to_flee', 300],
    ['fr', 'Ils sont 2 300 à trouver un refuge dans les écoles.', 'sheltered', 2300],
    ['fr', 'Quelque 700 personnes ont trouvé refuge chez des proches.', 'sheltered', 700],
  ];
  for (const [lang, text, term, figure] of rows) {
    const facts = extract({ text, published: '2024-06-01', lang }, { geoparse: false }).facts;
    assert.ok(
      facts.some((f) => f.term === term && f.figure === figure),
      `${text} → ${JSON.stringify(facts.map((f) => [f.term, f.figure]))}`,
    );
  }
});
