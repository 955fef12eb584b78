// The tally gives what the event's claims give read whole (name, places, countries, dates,
// recommended figures), and a tally saved after some claims and continued with the rest gives
// the same: the store's checkpoints rest on both.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corroborate } from '../claims/corroborate.js';
import { BASRA, ERBIL, MOSUL, SITTWE, report, type Report } from '../claims/test-scenarios.js';
import type { Claim } from '../claims/types.js';
import { recommendFigures } from '../figures/recommend.js';
import type { Term } from '../types.js';
import { claimHazardName, clusterEvents } from './cluster.js';
import { EventTally, type TallyJson } from './tally.js';

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** Reports of a few events over months: repeated figures, several terms, households, vague
 * quantities, places with and without a first-level area, a named storm. */
function reports(seed: number, n: number): Report[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const places = [MOSUL, ERBIL, BASRA, SITTWE, { ...MOSUL, admin1: null, location: 'Iraq' }];
  const terms: Term[] = ['displaced', 'evacuated', 'sheltered', 'destroyed_housing', 'returns', 'refugees'];
  const figures = [120, 500, 500, 3000, 48000, 48000, 190000, null];
  const out: Report[] = [];
  for (let i = 0; i < n; i++) {
    const figure = pick(figures);
    const storm = rand() < 0.2;
    const day = Math.floor(rand() * 150);
    out.push({
      articleId: 1 + Math.floor(rand() * n),
      quantityStart: i,
      figure,
      vague: figure === null ? 'hundreds' : null,
      people: figure,
      unit: rand() < 0.2 ? 'households' : 'people',
      householdSize: null,
      term: pick(terms),
      stockOrFlow: rand() < 0.5 ? 'stock' : 'flow',
      cause: storm ? 'disaster' : pick(['conflict', 'conflict', null] as const),
      hazard: storm ? 'storm' : null,
      published: new Date(Date.UTC(2016, 9, 1) + day * 86_400_000).toISOString().slice(0, 10),
      evidence: storm && rand() < 0.5 ? `Cyclone Mocha displaced ${figure}.` : `${figure} displaced.`,
      ...pick(places),
    });
  }
  return out;
}

const wholeRow = (claims: readonly Claim[], e: ReturnType<typeof clusterEvents>[number]) => {
  const figures = recommendFigures(claims);
  return {
    name: e.name,
    hazardName: e.hazardName,
    cause: e.cause,
    hazard: e.hazard,
    countries: e.countries,
    places: e.places,
    firstDate: e.firstDate,
    lastDate: e.lastDate,
    claims: claims.length,
    facts: claims.reduce((n, c) => n + c.facts.length, 0),
    figures,
  };
};

const tallyRow = (t: EventTally) => ({
  name: t.name(),
  hazardName: t.hazardName,
  cause: t.cause,
  hazard: t.hazard,
  countries: [...t.countries.keys()].filter(Boolean),
  places: t.placeList(),
  firstDate: t.firstDate,
  lastDate: t.lastDate,
  claims: t.claims,
  facts: t.facts,
  figures: t.figureChoices(),
});

test('the tally of an event gives what its claims read whole give, however it is split and saved', () => {
  for (const seed of [1, 2, 3]) {
    const events = clusterEvents(corroborate(reports(seed, 160).map(report)));
    assert.ok(
      events.some((e) => e.claims.length > 10),
      'an event of many claims',
    );
    for (const e of events) {
      const expected = wholeRow(e.claims, e);
      const add = (t: EventTally, c: Claim) => t.add(c, claimHazardName(c), c.facts.length);
      const whole = new EventTally();
      for (const c of e.claims) add(whole, c);
      assert.deepEqual(tallyRow(whole), expected, `event ${e.id}`);
      for (const k of [1, Math.floor(e.claims.length / 2), e.claims.length - 1]) {
        if (k < 1 || k >= e.claims.length) continue;
        const first = new EventTally();
        for (const c of e.claims.slice(0, k)) add(first, c);
        const resumed = EventTally.fromJSON(JSON.parse(JSON.stringify(first)) as TallyJson);
        for (const c of e.claims.slice(k)) add(resumed, c);
        assert.deepEqual(tallyRow(resumed), expected, `event ${e.id} saved after ${k} claims`);
      }
    }
  }
});
