// GET /api/events pages with filters (migration 015): every filter reads its page from an index
// in list order, and the pages are the ones a plain filter and sort of every event gives, on
// both engines: one country (through event_countries' copy of the list key), several
// countries, cause, hazard, `from`/`to` (a range of the key, `to` widened by the longest
// event), a name, events without dates, and an event spanning years that widens the `to` bound.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import type { EventFilter } from './queries/events.js';
import { spanDays } from './queries/clusterRows.js';
import { queryBuilderForTests } from './index.js';
import { describeEachEngine } from './test-engines.js';
import { queryPlan } from './test-queryPlan.js';

interface Ev {
  id: string;
  name: string;
  cause: string | null;
  hazard: string | null;
  countries: string[];
  first: string | null;
  last: string | null;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const day = (d: number) => new Date(Date.UTC(2018, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

function makeEvents(): Ev[] {
  const rand = rng(7);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const out: Ev[] = [];
  for (let i = 0; i < 400; i++) {
    const cause = pick(['conflict', 'disaster', null] as const);
    const hazard = cause === 'disaster' ? pick(['flood', 'storm', 'earthquake']) : null;
    const start = Math.floor(rand() * 1500);
    const length = rand() < 0.7 ? 0 : Math.floor(rand() * 120);
    const countries = [pick(['IRQ', 'SYR', 'PHL', 'SDN'])];
    if (rand() < 0.15) countries.push(pick(['IRQ', 'SYR', 'PHL', 'SDN', 'BGD']));
    out.push({
      id: `e${i.toString(16).padStart(12, '0')}`,
      name: `${cause ?? 'Event'} ${i % 7 === 0 ? 'Region 3' : 'Region 5'}`,
      cause,
      hazard,
      countries: [...new Set(countries)],
      first: day(start),
      last: day(start + length),
    });
  }
  // Without dates; with a first date only; ties on the last date; one lasting three years.
  out.push({ ...out[0]!, id: 'e1000000000a0', first: null, last: null });
  out.push({ ...out[1]!, id: 'e1000000000a1', first: day(30), last: null });
  out.push({ ...out[2]!, id: 'e1000000000a2', first: day(200), last: day(200) });
  out.push({ ...out[3]!, id: 'e1000000000a3', first: day(200), last: day(200) });
  out.push({ ...out[4]!, id: 'e1000000000a4', first: day(100), last: day(1200), countries: ['IRQ'] });
  return out;
}

/** The filter as plain code: what each page must hold. */
function expected(events: Ev[], f: EventFilter): string[] {
  return events
    .filter(
      (e) =>
        (!f.country?.length || e.countries.some((c) => f.country!.includes(c))) &&
        (!f.cause || e.cause === f.cause) &&
        (!f.hazard || e.hazard === f.hazard) &&
        (!f.from || (e.last !== null && e.last >= f.from)) &&
        (!f.to || (e.first !== null && e.first <= f.to)) &&
        (!f.q || e.name.toLowerCase().includes(f.q.toLowerCase())),
    )
    .sort((a, b) => (b.last ?? '').localeCompare(a.last ?? '') || b.id.localeCompare(a.id))
    .map((e) => e.id);
}

const FILTERS: EventFilter[] = [
  {},
  { country: ['IRQ'] },
  { country: ['BGD'] },
  { country: ['FRA'] },
  { country: ['IRQ', 'SYR'] },
  { cause: 'conflict' },
  { hazard: 'flood' },
  { cause: 'disaster', hazard: 'storm' },
  { cause: 'conflict', hazard: 'flood' },
  { from: '2019-01-01', to: '2019-12-31' },
  { to: '2018-06-30' },
  { from: '2021-06-01' },
  { country: ['IRQ'], from: '2019-01-01', to: '2019-06-30' },
  { country: ['PHL'], hazard: 'storm', to: '2020-01-01' },
  { country: ['SYR'], cause: 'conflict', from: '2020-01-01' },
  { q: 'region 3', from: '2019-01-01' },
  { hazard: 'flood', to: '2018-01-20' },
];

describeEachEngine('events list filters', (store, engine) => {
  test('pages with every filter are those of a plain filter and sort', async () => {
    const db = queryBuilderForTests(store());
    const events = makeEvents();
    for (const e of events) {
      await db
        .insertInto('events')
        .values({
          id: e.id,
          name: e.name,
          hazard_name: null,
          cause: e.cause,
          hazard: e.hazard,
          countries: JSON.stringify(e.countries),
          places: '[]',
          first_date: e.first,
          last_date: e.last,
          claim_count: 1,
          fact_count: 1,
          figure: null,
          figure_unit: null,
          figure_people: null,
          figure_term_class: null,
          figure_stock_or_flow: null,
          figure_claim_id: null,
          figure_reason: null,
          figures: '[]',
          span_days: spanDays(e.first, e.last),
          updated_at: 0,
        })
        .execute();
      await db
        .insertInto('event_countries')
        .values(e.countries.map((country) => ({ event_id: e.id, country, last_key: e.last ?? '' })))
        .execute();
    }
    for (const f of FILTERS)
      for (const limit of [7, 50]) {
        const got: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<ReturnType<typeof store>['events']['list']>> =
            await store().events.list(f, { limit, cursor });
          assert.ok(page.items.length <= limit);
          got.push(...page.items.map((e) => e.id));
          cursor = page.next;
        } while (cursor);
        assert.deepEqual(got, expected(events, f), `${engine} ${JSON.stringify(f)} limit ${limit}`);
      }
    // The three-year event widens the `to` bound; without it the bound is tighter, and the
    // same pages come out.
    await db.deleteFrom('event_countries').where('event_id', '=', 'e1000000000a4').execute();
    await db.deleteFrom('events').where('id', '=', 'e1000000000a4').execute();
    const rest = events.filter((e) => e.id !== 'e1000000000a4');
    for (const f of FILTERS.filter((f) => f.to)) {
      const page = await store().events.list(f, { limit: 500 });
      assert.deepEqual(
        page.items.map((e) => e.id),
        expected(rest, f),
      );
    }
  });

  test('a filtered page comes from an index in list order', async () => {
    const db = queryBuilderForTests(store());
    const key = sql`coalesce(events.last_date, '')`;
    const order = sql`ORDER BY ${key} DESC, events.id DESC LIMIT 51`;
    const queries = [
      {
        index: 'event_countries_recent',
        query: sql`SELECT events.* FROM event_countries INNER JOIN events ON events.id = event_countries.event_id
          WHERE event_countries.country = 'IRQ' AND (event_countries.last_key, event_countries.event_id) < ('2020-01-01', 'e1')
          ORDER BY event_countries.last_key DESC, event_countries.event_id DESC LIMIT 51`,
      },
      {
        index: 'events_cause_recent',
        query: sql`SELECT * FROM events WHERE events.cause = 'conflict' ${order}`,
      },
      {
        index: 'events_hazard_recent',
        query: sql`SELECT * FROM events WHERE events.cause = 'disaster' AND events.hazard = 'flood' ${order}`,
      },
      {
        index: 'events_recent',
        query: sql`SELECT * FROM events WHERE events.last_date >= '2019-01-01' AND events.first_date <= '2019-12-31'
          AND ${key} >= '2019-01-01' AND ${key} <= '2020-03-01' ${order}`,
      },
    ];
    for (const { index, query } of queries) {
      const plan = await queryPlan(db, engine, query);
      if (engine === 'sqlite') {
        assert.match(plan, new RegExp(`SEARCH \\w+ USING (COVERING )?INDEX ${index} `), plan);
        assert.doesNotMatch(plan, /TEMP B-TREE/);
      } else {
        assert.match(plan, new RegExp(`Index (Only )?Scan Backward using ${index}`), plan);
        assert.doesNotMatch(plan, /Sort/, plan);
      }
    }
  });
});
