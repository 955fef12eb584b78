// `dmon eval` end to end, in a child process: the table, --json, --calibration, scoring saved
// predictions from `dmon extract --jsonl` (the same numbers as running the product in process),
// and bad input named file:line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUN = fileURLToPath(new URL('./run.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dmon-eval-cli-'));

function run(args: string[], input?: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', RUN, ...args],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
      (error, out, err) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err }),
    );
    child.stdin!.end(input ?? '');
  });
}

const fact = (figure: number | null, term: string | null, unit = 'people') => ({
  figure,
  term,
  term_raw: term,
  unit,
  country: null,
  location: null,
});
const docs = [
  {
    id: 't:1',
    source: 'mine',
    text: 'Up to 190,000 people have been displaced by the fighting in Mosul.',
    published: '2016-11-01',
    lang: 'en',
    scoring: 'prf',
    facts: [fact(190000, 'displaced')],
    relevant: true,
    cause: 'conflict',
    type: 'news',
  },
  {
    id: 't:2',
    source: 'mine',
    text: 'Officials said 4,200 residents were evacuated as the river rose on Tuesday.',
    published: '2021-07-14',
    lang: 'en',
    scoring: 'prf',
    facts: [fact(4200, 'evacuated'), fact(700, 'sheltered')],
    relevant: true,
    cause: 'disaster',
    type: 'news',
  },
  {
    id: 't:3',
    source: 'other',
    text: 'The city council approved a new budget for road repairs.',
    published: null,
    lang: 'en',
    scoring: 'recall',
    facts: [],
    relevant: false,
    cause: null,
    type: null,
  },
];
const gold = join(dir, 'gold.jsonl');
writeFileSync(gold, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');

test('dmon eval prints the scorer table for a facts gold file', async () => {
  const r = await run(['eval', '--gold', gold, '--by-source']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^facts: 3 gold documents/);
  assert.match(r.out, /RECALL figure\+term, all documents\s+\S+ \(2\/3\)/);
  assert.match(r.out, /\ball\b.*\bmine\b.*\bother\b/);
});

test('--json and --calibration: numbers, and the reliability of raw and calibrated confidence', async () => {
  const r = await run(['eval', '--gold', gold, '--json', '--calibration']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out) as {
    mode: string;
    results: { all: { matched: number; gold_facts: number; prf_docs_precision: number } };
    calibration: Record<string, { facts: number; ece: number; bins: { count: number }[] }>;
  };
  assert.equal(j.mode, 'facts');
  assert.equal(j.results.all.gold_facts, 3);
  assert.equal(j.results.all.matched, 2);
  assert.equal(j.results.all.prf_docs_precision, 1);
  assert.deepEqual(Object.keys(j.calibration), ['raw', 'calibrated']);
  for (const t of Object.values(j.calibration)) {
    assert.equal(t.facts, 2);
    assert.equal(
      t.bins.reduce((s, b) => s + b.count, 0),
      2,
    );
  }
  const table = await run(['eval', '--gold', gold, '--calibration']);
  assert.match(table.out, /calibrated confidence\n/);
  assert.match(table.out, /ECE \d\.\d{3} over 2 facts/);
});

test('saved predictions from dmon extract --jsonl score as the product run in process', async () => {
  const input = docs
    .map((d) => JSON.stringify({ id: d.id, text: d.text, published: d.published, lang: d.lang }))
    .join('\n');
  const ex = await run(['extract', '--jsonl'], input + '\n');
  assert.equal(ex.code, 0, ex.err);
  const pred = join(dir, 'pred.jsonl');
  writeFileSync(pred, ex.out);
  const [a, b] = await Promise.all([
    run(['eval', '--gold', gold, '--pred', pred, '--json']),
    run(['eval', '--gold', gold, '--json']),
  ]);
  assert.equal(a.code, 0, a.err);
  assert.deepEqual(JSON.parse(a.out).results, JSON.parse(b.out).results);
  const cls = await run(['eval', '--gold', gold, '--pred', pred, '--task', 'classify', '--json']);
  const all = (JSON.parse(cls.out) as { results: { all: { relevance_docs: number } } }).results.all;
  assert.equal(all.relevance_docs, 3);
});

test('bad gold is named file:line; a facts file is not a geo file; --gold is needed', async () => {
  const badFile = join(dir, 'bad.jsonl');
  writeFileSync(badFile, JSON.stringify(docs[0]) + '\n{"id": "x", "text": 3}\n');
  const bad = await run(['eval', '--gold', badFile]);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /bad\.jsonl:2 \(x\): "text" must be a string/);
  const geo = await run(['eval', '--gold', gold, '--task', 'geo']);
  assert.equal(geo.code, 1);
  assert.match(geo.err, /"toponyms" must be an array/);
  const none = await run(['eval']);
  assert.equal(none.code, 2);
  assert.match(none.err, /needs --gold FILE/);
});

test('--source, --limit and --raw narrow or change what is scored; an unknown source is named', async () => {
  const other = await run(['eval', '--gold', gold, '--source', 'other', '--json']);
  assert.equal(other.code, 0, other.err);
  assert.equal((JSON.parse(other.out) as { docs: number }).docs, 1);
  const one = await run(['eval', '--gold', gold, '--limit', '1', '--json']);
  assert.equal(
    (JSON.parse(one.out) as { results: { all: { gold_facts: number } } }).results.all.gold_facts,
    1,
  );
  const nope = await run(['eval', '--gold', gold, '--source', 'nope']);
  assert.equal(nope.code, 2);
  assert.match(nope.err, /--source nope: no such source .* \(has: mine, other\)/);
  // --raw scores the extractor's own confidence: one reliability table, named raw.
  const raw = await run(['eval', '--gold', gold, '--calibration', '--raw', '--json']);
  const cal = (JSON.parse(raw.out) as { calibration: Record<string, { facts: number }> }).calibration;
  assert.deepEqual(Object.keys(cal), ['raw']);
  assert.equal(cal.raw!.facts, 2);
});
