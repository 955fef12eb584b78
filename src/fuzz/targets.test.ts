// A short seeded pass over every fuzz target, so `npm test` catches a regression the long
// `npm run fuzz` found once; the seed makes a failure reproducible.
import { test } from 'node:test';
import fc from 'fast-check';
import { TARGETS } from './targets.js';

for (const t of TARGETS)
  test(`fuzz: ${t.name}`, () => {
    fc.assert(t.property, { numRuns: 200, seed: 20261202 });
  });
