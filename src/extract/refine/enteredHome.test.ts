import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../index.js';

const facts = (text: string, lang = 'en') =>
  extract({ text, published: '2025-04-20', lang }).facts.map((f) => `${f.figure} ${f.term} ${f.country ?? '-'} ${f.origin ?? '-'}`);

test('people of one nationality crossing into their own country come home: returns', () => {
  assert.deepEqual(facts('On Monday, 380 Afghan families crossed the Spin Boldak border into Afghanistan.'), [
    '380 returns AFG -',
  ]);
  assert.deepEqual(facts('Some 2,600 Syrians crossed into Syria from Lebanon over the weekend.'), ['2600 returns SYR LBN']);
  // A trigger that names the country it leads to: "entered Afghanistan".
  assert.deepEqual(facts('Nearly 6,500 Afghans have entered Afghanistan from Iran since Sunday.'), ['6500 returns AFG IRN']);
});

test('crossing into another country, or a border with no country named, stays a count of refugees', () => {
  assert.deepEqual(facts('Some 2,600 Syrians crossed into Lebanon over the weekend.'), ['2600 refugees LBN SYR']);
  assert.deepEqual(facts('Nearly 6,500 Afghans have entered Iran since Sunday.'), ['6500 refugees IRN AFG']);
  assert.deepEqual(
    facts('About 4,200 South Sudanese refugees crossed the border last week.').map((f) => f.split(' ')[1]),
    ['refugees'],
  );
});
