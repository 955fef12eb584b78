import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corroborate } from '../claims/corroborate.js';
import { BASRA, COX, ERBIL, MOSUL, SITTWE, SYLHET, report, type Report } from '../claims/test-scenarios.js';
import type { Claim } from '../claims/types.js';
import {
  addToEvent,
  claimHazardName,
  claimOrder,
  clusterEvents,
  finishEvent,
  fitsBeforePlaces,
  newDraft,
  OpenEvents,
  placesFit,
  type Draft,
} from './cluster.js';
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

/** Clustering as the rules say it, without an index: each claim against every event in turn. */
function everyEventInTurn(claims: readonly Claim[]) {
  const drafts: Draft[] = [];
  for (const c of [...claims].sort(claimOrder)) {
    const name = claimHazardName(c);
    let ev = drafts.find((d) => {
      const r = fitsBeforePlaces(d, c, name);
      return typeof r === 'boolean' ? r : placesFit(d.claims, c, r);
    });
    if (!ev) {
      ev = newDraft();
      drafts.push(ev);
    }
    addToEvent(ev, c, name);
  }
  return drafts.map(finishEvent);
}

test('the index of open events finds the event a test of every event finds, pruned or not', () => {
  let s = 17;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const places = [MOSUL, ERBIL, BASRA, SITTWE, COX, SYLHET];
  const reports: Report[] = [];
  for (let i = 0; i < 600; i++) {
    const storm = rand() < 0.3;
    const name = storm ? pick(['Cyclone Mocha', 'Cyclone Sitrang', null, null]) : null;
    const cause = storm ? 'disaster' : pick(['conflict', 'disaster', 'other', null] as const);
    const day = Math.floor(rand() * 360);
    reports.push({
      articleId: i + 1,
      figure: pick([500, 1200, 3000, 45000]),
      term: pick(['displaced', 'evacuated'] as const),
      published: new Date(Date.UTC(2022, 0, 1) + day * 86_400_000).toISOString().slice(0, 10),
      evidence: `${name ?? 'The crisis'} displaced people.`,
      cause,
      hazard: storm ? 'storm' : cause === 'disaster' ? pick(['flood', null] as const) : null,
      ...pick(places),
      ...(rand() < 0.2 && { admin1: null }),
      ...(rand() < 0.3 && { lat: 20 + rand() * 18, lon: 40 + rand() * 55 }),
    });
  }
  const claims = corroborate(reports.map(report));
  const expected = everyEventInTurn(claims);
  assert.ok(expected.length > 30 && expected.length < claims.length / 1.5, `${expected.length} events`);
  assert.ok(
    expected.some((e) => e.countries.length > 1),
    'an event across a border',
  );
  assert.deepEqual(clusterEvents(claims), expected);
  // Pruned, as the replay uses it: events no later claim can reach leave the index.
  const open = new OpenEvents<Draft>(true);
  for (const c of [...claims].sort(claimOrder)) {
    const name = claimHazardName(c);
    let ev = open.find(c, name, (d) => {
      const r = fitsBeforePlaces(d, c, name);
      return typeof r === 'boolean' ? r : placesFit(d.claims, c, r);
    });
    if (!ev) {
      ev = newDraft();
      open.push(ev);
    }
    open.add(ev, c, name);
  }
  assert.deepEqual(open.all.map(finishEvent), expected);
});
