// The full rebuild of claims and events on a copy of the clustered store of bench/events-store.mjs
// (run that first with the same --facts): wall time, CPU seconds and the process's peak resident
// memory, in parts (the default) or with every fact in memory (`--whole`). `--digest` prints instead
// a digest of the rebuilt tables of the copy named by --work (without updated_at), to compare the
// two rebuilds' results. SQLite only.
//   node bin/dmon.mjs --version && node bench/events-rebuild.mjs --facts 200000 [--whole] [--work NAME]
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore, queryBuilderForTests } from '../dist/store/index.js';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('facts', '200000'));
const whole = process.argv.includes('--whole');
const root = new URL('..', import.meta.url).pathname;
const base = join(root, '.bench', `events-${N}.sqlite`);
const work = join(
  root,
  '.bench',
  `events-${N}-${arg('work', whole ? 'rebuild-whole' : 'rebuild-parts')}.sqlite`,
);
if (!existsSync(base)) throw new Error(`${base}: run bench/events-store.mjs --facts ${N} first`);

if (process.argv.includes('--digest')) {
  const store = await openStore({ sqlitePath: work });
  const db = queryBuilderForTests(store);
  const out = {};
  for (const table of ['claims', 'claim_facts', 'events', 'event_countries', 'event_checkpoints']) {
    const rows = (await db.selectFrom(table).selectAll().execute()).map((r) => {
      const { updated_at: _u, ...rest } = r;
      return JSON.stringify(
        Object.keys(rest)
          .sort()
          .map((k) => [k, rest[k] ?? null]),
      );
    });
    out[table] =
      `${rows.length} rows, ${createHash('sha1').update(rows.sort().join('\n')).digest('hex').slice(0, 12)}`;
  }
  console.log(JSON.stringify({ bench: 'events-rebuild', work, ...out }));
  await store.close();
  process.exit(0);
}

for (const ext of ['', '-wal', '-shm']) rmSync(work + ext, { force: true });
copyFileSync(base, work);
const store = await openStore({ sqlitePath: work });
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const t = performance.now();
const c = cpu();
const r = await store.clustering.rebuild({ whole });
console.log(
  JSON.stringify({
    bench: 'events-rebuild',
    store_facts: N,
    mode: whole ? 'whole' : 'parts',
    ...r,
    ms: Math.round(performance.now() - t),
    cpu_s: +(cpu() - c).toFixed(1),
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
await store.close();
