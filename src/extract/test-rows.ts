// Shared by the sentence-table tests (extract.test.ts, i18n.test.ts): every expected fact must
// be read, with every field the row names.
import assert from 'node:assert/strict';
import type { Fact } from '../types.js';

export type Row = [sentence: string, expected: Partial<Fact>[]];

/** Asserts that each expected fact is among `got`, matched on term and figure, field by field. */
export function assertFacts(
  got: Fact[],
  expected: Partial<Fact>[],
  options: { defaultExact?: boolean } = {},
): void {
  for (const e of expected) {
    const match = got.find((f) => f.term === e.term && f.figure === e.figure);
    assert.ok(
      match,
      `expected ${e.term} ${e.figure}; got ${JSON.stringify(got.map((f) => [f.term, f.figure]))}`,
    );
    for (const [k, v] of Object.entries(e))
      assert.deepEqual(match[k as keyof Fact], v, `${k} of ${e.term} ${e.figure}`);
    if (options.defaultExact && !('qualifier' in e))
      assert.equal(match.qualifier, 'exact', `qualifier of ${e.term} ${e.figure}`);
  }
}
