// The CLI contract, in-process: exit codes 0 / 1 / 2, the JSONL prediction format, and clear
// messages for bad input (binary, empty, oversized, malformed JSON lines, missing files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makePdf } from '../document/fixtures/makePdf.js';

const RUN = fileURLToPath(new URL('./run.ts', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'dmon-cli-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  // A child process: the test runner itself talks over this process's stdout.
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', RUN, ...args], { encoding: 'utf8' }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
    });
  });
}

test('extract --jsonl prints one contract line per document, in input order', async () => {
  const p = file(
    'two.jsonl',
    [
      JSON.stringify({
        id: 'a',
        text: 'Up to 190,000 people have been displaced by the fighting.',
        published: null,
      }),
      JSON.stringify({ id: 'b', text: 'Nothing happened today.', published: '2024-01-01', lang: 'en' }),
    ].join('\n') + '\n',
  );
  const r = await run(['extract', '--jsonl', p]);
  assert.equal(r.code, 0, r.err);
  const lines = r.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(
    lines.map((l) => l.id),
    ['a', 'b'],
  );
  const [fact] = lines[0]!.facts as Record<string, unknown>[];
  assert.equal(fact?.figure, 190000);
  assert.equal(fact?.term, 'displaced');
  assert.equal(fact?.qualifier, 'up_to');
  assert.ok(Array.isArray(fact?.span) && Array.isArray(fact?.quantity_span));
  assert.equal(typeof lines[0]!.relevance, 'number');
});

test('a malformed JSON line names its line number and exits 1; --keep-going processes the rest', async () => {
  const p = file(
    'bad.jsonl',
    '{"id":"ok","text":"300 families were evacuated."}\n{not json}\n{"id":"ok2","text":"x"}\n',
  );
  const stop = await run(['extract', '--jsonl', p]);
  assert.equal(stop.code, 1);
  assert.match(stop.err, /bad\.jsonl:2: not valid JSON/);
  assert.match(stop.err, /use --keep-going/);
  const go = await run(['extract', '--jsonl', '--keep-going', p]);
  assert.equal(go.code, 1);
  assert.equal(go.out.trim().split('\n').length, 2);
  assert.match(go.err, /skipped .*bad\.jsonl:2: not valid JSON/);
  assert.doesNotMatch(go.err, /use --keep-going/, 'no advice to use the flag already given');
});

test('a JSON line without text, or with a bad date, is refused with the field named', async () => {
  const p = file('fields.jsonl', '{"id":"x"}\n');
  assert.match((await run(['extract', '--jsonl', p])).err, /needs a non-empty 'text' \(or 'html'\) field/);
  const q = file('date.jsonl', '{"id":"x","text":"t","published":"May 3"}\n');
  assert.match((await run(['extract', '--jsonl', q])).err, /published 'May 3' is not a date; use YYYY-MM-DD/);
});

test('extract --jsonl refuses the records import refuses, even with --keep-going', async () => {
  const p = file(
    'urls.jsonl',
    [
      JSON.stringify({ id: 'js', text: '300 families were evacuated.', url: 'javascript:alert(1)' }),
      JSON.stringify({ id: 'ok', text: '300 families were evacuated.', published: '2024-03-05T10:00:00Z' }),
    ].join('\n') + '\n',
  );
  const r = await run(['extract', '--jsonl', '--keep-going', p]);
  assert.equal(r.code, 1);
  assert.match(
    r.err,
    /skipped .*urls\.jsonl:1: url 'javascript:alert\(1\)' is not an absolute http\(s\) URL/,
  );
  assert.deepEqual(
    r.out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id),
    ['ok'],
  );
});

test('extract reads a PDF, as import and the fetcher do', async () => {
  const pdf = makePdf({ pages: [['Floods forced 2,400 people to evacuate their homes on Monday.']] });
  const r = await run(['extract', '--json', file('report.pdf', Buffer.from(pdf))]);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out) as { id: string; facts: { figure: number; term: string }[] };
  assert.equal(doc.id, 'report.pdf');
  assert.deepEqual(
    doc.facts.map((f) => [f.figure, f.term]),
    [[2400, 'evacuated']],
  );
});

test('binary, empty, oversized and missing inputs get clear errors and exit 1', async () => {
  const bin = await run(['extract', file('junk.bin', Buffer.from([0, 1, 2, 3, 255, 254, 0, 7]))]);
  assert.equal(bin.code, 1);
  assert.match(bin.err, /binary data/);
  const empty = await run(['extract', file('empty.txt', '  \n')]);
  assert.equal(empty.code, 1);
  assert.match(empty.err, /empty/);
  const big = await run(['extract', '--max-bytes', '64', file('big.txt', 'x'.repeat(1000))]);
  assert.equal(big.code, 1);
  assert.match(big.err, /larger than the limit/);
  const missing = await run(['extract', join(dir, 'nope.txt')]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no such file/);
});

test('HTML files are reduced to their main text', async () => {
  const html =
    '<html><head><title>Floods</title></head><body><nav>Home | News</nav><article><p>Floods forced ' +
    '2,400 people to evacuate their homes on Monday, officials said.</p><p>More rain is forecast.</p></article></body></html>';
  const r = await run(['extract', '--json', file('page.html', html)]);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out) as { facts: { figure: number; term: string }[] };
  assert.deepEqual(
    doc.facts.map((f) => [f.figure, f.term]),
    [[2400, 'evacuated']],
  );
});

test('usage errors exit 2; --help and --version exit 0', async () => {
  assert.equal((await run(['extract', '--no-such-flag'])).code, 2);
  assert.equal((await run(['frobnicate'])).code, 2);
  assert.equal((await run(['--version'])).code, 0);
  assert.equal((await run(['extract', '--help'])).code, 0);
});
