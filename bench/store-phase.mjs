// The store phase of `dmon import` alone (dedup, article and job rows; no extraction): the same
// generated articles (articles.mjs) imported into a fresh SQLite file several times in one
// process, CPU and wall ms an article for each import. The first is cold (JIT), as in
// import.bench.mjs; the later ones show the code's steady cost.
//   node bin/dmon.mjs --version && node bench/store-phase.mjs [--articles 1000] [--runs 5]
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateArticles, writeArticlesFile } from './articles.mjs';

const { loadConfig } = await import('../dist/config.js');
const { openRuntime } = await import('../dist/ingest/open.js');
const { importPaths } = await import('../dist/cli/commands/import.js');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('articles', '1000'));
const runs = Number(arg('runs', '5'));
const docs = generateArticles(N);
const { dir, file } = writeArticlesFile(docs, 'dmon-bench-store-phase-');
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const cpu = [];
const wall = [];
for (let r = 0; r < runs; r++) {
  const rt = await openRuntime(
    loadConfig({ ...process.env, DMON_SQLITE: join(dir, `dmon-${r}.sqlite`), DATABASE_URL: '' }),
  );
  try {
    const c = cpuMs();
    const w = performance.now();
    await importPaths(rt.ingest, [file]);
    cpu.push(+((cpuMs() - c) / N).toFixed(3));
    wall.push(+((performance.now() - w) / N).toFixed(3));
  } finally {
    await rt.close();
  }
}
console.log(
  JSON.stringify({
    bench: 'dmon import store phase alone (SQLite), fresh file each run',
    articles: N,
    cpu_ms_per_article: cpu,
    wall_ms_per_article: wall,
  }),
);
rmSync(dir, { recursive: true, force: true });
