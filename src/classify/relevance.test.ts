// Relevance rows: sentences written for these tests (not taken from any corpus).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DmonError } from '../errors.js';
import { causeOf, classify, explain } from './index.js';

const relevant: string[] = [
  'More than 2,000 families fled their homes after armed men attacked the village.',
  'Authorities ordered the evacuation of 15,000 residents as the wildfire approached the town.',
  'The earthquake destroyed 340 houses and left hundreds of people homeless.',
  'Around 800 people are staying in evacuation centres after the river burst its banks.',
  'Police evacuated 40 homes after a suspicious package was found near the station.',
  'Thousands of refugees crossed the border into the neighbouring country this week.',
  'An estimated 12,000 internally displaced persons live in the two camps outside the city.',
  'The storm washed away 150 houses along the coast.',
  'Authorities issued a mandatory evacuation order for 3,000 homes near the dam.',
  'Más de 300 familias fueron evacuadas por las inundaciones en el norte del país.',
  'Des milliers de personnes ont été déplacées par les combats dans le Nord-Kivu.',
  'Las autoridades informaron de 1.200 damnificados y 40 viviendas destruidas.',
  'Plus de 500 maisons se sont effondrées et les sinistrés sont hébergés dans des écoles.',
];

const notRelevant: string[] = [
  'The team won three home games in a row and topped the league.',
  'The animal shelter is asking for donations of dog food and blankets.',
  'Automation has displaced workers in many factories, a report says.',
  'The city council approved a new budget for road repairs on Tuesday.',
  'Heavy rain is forecast for the weekend across the southern provinces.',
  'The suspect fled the scene on foot before police arrived.',
  'Investors used the fund as a tax shelter for years.',
  'Children spent the week at summer camp learning to sail.',
  'Share prices rose sharply after the central bank cut interest rates.',
  'The county published new evacuation routes for the hurricane season.',
  'The tremor was felt widely, but no evacuations were ordered and no homes were damaged.',
];

for (const text of relevant) {
  test(`relevant: ${text}`, () => {
    const c = classify({ text });
    assert.equal(c.relevant, true, `relevance ${c.relevance}`);
    assert.ok(c.relevance >= 0.5 && c.relevance <= 1);
  });
}

for (const text of notRelevant) {
  test(`not relevant: ${text}`, () => {
    const c = classify({ text });
    assert.equal(c.relevant, false, `relevance ${c.relevance}`);
    assert.ok(c.relevance >= 0 && c.relevance < 0.5);
  });
}

test('extracted facts are strong evidence of relevance', () => {
  // A weak cue alone is not enough; with figures the extractor linked to displacement terms it is.
  const text = 'Tents were handed out in the park, the mayor said.';
  const none = classify({ text }, { facts: 0, vague: 0 });
  const some = classify({ text }, { facts: 3, vague: 0 });
  assert.equal(none.relevant, false, `relevance ${none.relevance}`);
  assert.equal(some.relevant, true, `relevance ${some.relevance}`);
  assert.ok(some.relevance > 0.9);
  assert.ok(classify({ text }, { facts: 1 }).relevance > none.relevance);
  assert.ok(classify({ text }, { facts: 0, vague: 2 }).relevance > none.relevance);
  // Without the extractor's counts, classify() reads the words only.
  assert.equal(classify({ text }).relevance, none.relevance);
});

test('more displacement cues mean more relevance', () => {
  const one = classify({ text: 'Some residents were evacuated.' }).relevance;
  const many = classify({
    text: 'Some residents were evacuated. Others fled their homes and are staying in evacuation centres; 300 houses were destroyed.',
  }).relevance;
  assert.ok(many > one, `${many} > ${one}`);
});

test('the title counts as part of the document', () => {
  const body = 'Officials gave no further details on Monday.';
  assert.equal(classify({ text: body }).relevant, false);
  assert.equal(classify({ text: body, title: 'Floods force 5,000 people from their homes' }).relevant, true);
});

test('a passing mention in a long unrelated article counts less than in a short text', () => {
  const mention = 'One speaker mentioned refugees.';
  const filler = ' The committee discussed the annual budget, staffing and the new office building.'.repeat(
    120,
  );
  const short = classify({ text: mention }).relevance;
  const long = classify({ text: mention + filler }).relevance;
  assert.ok(long < short, `${long} < ${short}`);
});

test('every relevance cue names its reason and points into the text', () => {
  const text = 'Floodwaters forced 2,000 people from their homes; 300 houses were destroyed.';
  const e = explain({ text });
  const cues = e.cues.filter((c) => c.kind === 'relevance');
  assert.ok(cues.length >= 2);
  for (const c of cues) {
    assert.ok(c.reason.length > 0);
    assert.ok(c.span[0] < c.span[1] && c.span[1] <= text.length);
  }
});

test('empty and blank documents are not relevant and have no cause or type', () => {
  for (const text of ['', '   \n ']) {
    const c = classify({ text });
    assert.deepEqual(c, { relevant: false, relevance: c.relevance, cause: null, hazard: null, type: null });
    assert.ok(c.relevance < 0.2);
  }
});

test('a document without text is refused with a clear error', () => {
  for (const bad of [{}, { text: 42 }, { text: 'ok', title: 7 }, null])
    assert.throws(
      () => classify(bad as never),
      (e: unknown) =>
        e instanceof DmonError && e.code === 'INPUT_UNREADABLE' && /classify: the document/.test(e.message),
    );
  assert.throws(
    () => causeOf(undefined as never),
    (e: unknown) => e instanceof DmonError,
  );
});
