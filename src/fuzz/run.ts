// `npm run fuzz`: every target with 100,000 random cases (FUZZ_RUNS to change, FUZZ_SEED to
// replay one), then the linear-time checks (src/fuzz/linear.ts). Prints each target's time and
// each reader's time per MB at 1 and 4 MB; exits 1 when a target finds a counterexample (which
// fast-check shrinks and prints with the seed and path that reproduce it) or a gated reader is
// superlinear (time per MB at 4 MB over 3× that at 1 MB).
//   npm run fuzz [-- NAME…]          only the targets and readers whose names contain NAME
//   npm run fuzz -- --no-linear      properties only;  --linear-only: timings only
//   npm run fuzz -- --report FILE    also write the results as JSON
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { closeFuzzApp } from './http.js';
import { formatRow, MAX_RATIO, measureLinear, type LinearRow } from './linear.js';
import { TARGETS } from './targets.js';

const args = process.argv.slice(2);
const flag = (f: string) => {
  const i = args.indexOf(f);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const reportAt = args.indexOf('--report');
const reportFile = reportAt >= 0 ? args.splice(reportAt, 2)[1] : undefined;
const noLinear = flag('--no-linear');
const linearOnly = flag('--linear-only');
const only = args;
const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const seed = process.env.FUZZ_SEED === undefined ? Date.now() : Number(process.env.FUZZ_SEED);

let failed = false;
const properties: { name: string; cases: number; seconds: number; failed: boolean; knownIssue?: string }[] =
  [];
if (!linearOnly)
  for (const t of TARGETS) {
    if (only.length && !only.some((o) => t.name.includes(o))) continue;
    const start = Date.now();
    const r = await fc.check(t.property, { numRuns: runs, seed });
    const seconds = (Date.now() - start) / 1000;
    properties.push({ name: t.name, cases: r.numRuns, seconds, failed: r.failed, knownIssue: t.knownIssue });
    if (r.failed) {
      failed = true;
      process.stderr.write(
        `fuzz: ${t.name}: FAILED after ${r.numRuns} cases (${seconds.toFixed(1)} s)${t.knownIssue ? ` (known: ${t.knownIssue})` : ''}\n${String(fc.defaultReportMessage(r as fc.RunDetails<unknown>))}\n`,
      );
    } else
      process.stdout.write(
        `fuzz: ${t.name}: ${r.numRuns} cases passed in ${seconds.toFixed(1)} s (seed ${seed})\n`,
      );
  }

await closeFuzzApp();

let linear: LinearRow[] = [];
if (!noLinear) {
  linear = await measureLinear(only, (r) => process.stdout.write(formatRow(r) + '\n'));
  if (linear.some((r) => r.gated && r.ratio > MAX_RATIO)) failed = true;
}
if (reportFile)
  writeFileSync(
    reportFile,
    JSON.stringify({ date: new Date().toISOString(), seed, runs, properties, linear }, null, 2) + '\n',
  );
process.exit(failed ? 1 : 0);
