import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corroborate } from '../claims/corroborate.js';
import { BASRA, COX, MOSUL, SITTWE, SYLHET, report, type Report } from '../claims/test-scenarios.js';
import { clusterEvents } from './cluster.js';
import { hazardName } from './hazardName.js';

const events = (reports: Report[]) => clusterEvents(corroborate(reports.map(report)));

test('hazard names are read from the text; common words after the introducer are not names', () => {
  assert.equal(hazardName('Cyclone Mocha made landfall near Sittwe.'), 'Cyclone Mocha');
  assert.equal(hazardName('Tropical Storm Ana displaced 2,000.'), 'Tropical Storm Ana');
  assert.equal(hazardName('as Typhoon Haiyan hit'), 'Typhoon Haiyan');
  assert.equal(hazardName('The Storm Warning was raised'), null);
  assert.equal(hazardName('a storm destroyed Tacloban'), null);
  assert.equal(hazardName('Storm resulted in 300 people evacuated'), null);
  assert.equal(hazardName('the Cyclone season'), null);
});

test('a conflict offensive over three months in one area is one event with a readable name', () => {
  const evs = events([
    { articleId: 1, figure: 5000, published: '2016-10-19', evidence: '5,000 fled Mosul.', ...MOSUL },
    { articleId: 2, figure: 48000, published: '2016-11-15', evidence: '48,000 displaced.', ...MOSUL },
    {
      articleId: 3,
      figure: 120000,
      published: '2016-12-20',
      evidence: '120,000 displaced near Hamdaniya.',
      ...MOSUL,
      location: 'Hamdaniya',
      lat: 36.27,
      lon: 43.37,
    },
    { articleId: 4, figure: 3000, published: '2016-11-01', evidence: '3,000 fled Basra.', ...BASRA },
  ]);
  assert.equal(evs.length, 2, 'Basra is too far from Nineveh to be the same offensive');
  const mosul = evs.find((e) => e.countries[0] === 'IRQ' && e.places.some((p) => p.location === 'Mosul'))!;
  assert.equal(mosul.claims.length, 3);
  assert.equal(mosul.name, 'Conflict — Nineveh, Iraq, Oct 2016');
  assert.equal(mosul.firstDate, '2016-10-19');
  assert.equal(mosul.lastDate, '2016-12-20');
});

test('a named cyclone across two countries is one event; two floods a month apart are two', () => {
  const storm = { cause: 'disaster' as const, hazard: 'storm' as const };
  const flood = { cause: 'disaster' as const, hazard: 'flood' as const, ...SYLHET };
  const evs = events([
    {
      articleId: 1,
      figure: 100000,
      term: 'evacuated',
      published: '2023-05-14',
      evidence: 'Cyclone Mocha forced the evacuation of 100,000 people in Rakhine.',
      ...storm,
      ...SITTWE,
    },
    {
      articleId: 2,
      figure: 750000,
      term: 'evacuated',
      published: '2023-05-15',
      evidence: "Authorities evacuated 750,000 people from Cox's Bazar ahead of Mocha.",
      title: 'Cyclone Mocha: Bangladesh evacuates 750,000',
      ...storm,
      ...COX,
    },
    {
      articleId: 3,
      figure: 40000,
      published: '2022-06-18',
      evidence: 'Floods displaced 40,000 in Sylhet.',
      ...flood,
    },
    {
      articleId: 4,
      figure: 25000,
      published: '2022-07-20',
      evidence: 'New floods displaced 25,000.',
      ...flood,
    },
  ]);
  assert.equal(evs.length, 3);
  const mocha = evs.find((e) => e.name === 'Cyclone Mocha')!;
  assert.deepEqual(mocha.countries, ['MMR', 'BGD']);
  assert.deepEqual(
    evs.filter((e) => e.hazard === 'flood').map((e) => e.name),
    ['Flood — Sylhet, Bangladesh, Jun 2022', 'Flood — Sylhet, Bangladesh, Jul 2022'],
  );
});

test('an unnamed storm reaching a neighbouring coast within days is one event; another country far away is not', () => {
  const storm = { cause: 'disaster' as const, hazard: 'storm' as const };
  const evs = events([
    {
      articleId: 1,
      figure: 8000,
      published: '2023-05-14',
      evidence: 'A storm displaced 8,000.',
      ...storm,
      ...SITTWE,
    },
    {
      articleId: 2,
      figure: 9000,
      published: '2023-05-15',
      evidence: 'The storm displaced 9,000.',
      ...storm,
      ...COX,
    },
    {
      articleId: 3,
      figure: 700,
      published: '2023-05-15',
      evidence: 'A storm displaced 700.',
      ...storm,
      ...BASRA,
    },
  ]);
  assert.equal(evs.length, 2);
  assert.deepEqual(evs[0]!.countries, ['MMR', 'BGD']);
});

test('event ids are stable: clustering again, in any order, with a later report added, keeps them', () => {
  const base: Report[] = [
    { articleId: 1, figure: 5000, published: '2016-10-19', evidence: 'a', ...MOSUL },
    { articleId: 2, figure: 48000, published: '2016-11-15', evidence: 'b', ...MOSUL },
    { articleId: 4, figure: 3000, published: '2016-11-01', evidence: 'c', ...BASRA },
  ];
  const before = events(base)
    .map((e) => e.id)
    .sort();
  const after = events([
    ...[...base].reverse(),
    { articleId: 9, figure: 60000, published: '2016-11-30', evidence: 'd', ...MOSUL },
  ])
    .map((e) => e.id)
    .sort();
  assert.deepEqual(after, before);
});
