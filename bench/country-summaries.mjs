// The aggregates migrations 017 and 022 read from summary tables, against the same aggregates computed from
// the facts, in-process on the generated store of N facts (.bench/store-N.sqlite, as
// bench/store.mjs makes it; it must exist): the country summary over a date range and the time
// series of a country. Each query runs on a fresh store instance (nothing cached), wall and CPU
// milliseconds of the call. Prints one JSON line per query. Usage (after `node bin/dmon.mjs --version`):
//   node bench/country-summaries.mjs [--facts 1000000]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { openStore } from '../dist/store/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const i = process.argv.indexOf('--facts');
const N = Number(i > 0 ? process.argv[i + 1] : 1_000_000);
const sqlitePath = join(root, '.bench', `store-${N}.sqlite`);
if (!existsSync(sqlitePath)) {
  console.log(JSON.stringify({ bench: 'country summaries', skipped: `no store at ${sqlitePath}` }));
  process.exit(0);
}

const QUERIES = [
  ['countries', { from: '2020-01-01', to: '2020-12-31' }],
  ['countries', { from: '2019-01-15', to: '2020-06-20' }],
  ['countries', { from: '2016-10-01' }],
  ['countries', { from: '2022-03-01', to: '2022-03-31', country: ['SDN'] }],
  // With a cause or a hazard (migration 022's summary_cause_days).
  ['countries', { from: '2020-01-01', to: '2020-12-31', cause: 'disaster' }],
  ['countries', { from: '2020-01-01', to: '2020-12-31', cause: 'disaster', hazard: 'flood' }],
  ['countries', { from: '2020-01-01', to: '2020-12-31', hazard: 'flood', term: ['displaced'] }],
  ['countries', { from: '2019-01-15', to: '2020-06-20', cause: 'conflict', term: ['evacuated'] }],
  ['countries', { from: '2016-10-01', cause: 'disaster' }],
  ['timeseries', { country: ['SDN'] }, 'month'],
  ['timeseries', { country: ['UKR'] }, 'week'],
  ['timeseries', { country: ['SYR'], term: ['displaced'] }, 'month'],
  ['timeseries', { country: ['COD'], cause: 'disaster', from: '2019-01-15', to: '2020-06-20' }, 'week'],
];

async function timed(fn) {
  const store = await openStore({ sqlitePath });
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const rows = await fn(store.summaries);
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return {
      rows: rows.length,
      wall_ms: Math.round(wall),
      cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    };
  } finally {
    await store.close();
  }
}

// Opening the store once first applies any pending migration (017 fills its tables here).
{
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const store = await openStore({ sqlitePath });
  await store.close();
  const cpu = process.cpuUsage(cpu0);
  console.log(
    JSON.stringify({
      bench: 'country summaries',
      open_ms: Math.round(performance.now() - t0),
      open_cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    }),
  );
}
for (const [kind, filter, interval] of QUERIES) {
  const tables = (s) =>
    kind === 'countries'
      ? s.summaryTables.countries(filter)
      : s.summaryTables.timeseries(filter, interval, (f, i) => s.timeseriesFromFacts(f, i));
  const facts = (s) =>
    kind === 'countries' ? s.countriesFromFacts(filter) : s.timeseriesFromFacts(filter, interval);
  console.log(
    JSON.stringify({
      bench: 'country summaries',
      query: kind,
      filter,
      interval,
      from_facts: await timed(facts),
      from_tables: await timed(tables),
      load: loadavg()[0].toFixed(1),
    }),
  );
}
