// `dmon classify` end to end, from source: the JSONL prediction lines, the summary with
// --explain, and clear errors for bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUN = fileURLToPath(new URL('../cli/run.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dmon-classify-'));
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', RUN, 'classify', ...args],
      { encoding: 'utf8' },
      (error, out, err) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
      },
    );
  });
}

test('--jsonl prints one prediction line per document with the contract fields', async () => {
  const p = file(
    'docs.jsonl',
    [
      {
        id: 'flood',
        text: 'Floodwaters forced 2,000 people from their homes in the delta.',
        published: null,
      },
      { id: 'war', text: 'Clashes between militias displaced 3,000 families.', lang: 'en' },
      { id: 'none', text: 'Share prices rose on Tuesday.' },
    ]
      .map((d) => JSON.stringify(d))
      .join('\n') + '\n',
  );
  const r = await run(['--jsonl', p]);
  assert.equal(r.code, 0, r.err);
  const rows = r.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(
    rows.map((x) => [x.id, x.relevant, x.cause, x.hazard]),
    [
      ['flood', true, 'disaster', 'flood'],
      ['war', true, 'conflict', null],
      ['none', false, null, null],
    ],
  );
  for (const row of rows) {
    assert.deepEqual(Object.keys(row), ['id', 'relevant', 'relevance', 'cause', 'hazard', 'type', 'facts']);
    assert.equal(typeof row.relevance, 'number');
    assert.deepEqual(row.facts, []);
  }
});

test('--explain lists the cues behind the decision', async () => {
  const p = file('one.txt', 'Residents were evacuated as the wildfire spread.');
  const r = await run(['--explain', p]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^one\.txt: relevant \(0\.\d\d\)\s+cause disaster \(wildfire\)/);
  assert.match(r.out, /evacuate\s.*"evacuated" @15-24/);
  assert.match(r.out, /disaster\/wildfire\s.*"wildfire"/);
});

test('a malformed JSON line is a clear error with exit 1', async () => {
  const p = file('bad.jsonl', '{"id": "a", "text": "ok"}\n{not json}\n');
  const r = await run(['--jsonl', p]);
  assert.equal(r.code, 1);
  assert.match(r.err, /bad\.jsonl:2: not valid JSON/);
});
