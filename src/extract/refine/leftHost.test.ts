import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../index.js';
import { leftHostCountry } from './leftHost.js';
import type { Fact } from '../../types.js';

const facts = (text: string, lang = 'en') =>
  extract({ text, published: '2024-06-01', lang }).facts.map((f) => `${f.figure} ${f.term} ${f.country ?? '-'}`);

test('people of one nationality leaving another country go home: returns, counted at home', () => {
  assert.deepEqual(facts('Nearly 58,000 Afghans left Pakistan over the past month as the deportation deadline passed.'), [
    '58000 returns AFG',
  ]);
  assert.deepEqual(facts('Some 12,000 Syrians left Lebanon for Syria in the past week.'), ['12000 returns SYR']);
  // A French country name with its elided article: "l'Iran".
  assert.deepEqual(facts("Plus de 3 000 Afghans ont quitté l'Iran la semaine dernière.", 'fr'), ['3000 returns AFG']);
});

test('leaving their own country, or a country no nationality is given for, stays a count of refugees', () => {
  assert.deepEqual(facts('Some 4,100 Eritreans left Eritrea in the first half of the year.').map((f) => f.split(' ')[1]), [
    'refugees',
  ]);
  assert.deepEqual(facts('About 3,000 people left Sudan for Chad.').map((f) => f.split(' ')[1]), ['refugees']);
});

test('the rule: only a left-country refugee link with an origin other than its country', () => {
  const base = { term: 'refugees', reason: 'refugees:left-country:after', country: 'IRN', origin: 'AFG' } as Fact;
  const f = { ...base };
  leftHostCountry(f);
  assert.deepEqual([f.term, f.country, f.origin], ['returns', 'AFG', 'IRN']);
  const crossing = { ...base, reason: 'refugees:crossing:country:after' } as Fact;
  leftHostCountry(crossing);
  assert.equal(crossing.term, 'refugees');
  const own = { ...base, origin: 'IRN' } as Fact;
  leftHostCountry(own);
  assert.equal(own.term, 'refugees');
});
