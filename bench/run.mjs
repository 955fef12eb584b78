// `npm run bench`: runs every bench/*.bench.mjs in its own process (so peak memory is its
// own) and prints one JSON line per result, then a summary table for BENCHMARKS.md.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

const only = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.bench.mjs') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
console.log(
  `# ${new Date().toISOString().slice(0, 10)} · ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length} · ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version}`,
);
let failed = 0;
for (const f of files) {
  const r = spawnSync(process.execPath, ['--expose-gc', new URL(f, import.meta.url).pathname], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 30 * 60 * 1000,
  });
  process.stdout.write(r.stdout);
  if (r.status !== 0) {
    failed++;
    console.log(JSON.stringify({ bench: f, error: `exited with ${r.status ?? r.signal}` }));
  }
}
process.exit(failed ? 1 : 0);
