// A text with a few invalid UTF-8 bytes is read, not refused: each bad sequence becomes U+FFFD
// and the warning is shown where the user looks — on stderr for `dmon extract` and `dmon
// import`, and in the article record (its `error` note) for imported and fetched articles.
// Truly binary input is still refused with a clear message. Real CLI processes, real stores,
// a real loopback server for the fetch.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { importPaths } from '../cli/commands/import.js';
import { describeEachEngine } from '../store/test-engines.js';
import { Ingest } from './ingest.js';
import { createDeps } from './wiring.js';

const RUN = fileURLToPath(new URL('../cli/run.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dmon-badbytes-'));
const DAMAGED = Buffer.concat([
  Buffer.from('Über 2.300 Menschen – die meisten aus Köln – wurden evakuiert; '),
  Buffer.from([0xff, 0xfe, 0xc3]),
  Buffer.from(' 2,300 people were evacuated from Köln on Monday.\n'),
]);
const damagedFile = join(dir, 'damaged.txt');
writeFileSync(damagedFile, DAMAGED);
const jsonlFile = join(dir, 'damaged.jsonl');
writeFileSync(
  jsonlFile,
  Buffer.concat([
    Buffer.from('{"id":"a","text":"Floods forced 1,200 families from Sylhet '),
    Buffer.from([0xe9, 0x80]),
    Buffer.from(' on Monday.","published":"2024-06-20"}\n'),
  ]),
);

function dmon(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    delete childEnv.DATABASE_URL;
    execFile(
      process.execPath,
      ['--import', 'tsx', RUN, ...args],
      { encoding: 'utf8', env: childEnv },
      (e, out, err) => resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out, err }),
    );
  });
}

test('dmon extract reads a damaged text, replaces the bad bytes and warns on stderr', async () => {
  const r = await dmon(['extract', '--json', damagedFile]);
  assert.equal(r.code, 0, r.err);
  assert.match(
    r.err,
    /dmon extract: warning: .*damaged\.txt: 3 invalid UTF-8 sequences replaced with U\+FFFD/,
  );
  const doc = JSON.parse(r.out) as { facts: { figure: number }[] };
  assert.ok(
    doc.facts.some((f) => f.figure === 2300),
    'the figures around the bad bytes are still read',
  );
  const lines = await dmon(['extract', '--jsonl', jsonlFile]);
  assert.equal(lines.code, 0, lines.err);
  assert.match(lines.err, /warning: .*damaged\.jsonl:1: 1 invalid UTF-8 sequence replaced/);
  assert.equal(JSON.parse(lines.out.trim()).id, 'a');
});

test('dmon extract refuses binary data with a clear message and no warning', async () => {
  const blob = join(dir, 'blob.txt');
  writeFileSync(blob, Buffer.from(Array.from({ length: 3000 }, (_, i) => 0x80 + ((i * 37) % 0x7f))));
  const r = await dmon(['extract', blob]);
  assert.equal(r.code, 1);
  assert.match(r.err, /blob\.txt: looks like binary data \(undecodable bytes\)/);
  assert.doesNotMatch(r.err, /warning/);
  // --keep-going skips the unreadable file, says so once, reads the others and exits 1.
  const go = await dmon(['extract', '--json', '--keep-going', blob, damagedFile]);
  assert.equal(go.code, 1, go.err);
  assert.match(go.err, /dmon extract: skipped .*blob\.txt: looks like binary data/);
  assert.doesNotMatch(go.err, /use --keep-going/);
  assert.ok((JSON.parse(go.out) as { facts: unknown[] }).facts.length > 0, 'the readable file was extracted');
});

test('dmon import prints the warning and keeps the article', async () => {
  const data = mkdtempSync(join(tmpdir(), 'dmon-badbytes-data-'));
  const r = await dmon(['import', '--json', damagedFile], { DMON_DATA_DIR: data });
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /dmon import: warning: .*damaged\.txt: 3 invalid UTF-8 sequences replaced/);
  const summary = JSON.parse(r.out.trim().split('\n').at(-1)!) as { stored: number; warnings: number };
  assert.deepEqual([summary.stored, summary.warnings], [1, 1]);
});

describeEachEngine('damaged bytes in the article record', (store) => {
  let http: Server;
  let port: number;
  before(async () => {
    http = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        Buffer.concat([
          Buffer.from(
            '<html><head><title>Floods</title></head><body><article><p>Floods forced 4,100 people ',
          ),
          Buffer.from([0xc3, 0x28]),
          Buffer.from(' from their homes in Sylhet, officials said on Monday.</p></article></body></html>'),
        ]),
      );
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    port = (http.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((r) => http.close(() => r())));

  test('imported and fetched articles keep the warning as their note; clean ones have none', async () => {
    const ingest = new Ingest(store(), createDeps({ fetchAllow: ['127.0.0.1'] }), { hostDelayMs: 0 });
    const counts = await importPaths(ingest, [damagedFile, jsonlFile]);
    assert.equal(counts.stored, 2);
    assert.equal(counts.warnings.length, 2);
    await ingest.queueUrl(`http://127.0.0.1:${port}/floods.html`);
    await ingest.run({ drain: true });
    const all = (await store().articles.list({ limit: 10 })).items;
    assert.equal(all.length, 3);
    const find = (what: string, pick: (a: (typeof all)[number]) => boolean) => {
      const a = all.find(pick);
      assert.ok(a, what);
      return a;
    };
    const txt = find('the text file', (a) => a.origin === 'import' && a.external_id === null);
    assert.match(txt.error ?? '', /damaged\.txt: 3 invalid UTF-8 sequences replaced/);
    const line = find('the JSONL record', (a) => a.external_id === 'a');
    assert.match(line.error ?? '', /damaged\.jsonl:1: 1 invalid UTF-8 sequence replaced/);
    const fetched = find('the fetched page', (a) => /floods\.html/.test(a.url ?? ''));
    assert.match(fetched.error ?? '', /floods\.html: 1 invalid UTF-8 sequence replaced/);
    assert.equal(fetched.status, 'extracted');
  });
});
