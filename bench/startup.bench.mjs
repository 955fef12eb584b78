// Start-up: the time from launching `dmon extract` on one sentence to its first result (the
// process exits after printing it), against launching bare Node, the floor no CLI beats. Each
// is run several times, alternating; the median is reported. Needs a build (`npm run bench`
// makes one first).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const bin = fileURLToPath(new URL('../bin/dmon.mjs', import.meta.url));
const SENTENCE = 'Up to 190,000 people have been displaced by the fighting in Mosul.\n';
const RUNS = 5;
const time = (args, input) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return { ms: performance.now() - t, out: r.stdout };
};
const node = [];
const dmon = [];
let facts = 0;
for (let i = 0; i < RUNS; i++) {
  node.push(time(['-e', '0'], '').ms);
  const r = time([bin, 'extract', '--json'], SENTENCE);
  dmon.push(r.ms);
  facts = JSON.parse(r.out).facts.length;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(
  JSON.stringify({
    bench: 'start-up: dmon extract on one sentence',
    median_ms: Math.round(median(dmon)),
    node_ms: Math.round(median(node)),
    times_node: +(median(dmon) / median(node)).toFixed(1),
    facts,
  }),
);
