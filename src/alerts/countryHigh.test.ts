import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countryHighAlerts } from './countryHigh.js';
import type { DailyFlow, RaisedAlert, WatchedCause } from './types.js';

const flow = (
  date: string,
  people: number,
  cause: WatchedCause = 'conflict',
  country = 'SDN',
): DailyFlow => ({
  country,
  cause,
  date,
  people,
});

const brief = (flows: DailyFlow[], raised: RaisedAlert[] = []) =>
  countryHighAlerts(flows, raised).map(
    (a) => `${a.country} ${a.cause} ${a.level} ${a.date} ${a.value}/${a.previous}`,
  );

// Each row: what was reported, and the alerts the rule must raise (none for a negative row).
const TABLE: { name: string; flows: DailyFlow[]; expect: string[] }[] = [
  {
    name: 'conflict: a first 30-day total above 5,000 is the highest in 3 years',
    flows: [flow('2024-03-01', 6_000)],
    expect: ['SDN conflict 3y 2024-03-01 6000/0'],
  },
  {
    name: 'conflict: below the 5,000 floor nothing is raised, however new',
    flows: [flow('2024-03-01', 4_999)],
    expect: [],
  },
  {
    name: 'conflict: two reports in one window add up to cross the floor',
    flows: [flow('2024-03-01', 3_000), flow('2024-03-20', 3_000)],
    expect: ['SDN conflict 3y 2024-03-20 6000/3000'],
  },
  {
    name: 'conflict: reports more than 30 days apart are different windows',
    flows: [flow('2024-03-01', 3_000), flow('2024-04-15', 3_000)],
    expect: [],
  },
  {
    name: 'disaster: 40,000 is under the 50,000 disaster floor',
    flows: [flow('2024-03-01', 40_000, 'disaster')],
    expect: [],
  },
  {
    name: 'disaster: 60,000 is above it',
    flows: [flow('2024-03-01', 60_000, 'disaster')],
    expect: ['SDN disaster 3y 2024-03-01 60000/0'],
  },
  {
    name: 'the same day reported twice (or under two terms) counts once: the largest',
    flows: [flow('2024-03-01', 4_000), flow('2024-03-01', 4_500)],
    expect: [],
  },
  {
    name: 'a rise that stays below the year-high is no alert (after the suppression window)',
    flows: [flow('2023-01-10', 90_000), flow('2023-09-01', 20_000)],
    expect: ['SDN conflict 3y 2023-01-10 90000/0'],
  },
  {
    name: 'a 1-year high that is not a 3-year high is level 1y (first high 2 years earlier)',
    flows: [flow('2021-01-10', 90_000), flow('2022-06-01', 20_000), flow('2023-03-01', 30_000)],
    expect: [
      'SDN conflict 3y 2021-01-10 90000/0',
      'SDN conflict 1y 2022-06-01 20000/0',
      'SDN conflict 1y 2023-03-01 30000/20000',
    ],
  },
  {
    name: 'after 3 years the old high no longer counts',
    flows: [flow('2020-01-10', 90_000), flow('2023-06-01', 30_000)],
    expect: ['SDN conflict 3y 2020-01-10 90000/0', 'SDN conflict 3y 2023-06-01 30000/0'],
  },
  {
    name: 'countries and causes are separate series',
    flows: [flow('2024-03-01', 6_000, 'conflict', 'SDN'), flow('2024-03-01', 6_000, 'conflict', 'TCD')],
    expect: ['SDN conflict 3y 2024-03-01 6000/0', 'TCD conflict 3y 2024-03-01 6000/0'],
  },
];

for (const row of TABLE)
  test(`country rule: ${row.name}`, () => {
    assert.deepEqual(brief(row.flows).sort(), [...row.expect].sort());
  });

test('country rule: a new high within 180 days of an alert is suppressed; after 180 days it is raised', () => {
  assert.deepEqual(
    brief([flow('2024-01-01', 6_000), flow('2024-03-01', 9_000), flow('2024-05-01', 12_000)]),
    ['SDN conflict 3y 2024-01-01 6000/0'],
  );
  assert.deepEqual(brief([flow('2024-01-01', 6_000), flow('2024-07-01', 9_000)]), [
    'SDN conflict 3y 2024-01-01 6000/0',
    'SDN conflict 3y 2024-07-01 9000/6000',
  ]);
});

test('country rule: a 3-year high breaks through the silence of a 1-year alert, not the reverse', () => {
  const raised: RaisedAlert[] = [
    { kind: 'country_high', country: 'SDN', cause: 'conflict', level: '1y', date: '2024-01-01', key: 'k1' },
  ];
  // 2021's 50,000 makes 2024-01-01's 8,000 only a 1-year high; 60,000 in February is a 3-year one.
  const history = [flow('2021-06-01', 50_000), flow('2024-01-01', 8_000)];
  assert.deepEqual(brief([...history, flow('2024-02-15', 60_000)], raised).slice(-1), [
    'SDN conflict 3y 2024-02-15 60000/50000',
  ]);
  const raised3: RaisedAlert[] = [{ ...raised[0]!, level: '3y' }];
  assert.deepEqual(
    brief([flow('2024-01-01', 8_000), flow('2024-02-15', 9_000)], raised3),
    [],
    'a 1-year high within 180 days of a 3-year alert stays silent',
  );
});

test('country rule: raising again from the same reports and stored alerts adds nothing', () => {
  const flows = [flow('2024-01-01', 6_000), flow('2024-07-01', 9_000)];
  const first = countryHighAlerts(flows, []);
  const raised: RaisedAlert[] = first.map((a) => ({ ...a }));
  assert.deepEqual(countryHighAlerts(flows, raised), []);
  assert.match(
    first[0]!.title,
    /^Sudan: conflict displacement at a 3-year high \(6,000 people in 30 days\)$/,
  );
});
