import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figureJumpAlerts } from './figureJump.js';
import { newEventAlerts } from './newEvent.js';
import type { AlertEvent, EventReport } from './types.js';

const report = (claimId: string, date: string, people: number, kind = 'displacement:flow'): EventReport => ({
  claimId,
  date,
  people,
  kind,
});

const event = (over: Partial<AlertEvent> = {}): AlertEvent => ({
  id: 'ev1',
  name: 'Cyclone Mocha',
  countries: ['MMR', 'BGD'],
  cause: 'disaster',
  hazard: 'storm',
  firstDate: '2023-05-14',
  lastDate: '2023-05-20',
  figure: { people: 750_000, reason: 'largest figure reported by 3 independent sources.' },
  reports: [],
  ...over,
});

const OPTS = { newEventMinPeople: 10_000, jumpFactor: 2, jumpMinPeople: 1_000 };

test('new event: at or above the size it is alerted once, keyed by the event id', () => {
  const [a, ...rest] = newEventAlerts([event()], OPTS);
  assert.equal(rest.length, 0);
  assert.equal(a!.key, 'new_event:ev1');
  assert.equal(a!.date, '2023-05-14');
  assert.equal(a!.country, 'MMR');
  assert.equal(a!.title, 'New event: Cyclone Mocha (750,000 people)');
  assert.match(a!.summary, /3 independent sources/);
  assert.equal(newEventAlerts([event({ figure: { people: 10_000, reason: null } })], OPTS).length, 1);
});

test('new event: below the size, without a figure or without a date, nothing', () => {
  assert.deepEqual(newEventAlerts([event({ figure: { people: 9_999, reason: null } })], OPTS), []);
  assert.deepEqual(newEventAlerts([event({ figure: null })], OPTS), []);
  assert.deepEqual(newEventAlerts([event({ firstDate: null })], OPTS), []);
  assert.equal(
    newEventAlerts([event()], { newEventMinPeople: 1_000_000 }).length,
    0,
    'the size is configurable',
  );
});

const JUMPS: { name: string; reports: EventReport[]; expect: string[]; factor?: number }[] = [
  {
    name: '5,000 then 48,000 is a jump',
    reports: [report('a', '2016-10-19', 5_000), report('b', '2016-11-15', 48_000)],
    expect: ['figure_jump:ev1:b 48000/5000'],
  },
  {
    name: 'a rise under the factor is none',
    reports: [report('a', '2016-10-19', 5_000), report('b', '2016-11-15', 9_999)],
    expect: [],
  },
  {
    name: 'the factor is configurable',
    reports: [report('a', '2016-10-19', 5_000), report('b', '2016-11-15', 9_999)],
    factor: 1.5,
    expect: ['figure_jump:ev1:b 9999/5000'],
  },
  {
    name: 'the first figure is no jump, and a small one is never (minimum people)',
    reports: [report('a', '2016-10-19', 100), report('b', '2016-11-15', 900)],
    expect: [],
  },
  {
    name: 'figures of one day are one reading; the jump is from the days before',
    reports: [
      report('a', '2016-10-19', 5_000),
      report('b', '2016-11-15', 8_000),
      report('c', '2016-11-15', 20_000),
    ],
    expect: ['figure_jump:ev1:c 20000/5000'],
  },
  {
    name: 'compared with the highest figure before, not the last one',
    reports: [
      report('a', '2016-10-01', 40_000),
      report('b', '2016-10-19', 5_000),
      report('c', '2016-11-15', 12_000),
    ],
    expect: [],
  },
  {
    name: 'kinds of figure are compared apart (homes destroyed are not people displaced)',
    reports: [report('a', '2016-10-19', 5_000), report('b', '2016-11-15', 48_000, 'housing_destroyed:flow')],
    expect: [],
  },
  {
    name: 'reports in any order give the same alerts',
    reports: [report('b', '2016-11-15', 48_000), report('a', '2016-10-19', 5_000)],
    expect: ['figure_jump:ev1:b 48000/5000'],
  },
];

for (const row of JUMPS)
  test(`figure jump: ${row.name}`, () => {
    const alerts = figureJumpAlerts([event({ reports: row.reports })], {
      ...OPTS,
      jumpFactor: row.factor ?? 2,
    });
    assert.deepEqual(
      alerts.map((a) => `${a.key} ${a.value}/${a.previous}`),
      row.expect,
    );
  });
