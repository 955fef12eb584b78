import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corroborate } from './corroborate.js';
import { sameNumber, roundingUnit } from './sameFigure.js';
import { BASRA, ERBIL, MOSUL, report } from './test-scenarios.js';

test('numbers match up to rounding, not across different counts', () => {
  const rows: [number, number, boolean][] = [
    [190000, 190000, true],
    [190000, 189620, true], // "about 190,000" and the precise count it rounds
    [189620, 190000, true],
    [12000, 12500, false], // two counts, not one rounded
    [190000, 180000, false],
    [1000, 1020, true],
    [1017, 1020, true], // 1,017 rounds to 1,020
    [1013, 1020, false], // neither is a rounding of the other
    [7, 8, false],
  ];
  for (const [a, b, same] of rows) assert.equal(sameNumber(a, b), same, `${a} vs ${b}`);
  assert.equal(roundingUnit(190000), 10000);
  assert.equal(roundingUnit(12500), 100);
});

test('several outlets reporting one figure in different words make one claim', () => {
  const claims = corroborate([
    report({
      articleId: 1,
      figure: 190000,
      qualifier: 'up_to',
      published: '2016-10-20',
      evidence: 'Up to 190,000 people have been displaced by the fighting in Mosul.',
    }),
    report({
      articleId: 2,
      figure: 190000,
      qualifier: 'approximately',
      published: '2016-10-21',
      evidence: 'Nearly 190,000 people have fled Mosul since the offensive began, the UN said.',
    }),
    report({
      articleId: 3,
      figure: 190000,
      term: 'forced_to_flee',
      published: '2016-10-23',
      evidence: '190k residents were forced to flee their homes around Mosul.',
    }),
  ]);
  assert.equal(claims.length, 1);
  const c = claims[0]!;
  assert.equal(c.independentSources, 3);
  assert.equal(c.reports, 3);
  assert.equal(c.qualifier, 'exact', 'the strongest wording is kept');
  assert.equal(c.term, 'forced_to_flee');
  assert.equal(c.firstReported, '2016-10-20');
  assert.equal(c.lastReported, '2016-10-23');
  assert.equal(c.facts.length, 3, 'every fact is kept with its evidence');
});

test('an updated figure is a new claim; a figure for another area or a different unit is too', () => {
  const claims = corroborate([
    report({ articleId: 1, figure: 190000, published: '2016-10-20', evidence: 'a' }),
    report({ articleId: 2, figure: 250000, published: '2016-10-28', evidence: 'b' }),
    report({ articleId: 3, figure: 190000, published: '2016-10-21', evidence: 'c', ...BASRA }),
    report({ articleId: 4, figure: 190000, published: '2016-10-21', evidence: 'd', unit: 'households' }),
  ]);
  assert.equal(claims.length, 4);
});

test('a country-level report corroborates a city-level one; two cities in other areas do not', () => {
  const claims = corroborate([
    report({ articleId: 1, figure: 5000, published: '2016-11-02', evidence: 'x', ...MOSUL }),
    report({
      articleId: 2,
      figure: 5000,
      published: '2016-11-03',
      evidence: 'y',
      admin1: null,
      location: 'Iraq',
      lat: 33,
      lon: 43,
    }),
    report({ articleId: 3, figure: 5000, published: '2016-11-03', evidence: 'z', ...ERBIL }),
  ]);
  assert.deepEqual(
    claims.map((c) => c.facts.map((f) => f.articleId)),
    [[1, 2], [3]],
  );
  assert.equal(claims[0]!.location, 'Mosul', 'the claim is filed at its most specific place');
});

test('a syndicated copy, the same sentence on another outlet and one outlet twice are one source each', () => {
  const wire = 'Up to 190,000 people have been displaced by the fighting in Mosul, aid agencies said.';
  const claims = corroborate([
    report({ articleId: 1, figure: 190000, published: '2016-10-20', evidence: wire, copies: 2 }),
    report({
      articleId: 5,
      figure: 190000,
      published: '2016-10-20',
      evidence: wire,
      outlet: 'other.example',
    }),
    report({ articleId: 6, figure: 190000, published: '2016-10-21', evidence: 'Some 190,000 have fled.' }),
    report({
      articleId: 7,
      figure: 190000,
      published: '2016-10-22',
      evidence: 'The 190,000 displaced need shelter.',
      outlet: 'outlet-6.example',
    }),
    report({
      articleId: 8,
      originalArticleId: 6,
      figure: 190000,
      published: '2016-10-22',
      evidence: 'As many as 190,000 have fled.',
    }),
  ]);
  assert.equal(claims.length, 1);
  assert.equal(claims[0]!.independentSources, 2, 'the wire story and outlet 6 (with its copy)');
  assert.equal(claims[0]!.reports, 7, '5 articles plus 2 stored copies');
});

test('reports of one figure weeks apart with stated dates are separate claims; ranges match only ranges', () => {
  const claims = corroborate([
    report({ articleId: 1, figure: 3000, dateStart: '2024-05-02', dateStated: true, evidence: 'a' }),
    report({ articleId: 2, figure: 3000, dateStart: '2024-06-10', dateStated: true, evidence: 'b' }),
    report({ articleId: 3, figure: 3000, range: [3000, 5000], dateStart: '2024-05-02', evidence: 'c' }),
    report({ articleId: 4, figure: 3000, range: [3000, 5000], dateStart: '2024-05-03', evidence: 'd' }),
  ]);
  assert.deepEqual(
    claims.map((c) => c.facts.map((f) => f.articleId)),
    [[1], [3, 4], [2]],
  );
});

test('claims and their ids do not depend on the order facts arrive in', () => {
  const facts = [
    report({ articleId: 1, figure: 190000, published: '2016-10-20', evidence: 'a' }),
    report({ articleId: 2, figure: 190000, published: '2016-10-21', evidence: 'b' }),
    report({ articleId: 3, figure: 250000, published: '2016-10-28', evidence: 'c' }),
  ];
  const ids = corroborate(facts).map((c) => c.id);
  assert.deepEqual(
    corroborate([...facts].reverse()).map((c) => c.id),
    ids,
  );
  assert.match(ids[0]!, /^c[0-9a-f]{12}$/);
});

test('two claims starting at one quantity of one article get distinct ids', () => {
  const claims = corroborate([
    report({ articleId: 1, figure: 500, quantityStart: 0, published: '2024-01-01', evidence: 'a' }),
    report({ articleId: 1, figure: 9000, quantityStart: 0, published: '2024-01-01', evidence: 'b' }),
  ]);
  assert.equal(new Set(claims.map((c) => c.id)).size, 2);
});

test('ids held by claims outside the facts given (taken) go to no new claim', () => {
  const facts = [
    report({ articleId: 1, figure: 500, quantityStart: 0, published: '2024-01-01', evidence: 'a' }),
    report({ articleId: 1, figure: 9000, quantityStart: 0, published: '2024-01-01', evidence: 'b' }),
  ];
  const [first, second] = corroborate(facts).map((c) => c.id);
  // The first id is held elsewhere: the first claim takes the next one, the second the one after.
  const renumbered = corroborate(facts, [], new Set([first!])).map((c) => c.id);
  assert.equal(renumbered[0], second);
  assert.ok(![first, second].includes(renumbered[1]));
  assert.equal(new Set(renumbered).size, 2);
  // Both held: neither is reused.
  const both = corroborate(facts, [], new Set([first!, second!])).map((c) => c.id);
  assert.ok(both.every((id) => id !== first && id !== second));
});
