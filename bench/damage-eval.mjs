// The repair stage measured on text damaged on purpose: each gold file's texts are damaged by
// the seeded damager (src/extract/normalize/test-damage.ts: wrapped and hyphenated lines, glued
// word pairs, doubled spaces, mojibake), its gold offsets moved with the text, and the shared
// scorer is run three times: clean text, damaged text read as it is (repair off), and damaged
// text repaired. It also checks that every quantity span read from damaged text points at the
// figure's digits in that text. Not part of `npm run bench` (it needs the scorer and tsx):
//
//   node --import tsx bench/damage-eval.mjs ../shared/eval/score.mjs ../shared/eval/dev/smoke.jsonl [--seed 7]
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { damage } from '../src/extract/normalize/test-damage.ts';
import { extract } from '../src/extract/index.ts';

const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : 7;
const [scorer, ...golds] = args;
if (!scorer || golds.length === 0) {
  console.error('usage: node --import tsx bench/damage-eval.mjs <score.mjs> <gold.jsonl>... [--seed N]');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'dmon-damage-'));
const digits = (s) => s.replace(/\D/g, '');

for (const gold of golds) {
  const docs = readFileSync(gold, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const damaged = docs.map((d, k) => {
    const dm = damage(d.text, seed * 100003 + k);
    const move = (s) => (s ? [dm.toDamaged(s[0]), dm.toDamaged(s[1], true)] : s);
    return {
      ...d,
      text: dm.text,
      facts: d.facts.map((f) => ({ ...f, span: move(f.span), quantity_span: move(f.quantity_span) })),
    };
  });
  const name = basename(gold, '.jsonl');
  const damagedGold = join(dir, `${name}.damaged.jsonl`);
  writeFileSync(damagedGold, damaged.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const runs = [
    ['clean', gold, docs, {}],
    ['damaged', damagedGold, damaged, { repair: false }],
    ['damaged+repaired', damagedGold, damaged, {}],
  ];
  console.log(`== ${name} (${docs.length} documents, seed ${seed})`);
  for (const [label, goldFile, input, options] of runs) {
    let spans = 0;
    let spansOk = 0;
    const lines = input.map((d) => {
      const r = extract(
        { id: d.id, text: d.text, published: d.published ?? null, lang: d.lang ?? null },
        options,
      );
      for (const f of r.facts) {
        if (f.figure === null) continue;
        spans++;
        const q = d.text.slice(f.quantity_span[0], f.quantity_span[1]);
        if (!/\d/.test(q) || String(f.figure).startsWith(digits(q).slice(0, 1))) spansOk++;
      }
      return JSON.stringify({ id: d.id, ...r });
    });
    const pred = join(dir, `${name}.${label}.pred.jsonl`);
    writeFileSync(pred, lines.join('\n') + '\n');
    const out = spawnSync(process.execPath, [scorer, 'facts', '--gold', goldFile, '--cmd', `cat ${pred}`], {
      encoding: 'utf8',
    }).stdout;
    const pick = (re) =>
      out
        .split('\n')
        .find((l) => re.test(l))
        ?.replace(re, '')
        .trim() ?? '–';
    console.log(
      `${label.padEnd(18)} recall ${pick(/^RECALL figure\+term, all documents/)}   prf precision ${pick(/^prf documents: PRECISION/)}   quantity spans on their figure ${spansOk}/${spans}`,
    );
  }
}
