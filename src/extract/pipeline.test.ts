// The pipeline's order: every step's needs are added by an earlier step, and a step placed
// before what it needs is refused when the pipeline is built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PIPELINE } from './pipeline.js';
import { extract } from './index.js';
import { FACT_REFINERS } from './refine/refiners.js';
import { checkOrder, step } from './state.js';

test('every step of the pipeline needs only inputs and what earlier steps add', () => {
  assert.doesNotThrow(() => checkOrder(PIPELINE));
  assert.deepEqual(
    PIPELINE.map((s) => s.name),
    [
      'repair',
      'lexicon',
      'sentences',
      'read',
      'other-senses',
      'drills',
      'dedupe',
      'classify',
      'second-chance',
      'relevance',
      'places',
      'refine',
      'offsets',
    ],
  );
});

test('a step placed before the step that adds what it needs is refused', () => {
  const [repair, lexicon] = PIPELINE;
  assert.ok(repair && lexicon);
  assert.throws(() => checkOrder([lexicon, repair]), /extract step 'lexicon' needs lang, text before it/);
  const orphan = step({ name: 'orphan', needs: ['facts'], adds: [], run: () => ({}) });
  assert.throws(() => checkOrder([orphan]), /'orphan' needs facts/);
});

test('the per-fact refiners run in the order their needs ask for', () => {
  const names = FACT_REFINERS.map((r) => r.name);
  assert.deepEqual(names, ['cause', 'date', 'stock-or-flow', 'places', 'homeward', 'people', 'confidence']);
  // people reads the country that places sets (and homeward may change); confidence reads what
  // cause and date imply.
  const at = (n: string) => names.indexOf(n);
  assert.ok(at('places') < at('homeward') && at('homeward') < at('people'));
  assert.ok(at('cause') < at('confidence') && at('date') < at('confidence'));
});

test('a whole document that counts nobody is no report of displacement; a lone paragraph may be', () => {
  const guide =
    'Evacuee support planning\n\nThis guide helps local officials plan shelters for evacuees and displaced ' +
    'families after a disaster. It explains how to register evacuees, how to run evacuation centres and how ' +
    'to coordinate with agencies that help displaced people find housing. Each chapter lists the partners ' +
    'to involve, the supplies to stock and the questions to ask before families are moved to shelters.';
  const r = extract({ text: guide, lang: 'en' });
  assert.equal(r.facts.length, 0);
  assert.equal(r.relevant, false);
  assert.ok(r.relevance <= 0.45);
  // The same words as one paragraph keep the model's own relevance.
  const paragraph = extract({ text: guide.replace('\n\n', ' '), lang: 'en' });
  assert.equal(paragraph.relevant, true);
  assert.ok(paragraph.relevance > 0.5);
});
