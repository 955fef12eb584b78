// The pure review rules as tables: which fact an anchor finds after a new extraction, what a
// correction writes, and merges and splits over clustered events.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corroborate } from '../claims/corroborate.js';
import { BASRA, MOSUL, report } from '../claims/test-scenarios.js';
import { clusterEvents } from '../events/cluster.js';
import { anchorOf, matchAnchor, quoteKey, type QuantityAt } from './anchor.js';
import { checkCorrections, correctRow, type CorrectableRow } from './corrections.js';
import { applyEventReviews } from './events.js';

const EVIDENCE = 'Up to 190,000 people have been displaced by the fighting, officials said.';
const anchor = anchorOf({
  id: 1,
  article_id: 7,
  term: 'displaced',
  figure: 190000,
  vague: null,
  span_start: 100,
  quantity_start: 106,
  quantity_end: 113,
  evidence: EVIDENCE,
});
const at = (id: number, start: number, end: number, term = 'displaced', articleId = 7): QuantityAt => ({
  id,
  articleId,
  quantityStart: start,
  quantityEnd: end,
  term,
});

test('an anchor keeps the quantity words and a key of the sentence and figure', () => {
  assert.equal(anchor.quantity, '190,000');
  assert.equal(anchor.quoteKey, quoteKey(EVIDENCE, 190000, null));
  // Case, punctuation and spacing do not matter; the figure does.
  assert.equal(
    quoteKey('UP TO 190,000 people  have been displaced by the fighting - officials said', 190000, null),
    anchor.quoteKey,
  );
  assert.notEqual(quoteKey(EVIDENCE, 19000, null), anchor.quoteKey);
});

test('matching an anchor among the facts of a new extraction', () => {
  const rows: [string, QuantityAt[], number | null][] = [
    ['the same span', [at(11, 106, 113)], 11],
    ['a wider reading of the quantity ("Up to 190,000")', [at(12, 100, 113)], 12],
    ['another article', [at(13, 106, 113, 'displaced', 8)], null],
    ['another quantity in the sentence', [at(14, 140, 146)], null],
    ['one quantity, two terms: the same term wins', [at(15, 106, 113, 'homeless'), at(16, 106, 113)], 16],
    ['a new term only: still the figure', [at(17, 106, 113, 'forced_to_flee')], 17],
    ['two overlaps: the larger wins', [at(18, 112, 120), at(19, 104, 113)], 19],
  ];
  for (const [what, facts, want] of rows) assert.equal(matchAnchor(anchor, facts), want, what);
});

const row: CorrectableRow = {
  term: 'destroyed_housing',
  figure: 1200,
  figure_key: 1200,
  vague: null,
  range_lo: 1000,
  range_hi: 1200,
  qualifier: 'up_to',
  unit: 'households',
  people: 6120,
  household_size: 5.1,
  cause: 'disaster',
  hazard: 'flood',
  country: 'IRQ',
  admin1: 'Basra',
  location: 'Basra',
  lat: 30.5,
  lon: 47.8,
  fact_date: '2016-11-15',
  date_start: '2016-11-15',
  date_end: '2016-11-15',
  stock_or_flow: 'flow',
};

test('a correction writes its fields and what follows from them', () => {
  const figure = correctRow(row, checkCorrections({ figure: 1300 }));
  assert.deepEqual(
    [figure.figure, figure.figure_key, figure.range_lo, figure.people],
    [1300, 1300, null, 6630],
  );
  const unit = correctRow(row, checkCorrections({ unit: 'people' }));
  assert.equal(unit.people, 1200);
  const place = correctRow(
    row,
    checkCorrections({ place: { name: 'Zubair' }, date: { start: '2016-11-20' } }),
  );
  assert.deepEqual(
    [place.location, place.lat, place.date_start, place.date_end, place.fact_date],
    ['Zubair', null, '2016-11-20', '2016-11-20', '2016-11-20'],
  );
  const none = correctRow(row, checkCorrections({ hazard: null, country: 'KWT' }));
  assert.deepEqual([none.hazard, none.country, none.figure], [null, 'KWT', 1200]);
});

test('corrections that are refused, each naming the field', () => {
  const rows: [unknown, RegExp][] = [
    [{}, /at least one of/],
    [{ figure: 1.5 }, /"figure" must be a whole number/],
    [{ term: 'moved' }, /"term" must be one of/],
    [{ country: 'Iraq' }, /"country" must be an ISO 3166-1 alpha-3/],
    [{ date: { start: '2016-11-20', end: '2016-11-01' } }, /"date.end" must be/],
    [{ place: { lat: 1 } }, /"place" must be \{name/],
    [{ place: { name: 'X', lat: 91 } }, /"place.lat" must be a number between -90 and 90/],
    [[1], /must be an object/],
    [{ id: 4 }, /"id" is not a field/],
  ];
  for (const [input, message] of rows)
    assert.throws(() => checkCorrections(input), message, JSON.stringify(input));
});

test('merge and split over clustered events, found again by their claims', () => {
  const claims = corroborate([
    report({
      articleId: 1,
      figure: 5000,
      evidence: 'Fighting displaced 5,000 in Mosul.',
      dateStart: '2016-10-20',
      ...MOSUL,
    }),
    report({
      articleId: 2,
      figure: 800,
      evidence: 'Floods forced 800 from Basra.',
      dateStart: '2016-11-15',
      ...BASRA,
      cause: 'disaster',
      hazard: 'flood',
    }),
    report({
      articleId: 3,
      figure: 9000,
      evidence: 'Fighting displaced 9,000 in Mosul.',
      dateStart: '2016-10-28',
      ...MOSUL,
    }),
  ]);
  const events = clusterEvents(claims);
  assert.equal(events.length, 2);
  const mosul = events.find((e) => e.cause === 'conflict')!;
  const basra = events.find((e) => e.cause === 'disaster')!;
  const merge = {
    id: 1,
    action: 'merge' as const,
    eventId: mosul.id,
    intoClaims: mosul.claims.map((c) => c.id),
    fromClaims: basra.claims.map((c) => c.id),
  };
  const merged = applyEventReviews(events, [merge]);
  assert.deepEqual(
    merged.map((e) => [e.id, e.claims.length, e.countries]),
    [[mosul.id, 3, ['IRQ']]],
  );
  assert.equal(merged[0]!.lastDate, '2016-11-15');

  const moved = mosul.claims.find((c) => c.figure === 9000)!.id;
  const split = {
    id: 2,
    action: 'split' as const,
    eventId: mosul.id,
    newEventId: 'e0000000000aa',
    claims: [moved],
  };
  const after = applyEventReviews(events, [merge, split]);
  assert.deepEqual(
    after.map((e) => [e.id, e.claims.map((c) => c.figure).sort()]),
    [
      [mosul.id, [5000, 800].sort()],
      ['e0000000000aa', [9000]],
    ],
  );
  // Reviews apply in the order they were made, whatever order they are given in.
  assert.deepEqual(applyEventReviews(events, [split, merge]), after);
  // Claims that are gone leave the events as clustered.
  const stale = { ...merge, id: 3, fromClaims: ['c000000000000'] };
  assert.deepEqual(applyEventReviews(events, [stale]), events);
});
