// The learned linker's parts: cue stems, the gates every pair must pass, and the choice of pairs,
// with hand-written models so the tests do not depend on the shipped weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../index.js';
import { tokenize } from '../segment/tokens.js';
import { findCues, isTransientPeople } from './cues.js';
import type { LinkerModel } from './model.js';
import type { Pair } from './pairs.js';

const cuesOf = (text: string) => findCues(tokenize(text, 0, text.length)).map((c) => c.stem);
/** A model that takes every pair, and one that takes none. */
const ALWAYS: LinkerModel = { weights: { bias: 10 }, threshold: 0.5 };
const NEVER: LinkerModel = { weights: { bias: -10 }, threshold: 0.5 };
const read = (text: string, model: LinkerModel | null, lang = 'en') =>
  extract({ text, lang, published: '2024-06-01' }, { geoparse: false, learned: { model } }).facts.map(
    (f) => `${f.figure} ${f.term} ${f.reason.startsWith('learned:') ? 'learned' : 'rules'}`,
  );

test('cue stems match a word by prefix, without accents or an elided article; the longest stem wins', () => {
  assert.deepEqual(cuesOf('Les familles évacuées ont trouvé un abri'), ['evacu', 'abri$']);
  assert.deepEqual(cuesOf("à l'abri des crues"), ['abri$']);
  assert.deepEqual(cuesOf('refugiados y refugio'), ['refugiad', 'refugio']);
  // A whole-word stem: "camp" and "camps", never "campaign".
  assert.deepEqual(cuesOf('the camps of the campaign'), ['camps$']);
  assert.deepEqual(cuesOf('in April (abril) the hostilities'), []);
});

test('tourists, pupils and troops are people who come and go', () => {
  for (const w of ['tourists', 'élèves', 'turistas', 'Passengers'])
    assert.ok(isTransientPeople(w.toLowerCase()), w);
  for (const w of ['residents', 'familles', 'personas']) assert.ok(!isTransientPeople(w), w);
});

test('a pair the model takes becomes a fact; without a model, or below its threshold, nothing', () => {
  const text = 'Some 6,000 arrived in Kukës on Saturday, the border police said.';
  assert.deepEqual(read(text, null), []);
  assert.deepEqual(read(text, NEVER), []);
  const taken = read(text, ALWAYS);
  assert.ok(taken.includes('6000 refugees learned'), taken.join('; '));
  // At most two term classes for one figure, the likeliest first.
  assert.ok(taken.length <= 2);
});

test('an arrival is a crossing or a move within the country, never both: the sentence says which', () => {
  const terms = (text: string, lang = 'en') =>
    read(text, ALWAYS, lang)
      .filter((f) => f.endsWith('learned'))
      .map((f) => f.split(' ')[1]);
  // A word of borders or refugees, or a country just after the word of arriving: refugees.
  assert.deepEqual(terms('Some 6,000 arrived in Kukës on Saturday, the border police said.'), ['refugees']);
  assert.deepEqual(terms('Unas 1.500 personas llegaron desde Venezuela en la última semana.', 'es'), ['refugees']);
  assert.deepEqual(terms('Près de 3 000 personnes sont arrivées au poste frontalier de Koutiala.', 'fr'), ['refugees']);
  // Neither: people who reached a town moved within their country.
  assert.deepEqual(terms('Some 6,000 arrived in Kukës on Saturday.'), ['displaced']);
  assert.deepEqual(terms('Más de 900 personas llegaron al casco urbano de Tibú.', 'es'), ['displaced']);
  assert.deepEqual(terms('Près de 3 000 personnes sont arrivées à Djibo depuis dimanche.', 'fr'), ['displaced']);
});

test('a figure the rules linked gets no second chance', () => {
  const facts = read('5,000 people were evacuated to shelters.', ALWAYS);
  assert.ok(facts.includes('5000 evacuated rules'));
  assert.deepEqual(
    facts.filter((f) => f.endsWith('learned')),
    [],
  );
});

test('the rules gates hold for every pair, whatever the model says', () => {
  const none = (text: string, lang = 'en') =>
    assert.deepEqual(
      read(text, ALWAYS, lang).filter((f) => f.endsWith('learned')),
      [],
      text,
    );
  none('If the dam breaks, 15,000 people living downstream would arrive in the camps.'); // hypothetical
  none('About 600 people near the dam were never told to leave.'); // negated
  none('Around 1,200 tourists arrived at the resort on Saturday.'); // transient people
  none('Sudanese fleeing the war are arriving in eastern Chad at a rate of 1,000 a day.'); // a rate
  none('WFP reached 3,500 people in the camps with food.'); // aid
  none('La ayuda llegó a 3.500 familias afectadas.', 'es'); // a blocker on the counted noun
  none("Les autorités ont décidé de reloger 300 familles d'ici la fin de l'année.", 'fr'); // an infinitive
  none('Up to 2 million people may be forced to flee if the offensive goes ahead.'); // a modal
  none('The evacuation of 2,000 residents was called off after the fire was controlled.'); // called off
  none('Rice prices rose from 300 to 450 for 2,000 displaced families.'); // another figure's noun
});

test('the training hook sees every pair weighed, with named features', () => {
  const pairs: Pair[] = [];
  extract(
    { text: 'Some 6,000 arrived in Kukës on Saturday, the border police said.', lang: 'en' },
    { geoparse: false, learned: { model: null, collect: (ps) => pairs.push(...ps) } },
  );
  assert.ok(pairs.length > 0);
  const p = pairs.find((x) => x.cue.stem === 'arriv' && x.term === 'refugees');
  assert.ok(p);
  assert.equal(p.features.get('after'), 1);
  assert.equal(p.features.get('stem:arriv|refugees'), 1);
  assert.ok(p.features.has('relevance'));
});
