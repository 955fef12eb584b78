// One document entry: `dmon extract` (readDocuments) and `dmon import` (readImportSource /
// readImportStream) read every input kind to the same document: HTML, text, PDF, JSONL, CSV
// and standard input.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, test } from 'node:test';
import { makePdf } from '../document/fixtures/makePdf.js';
import { readImportSource, readImportStream } from '../importers/readImportSource.js';
import { isImportError, type ImportItem } from '../importers/types.js';
import { readDocuments, type InputDocument } from './input.js';

const dir = mkdtempSync(join(tmpdir(), 'dmon-input-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

const EN =
  'Floodwater reached the lower streets of the town overnight and about three hundred families moved to the school on the hill.';
const HTML = `<!doctype html><html lang="en"><head><title>Floods</title><meta property="article:published_time" content="2024-03-05T10:00:00Z"></head><body><nav>Home</nav><article><p>${EN}</p></article></body></html>`;

const PDF_LINES = [
  'Floodwater reached the lower streets of the town overnight',
  'and about three hundred families moved to the school on the hill.',
];

type Seen = Pick<InputDocument, 'text' | 'title' | 'published' | 'lang'>;
const seen = (d: Seen): Seen => ({ text: d.text, title: d.title, published: d.published, lang: d.lang });

async function viaExtract(paths: string[], options: Parameters<typeof readDocuments>[1] = {}) {
  const out: Seen[] = [];
  for await (const d of readDocuments(paths, options)) out.push(seen(d));
  return out;
}
async function viaImport(items: AsyncIterable<ImportItem>) {
  const out: Seen[] = [];
  for await (const i of items) {
    assert.ok(!isImportError(i), isImportError(i) ? i.error.message : '');
    out.push(seen(i));
  }
  return out;
}

const KINDS: [string, string | Uint8Array, Seen][] = [
  ['page.html', HTML, { text: EN, title: 'Floods', published: '2024-03-05', lang: 'en' }],
  ['note.txt', `${EN}\r\n`, { text: `${EN}\n`, title: null, published: null, lang: 'en' }],
  [
    'report.pdf',
    // Lines stay as the PDF lays them out; the repair stage joins them before extraction.
    makePdf({ pages: [PDF_LINES], title: 'Report', creationDate: 'D:20220101' }),
    { text: PDF_LINES.join('\n'), title: 'Report', published: '2022-01-01', lang: 'en' },
  ],
];

for (const [name, content, expected] of KINDS) {
  test(`${name}: extract and import read the same document`, async () => {
    const p = file(name, content);
    const a = await viaExtract([p]);
    const b = await viaImport(readImportSource(p));
    assert.deepEqual(a, [expected]);
    assert.deepEqual(b, [expected]);
    const c = await viaExtract(['-'], { stdin: Readable.from([Buffer.from(content)]) });
    const d = await viaImport(readImportStream(Readable.from([Buffer.from(content)])));
    assert.deepEqual(c, [expected], 'standard input, sniffed');
    assert.deepEqual(d, [expected], 'standard input, sniffed');
  });
}

test('JSONL: the same fields and date forms for extract --jsonl and import', async () => {
  const lines = [
    { id: 'a', text: EN, published: '2024-03-05T23:30:00-05:00', lang: 'en-GB', title: ' T ' },
    { id: 'b', html: HTML },
    { id: 'c', body: EN, date: 'Tue, 05 Mar 2024 10:00:00 GMT', headline: 'H' },
  ];
  const p = file('records.jsonl', lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const expected: Seen[] = [
    { text: EN, title: 'T', published: '2024-03-05', lang: 'en' },
    { text: EN, title: 'Floods', published: '2024-03-05', lang: 'en' },
    { text: EN, title: 'H', published: '2024-03-05', lang: 'en' },
  ];
  assert.deepEqual(await viaExtract([p], { jsonl: true }), expected);
  assert.deepEqual(await viaImport(readImportSource(p)), expected);
  const ids: string[] = [];
  for await (const d of readDocuments([p], { jsonl: true })) ids.push(d.id);
  assert.deepEqual(ids, ['a', 'b', 'c']);
});

test('CSV rows read through the same record fields as JSONL', async () => {
  const p = file('sheet.csv', `id,Headline,Body,Date,Language\n1,H,"${EN}",2024-03-05,en\n`);
  assert.deepEqual(await viaImport(readImportSource(p)), [
    { text: EN, title: 'H', published: '2024-03-05', lang: 'en' },
  ]);
});

test('bad records: the same refusal through both doors', async () => {
  const bad = [
    { text: EN, url: 'javascript:alert(1)' },
    { text: EN, published: 'May 3' },
    { text: EN, lang: 'English!!' },
    { title: 'no text' },
  ];
  for (const rec of bad) {
    const p = file('bad.jsonl', JSON.stringify(rec) + '\n');
    const skipped: string[] = [];
    assert.deepEqual(
      await viaExtract([p], { jsonl: true, keepGoing: true, onSkip: (e) => skipped.push(e.code) }),
      [],
    );
    const items: ImportItem[] = [];
    for await (const i of readImportSource(p)) items.push(i);
    assert.equal(items.length, 1);
    assert.ok(isImportError(items[0]!), JSON.stringify(rec));
    assert.deepEqual(skipped, [items[0].error.code], JSON.stringify(rec));
  }
});

test('binary and empty input are refused by the same entry', async () => {
  const png = file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
  await assert.rejects(viaExtract([png]), /binary data \(PNG image\)/);
  await assert.rejects(viaExtract(['-'], { stdin: Readable.from([Buffer.from('   \n')]) }), /empty/);
});
