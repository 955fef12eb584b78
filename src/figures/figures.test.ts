import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corroborate } from '../claims/corroborate.js';
import { MOSUL, report, type Report } from '../claims/test-scenarios.js';
import { clusterEvents } from '../events/cluster.js';
import { countryMonthFigures } from './monthly.js';
import { recommendFigures } from './recommend.js';

const claimsOf = (reports: Report[]) => corroborate(reports.map((r) => report({ ...MOSUL, ...r })));

test('flows: the largest corroborated figure, not a larger single-source one, never a sum', () => {
  const figures = recommendFigures(
    claimsOf([
      { articleId: 1, figure: 48000, published: '2016-11-15', evidence: 'a' },
      { articleId: 2, figure: 48000, published: '2016-11-16', evidence: 'b' },
      { articleId: 3, figure: 68000, published: '2016-11-20', evidence: 'c' },
      { articleId: 4, figure: 68000, published: '2016-11-21', evidence: 'd' },
      { articleId: 5, figure: 68000, published: '2016-11-21', evidence: 'e' },
      { articleId: 6, figure: 400000, published: '2016-11-22', evidence: 'f' },
    ]),
  );
  const r = figures.recommended!;
  assert.equal(r.people, 68000);
  assert.equal(r.independentSources, 3);
  assert.equal(
    r.reason,
    'largest displacement figure, reported by 3 independent sources on 20 Nov 2016; 2 other claims kept as triangulation',
  );
});

test('stocks: the latest well-corroborated figure, even when smaller', () => {
  const stock = { stockOrFlow: 'stock' as const };
  const figures = recommendFigures(
    claimsOf([
      { articleId: 1, figure: 90000, published: '2017-01-10', evidence: 'a', ...stock },
      { articleId: 2, figure: 90000, published: '2017-01-11', evidence: 'b', ...stock },
      { articleId: 3, figure: 75000, published: '2017-02-20', evidence: 'c', ...stock },
      { articleId: 4, figure: 75000, published: '2017-02-21', evidence: 'd', ...stock },
      { articleId: 5, figure: 60000, published: '2017-03-01', evidence: 'e', ...stock },
    ]),
  );
  assert.equal(figures.recommended!.people, 75000);
  assert.match(figures.recommended!.reason, /^latest figure of people still displaced, reported by 2/);
});

test('households are converted to people with the size kept; a single source says so', () => {
  const figures = recommendFigures(
    claimsOf([
      {
        articleId: 1,
        figure: 1200,
        unit: 'households',
        people: 6120,
        householdSize: 5.1,
        published: '2016-11-15',
        evidence: '1,200 families fled.',
      },
    ]),
  );
  const r = figures.recommended!;
  assert.equal(r.people, 6120);
  assert.equal(r.householdSize, 5.1);
  assert.equal(r.corroborated, false);
  assert.equal(
    r.reason,
    'largest displacement figure, reported by 1 source on 15 Nov 2016 (no figure of this kind is reported by 2 independent sources yet); 1,200 households × 5.1 people (average household size) = 6,120 people',
  );
});

test('per country and month: running totals add only their growth; evacuated people are not counted twice', () => {
  const evs = clusterEvents(
    claimsOf([
      { articleId: 1, figure: 100000, published: '2016-10-25', evidence: 'a' },
      { articleId: 2, figure: 100000, published: '2016-10-26', evidence: 'b' },
      { articleId: 3, figure: 190000, published: '2016-11-20', evidence: 'c' },
      { articleId: 4, figure: 190000, published: '2016-11-21', evidence: 'd' },
      // Reported again in December: already counted.
      {
        articleId: 5,
        figure: 190000,
        published: '2016-12-03',
        dateStart: '2016-12-03',
        dateStated: true,
        evidence: 'e',
      },
      {
        articleId: 6,
        figure: 190000,
        published: '2016-12-04',
        dateStart: '2016-12-04',
        dateStated: true,
        evidence: 'f',
      },
      { articleId: 7, figure: 230000, term: 'evacuated', published: '2016-12-10', evidence: 'g' },
      { articleId: 8, figure: 230000, term: 'evacuated', published: '2016-12-11', evidence: 'h' },
    ]),
  );
  assert.equal(evs.length, 1);
  const rows = countryMonthFigures(evs).map((r) => [r.month, r.displaced, r.evacuated]);
  assert.deepEqual(rows, [
    ['2016-10', 100000, 0],
    ['2016-11', 90000, 0],
    ['2016-12', 40000, 230000],
  ]);
});
