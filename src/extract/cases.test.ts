// Runs the sentence cases in cases/*.jsonl except the backlog (see cases/README.md): every expected fact must be
// read with its figure, coarse term and unit, and negative sentences must yield no figure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { extract } from './index.js';
import { COARSE } from './refine/dedupe.js';

interface Case {
  text: string;
  /** The document language (default English): number formats and words depend on it. */
  lang?: string;
  expected: { figure: number; term: string; unit: string; alt_terms?: string[] }[];
  /** Figures that must not be read (with the term given, or at all): "the whole of a part" stays unread. */
  absent?: { figure: number; term?: string }[];
}

// One file per class of phrasing (en.jsonl is the first red-team set); backlog.jsonl waits.
const dir = new URL('./cases/', import.meta.url);
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl') && f !== 'backlog.jsonl')
  .sort()
  .flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n'))
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Case);

test(`sentence cases (${cases.length})`, () => {
  const failures: string[] = [];
  for (const c of cases) {
    const got = extract({ text: c.text, published: '2024-06-01', lang: c.lang ?? 'en' }, { geoparse: false })
      .facts.filter((f) => f.figure !== null && f.term !== 'evicted')
      .map((f) => ({ figure: f.figure, term: COARSE[f.term], unit: f.unit }));
    if (c.expected.length === 0 && got.length > 0)
      failures.push(`${c.text}\n  expected nothing, got ${JSON.stringify(got)}`);
    for (const e of c.expected) {
      const terms = [e.term, ...(e.alt_terms ?? [])];
      if (!got.some((g) => g.figure === e.figure && terms.includes(g.term) && g.unit === e.unit))
        failures.push(`${c.text}\n  missing ${JSON.stringify(e)}; got ${JSON.stringify(got)}`);
    }
    for (const a of c.absent ?? [])
      if (got.some((g) => g.figure === a.figure && (a.term === undefined || g.term === a.term)))
        failures.push(`${c.text}\n  read ${JSON.stringify(a)}, which it must not; got ${JSON.stringify(got)}`);
  }
  assert.deepEqual(failures, []);
});
