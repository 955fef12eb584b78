#!/usr/bin/env node
// Checks the real-text evaluation set (dev/ and held*/ *.jsonl) against the gold format of
// ../shared/eval/README.md: fields, ids unique across both halves, coarse and fine terms,
// units, and that every span and quantity_span points at text (text.slice(span) is not empty,
// the quantity lies inside its sentence). Exits 1 on any error; prints counts per half.
import { readFileSync, readdirSync } from 'node:fs';

const COARSE = {
  displaced: 'displaced',
  forced_to_flee: 'displaced',
  relocated: 'displaced',
  homeless: 'displaced',
  evacuated: 'evacuated',
  sheltered: 'sheltered',
  in_relief_camp: 'sheltered',
  destroyed_housing: 'destroyed_housing',
  partially_destroyed_housing: 'destroyed_housing',
  uninhabitable_housing: 'destroyed_housing',
  refugees: 'refugees',
  returns: 'returns',
};
const FIELDS = [
  'id',
  'source',
  'text',
  'lang',
  'scoring',
  'url',
  'publisher',
  'licence',
  'facts',
  'relevant',
];
let errors = 0;
const fail = (where, msg) => (errors++, console.error(`${where}: ${msg}`));
const seen = new Set();
// dev/ and the held-back halves (held3/, …) that exist.
const halves = readdirSync(new URL('./', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^(dev|held\w*)$/.test(d.name))
  .map((d) => d.name)
  .sort();
for (const half of halves) {
  const dir = new URL(`./${half}/`, import.meta.url);
  const count = { docs: 0, relevant: 0, facts: 0, numeric: 0, terms: {} };
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    readFileSync(new URL(file, dir), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        const where = `${half}/${file}:${i + 1}`;
        let d;
        try {
          d = JSON.parse(line);
        } catch {
          return fail(where, 'not JSON');
        }
        for (const k of FIELDS) if (!(k in d)) fail(where, `missing ${k}`);
        if (seen.has(d.id)) fail(where, `duplicate id ${d.id}`);
        seen.add(d.id);
        if (d.scoring !== 'prf') fail(where, 'scoring must be prf');
        count.docs++;
        if (d.relevant) count.relevant++;
        for (const f of d.facts ?? []) {
          const at = `${where} fact ${f.figure}/${f.term}`;
          if (COARSE[f.term_raw] !== f.term) fail(at, `term_raw ${f.term_raw} is not of class ${f.term}`);
          if (!['people', 'households'].includes(f.unit)) fail(at, `unit ${f.unit}`);
          if (f.figure !== null && !Number.isInteger(f.figure)) fail(at, 'figure must be an integer or null');
          const [s, e] = f.span ?? [];
          if (!(s >= 0 && e > s && e <= d.text.length)) fail(at, `bad span ${f.span}`);
          if (f.quantity_span) {
            const [qs, qe] = f.quantity_span;
            if (!(qs >= s && qe <= e && qe > qs))
              fail(at, `quantity_span ${f.quantity_span} outside span ${f.span}`);
          }
          count.facts++;
          if (f.figure !== null) count.numeric++;
          count.terms[f.term] = (count.terms[f.term] ?? 0) + 1;
        }
      });
  }
  console.log(`${half}: ${JSON.stringify(count)}`);
}
if (errors) {
  console.error(`${errors} error(s)`);
  process.exit(1);
}
