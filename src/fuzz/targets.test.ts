// A short seeded pass over every fuzz target, so `npm test` catches a regression the long
// `npm run fuzz` found once; the seed makes a failure reproducible. A target with a known,
// reported issue runs as a to-do: its failure is shown, and it says so once it passes.
import { after, test } from 'node:test';
import fc from 'fast-check';
import { closeFuzzApp } from './http.js';
import { TARGETS } from './targets.js';

after(closeFuzzApp);

for (const t of TARGETS)
  test(`fuzz: ${t.name}`, t.knownIssue ? { todo: t.knownIssue } : {}, async () => {
    await fc.assert(t.property, { numRuns: t.testRuns ?? 200, seed: 20261202 });
  });
