// Golden article fixtures: golden/in/<name>.txt (first line "published: YYYY-MM-DD", a blank
// line, then the article) → golden/out/<name>.facts.json. Outputs are regenerated only on
// purpose (`REGEN=1 node scripts/test.mjs golden`) and reviewed as a diff. Known failures wait
// in golden/backlog/ with a note of what is expected; they are not run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extract } from './index.js';

const dir = fileURLToPath(new URL('./golden/', import.meta.url));

function load(name: string) {
  const raw = readFileSync(`${dir}in/${name}`, 'utf8');
  const m = /^published: (\d{4}-\d{2}-\d{2})\n\n/.exec(raw);
  return { text: m ? raw.slice(m[0].length) : raw, published: m ? m[1]! : null };
}

/** The stable, reviewable projection of a result: what an analyst would check. */
function project(text: string, published: string | null) {
  const r = extract({ text, published });
  return {
    relevant: r.relevant,
    cause: r.cause,
    facts: r.facts.map((f) => ({
      quantity: text.slice(f.quantity_span[0], f.quantity_span[1]),
      figure: f.figure,
      term: f.term,
      unit: f.unit,
      qualifier: f.qualifier,
      trigger: text.slice(f.term_span[0], f.term_span[1]),
      date: f.date?.start ?? null,
      cause: f.cause,
      hazard: f.hazard,
    })),
  };
}

for (const name of readdirSync(`${dir}in`).filter((f) => f.endsWith('.txt'))) {
  test(`golden: ${name}`, () => {
    const { text, published } = load(name);
    const got = project(text, published);
    const out = `${dir}out/${name.replace(/\.txt$/, '.facts.json')}`;
    if (process.env.REGEN === '1' || !existsSync(out)) {
      writeFileSync(out, JSON.stringify(got, null, 2) + '\n');
      if (process.env.REGEN !== '1') assert.fail(`${out} did not exist; written now — review it and commit`);
      return;
    }
    assert.deepEqual(got, JSON.parse(readFileSync(out, 'utf8')));
  });
}
