// `npm run fuzz`: every target with 100,000 random cases (FUZZ_RUNS to change, FUZZ_SEED to
// replay one). Prints each target's time; exits 1 on the first counterexample, which
// fast-check shrinks and prints with the seed and path that reproduce it.
import fc from 'fast-check';
import { TARGETS } from './targets.js';

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const seed = process.env.FUZZ_SEED === undefined ? Date.now() : Number(process.env.FUZZ_SEED);
const only = process.argv.slice(2);
let failed = false;
for (const t of TARGETS) {
  if (only.length && !only.some((o) => t.name.includes(o))) continue;
  const start = Date.now();
  const r = await fc.check(t.property, { numRuns: runs, seed });
  const secs = ((Date.now() - start) / 1000).toFixed(1);
  if (r.failed) {
    failed = true;
    process.stderr.write(
      `fuzz: ${t.name}: FAILED after ${r.numRuns} cases (${secs} s)\n${String(fc.defaultReportMessage(r as fc.RunDetails<unknown>))}\n`,
    );
  } else process.stdout.write(`fuzz: ${t.name}: ${r.numRuns} cases passed in ${secs} s (seed ${seed})\n`);
}
process.exit(failed ? 1 : 0);
