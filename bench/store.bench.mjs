// `npm run bench` entry for the store: facet-query latency, aggregates and exports on a
// generated store of 1,000,000 facts (SQLite; PostgreSQL too when DMON_BENCH_PG=1), and
// ingest + extract throughput. The 1 M-fact store is generated once into .bench/ (several
// minutes) and reused. Prints JSON lines; BENCHMARKS.md has the tables.
import { spawnSync } from 'node:child_process';

const run = (script, args) => {
  const r = spawnSync(process.execPath, [new URL(script, import.meta.url).pathname, ...args, '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(r.stdout);
  if (r.status !== 0) process.exitCode = 1;
};
const facts = process.env.DMON_BENCH_FACTS ?? '1000000';
run('./store.mjs', ['--facts', facts]);
run('./store-ingest.mjs', ['--articles', '500']);
if (process.env.DMON_BENCH_PG === '1') {
  run('./store.mjs', ['--facts', facts, '--engine', 'postgres']);
  run('./store-ingest.mjs', ['--articles', '500', '--engine', 'postgres', '--workers', '1']);
  run('./store-ingest.mjs', ['--articles', '500', '--engine', 'postgres', '--workers', '2']);
}
