import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { makePdf } from '../document/fixtures/makePdf.js';
import { isDmonError } from '../errors.js';
import { readImportSource, readImportStream } from './readImportSource.js';
import { isImportError, type ImportedArticle, type ImportError, type ImportItem } from './types.js';

let dir = '';
const p = (name: string): string => join(dir, name);

const EN =
  'Floodwater reached the lower streets of the town overnight and about three hundred families moved to the school on the hill.';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'dmon-import-'));
  writeFileSync(
    p('articles.jsonl'),
    [
      JSON.stringify({
        id: 7,
        url: 'https://news.example/a',
        title: 'A',
        text: EN,
        published: '2024-03-05T10:00:00Z',
        lang: 'en-GB',
        source: 'Example News',
        attribution: 'Example News; CC BY 4.0',
      }),
      '',
      '{"text": "broken json',
      '[1, 2]',
      JSON.stringify({ title: 'no text' }),
      JSON.stringify({
        html: `<html><head><title>From HTML</title><meta property="article:published_time" content="2023-07-01"></head><body><p>${EN}</p></body></html>`,
      }),
      JSON.stringify({ text: EN, url: 'not a url' }),
      JSON.stringify({ text: EN, published: 'someday' }),
      JSON.stringify({ text: EN, lang: 'English!!' }),
      JSON.stringify({ text: EN, title: 42 }),
      JSON.stringify({ text: '  Leading space kept.' }),
    ].join('\r\n') + '\r\n',
  );
  writeFileSync(
    p('sheet.csv'),
    '\uFEFFid,Link,Headline,Body,Date,Language,Outlet\n' +
      '1,https://news.example/1,First,"Families left, and ""many"" stayed.\nSecond line.",2024-01-02,fr,Courier\n' +
      '2,https://news.example/2,Short row\n' +
      '3,,No text,,,,\n' +
      '4,https://news.example/4,Fourth,Plain body text.,,,\n',
  );
  writeFileSync(p('semi.csv'), 'title;text\nUn;Premier texte, avec virgule.\n');
  writeFileSync(p('tabs.tsv'), 'title\ttext\nT\tTab separated text.\n');
  writeFileSync(p('unclosed.csv'), 'title,text\nok,Fine row.\nbad,"never closed\n');
  writeFileSync(
    p('page.html'),
    `<!doctype html><html lang="en"><head><title>Page</title><link rel="canonical" href="https://site.example/page"></head><body><article><p>${EN}</p><p>Second paragraph.</p></article></body></html>`,
  );
  writeFileSync(p('note.txt'), `Headline line\r\n\r\n${EN}\r\n`);
  writeFileSync(
    p('report.pdf'),
    makePdf({
      pages: [['Shelters opened for displaced families.']],
      title: 'Report',
      creationDate: 'D:20220101',
    }),
  );
  writeFileSync(p('fake.pdf'), 'not a pdf at all');
  writeFileSync(p('empty.txt'), '');
  writeFileSync(p('junk.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(p('big.txt'), 'x'.repeat(5000));
  writeFileSync(p('records.json'), JSON.stringify([{ text: EN, title: 'J1' }, 'oops', { text: EN }]));
  writeFileSync(p('noext'), `{"text": ${JSON.stringify(EN)}}\n`);
  writeFileSync(p('image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(p('.hidden.txt'), 'never read');
  mkdirSync(p('sub'));
  writeFileSync(p('sub/inner.txt'), 'Inner file text that is long enough to be an article body.');
});

after(() => rmSync(dir, { recursive: true, force: true }));

async function collect(it: AsyncIterable<ImportItem>): Promise<ImportItem[]> {
  const out: ImportItem[] = [];
  for await (const x of it) out.push(x);
  return out;
}
const articles = (items: ImportItem[]): ImportedArticle[] =>
  items.filter((x): x is ImportedArticle => !isImportError(x));
const errors = (items: ImportItem[]): ImportError[] => items.filter(isImportError);

test('JSONL: good lines become articles, each bad line one error naming file:line', async () => {
  const items = await collect(readImportSource(p('articles.jsonl')));
  const ok = articles(items);
  assert.deepEqual(ok[0], {
    url: 'https://news.example/a',
    title: 'A',
    text: EN,
    published: '2024-03-05',
    lang: 'en',
    source: 'Example News',
    attribution: 'Example News; CC BY 4.0',
    origin: `${p('articles.jsonl')}:1`,
    id: '7',
  });
  assert.equal(ok[1]!.title, 'From HTML');
  assert.equal(ok[1]!.published, '2023-07-01');
  assert.equal(ok[1]!.text, EN);
  assert.equal(ok[1]!.lang, 'en', 'detected when not given');
  assert.equal(ok[2]!.text, '  Leading space kept.', 'text is kept exactly');
  assert.equal(ok.length, 3);
  const errs = errors(items).map((e) => [
    e.origin.split(':').pop(),
    e.error.code,
    e.error.message.replace(`${p('articles.jsonl')}:`, ''),
  ]);
  assert.deepEqual(
    errs.map(([line, code]) => [line, code]),
    [
      ['3', 'JSONL_INVALID'],
      ['4', 'JSONL_INVALID'],
      ['5', 'JSONL_INVALID'],
      ['7', 'JSONL_INVALID'],
      ['8', 'DATE_INVALID'],
      ['9', 'JSONL_INVALID'],
      ['10', 'JSONL_INVALID'],
    ],
  );
  assert.match(errs[0]![2]!, /not valid JSON/);
  assert.match(errs[1]![2]!, /must be a JSON object/);
  assert.match(errs[2]![2]!, /non-empty 'text'/);
  assert.match(errs[3]![2]!, /url 'not a url' is not an absolute http\(s\) URL/);
  assert.match(errs[4]![2]!, /published 'someday' is not a date/);
  assert.match(errs[5]![2]!, /lang 'English!!'/);
  assert.match(errs[6]![2]!, /field 'title' must be a string, not number/);
});

test('JSONL: an overlong line is refused and the next line still read', async () => {
  const f = p('long.jsonl');
  writeFileSync(f, `${JSON.stringify({ text: 'y'.repeat(3000) })}\n${JSON.stringify({ text: EN })}\n`);
  const items = await collect(readImportSource(f, { maxRecordBytes: 1000 }));
  assert.equal(errors(items)[0]!.error.code, 'INPUT_TOO_LARGE');
  assert.equal(errors(items)[0]!.origin, `${f}:1`);
  assert.equal(articles(items)[0]!.origin, `${f}:2`);
});

test('CSV: header synonyms, quoted multi-line fields, bad rows reported by line', async () => {
  const items = await collect(readImportSource(p('sheet.csv')));
  const ok = articles(items);
  assert.deepEqual(ok[0], {
    url: 'https://news.example/1',
    title: 'First',
    text: 'Families left, and "many" stayed.\nSecond line.',
    published: '2024-01-02',
    lang: 'fr',
    source: 'Courier',
    attribution: null,
    origin: `${p('sheet.csv')}:3`,
    id: '1',
  });
  assert.equal(ok[1]!.title, 'Fourth');
  assert.equal(ok.length, 2);
  const errs = errors(items);
  assert.equal(errs.length, 2);
  assert.match(errs[0]!.error.message, /sheet\.csv:4: malformed CSV row/);
  assert.match(errs[1]!.error.message, /sheet\.csv:5: needs a non-empty 'text'/);
});

test('CSV: a header without a text column is one error for the file', async () => {
  const f = p('notext.csv');
  writeFileSync(f, 'name,count\nA,1\nB,2\n');
  const items = await collect(readImportSource(f));
  assert.equal(items.length, 1);
  assert.ok(isImportError(items[0]!));
  assert.match(
    items[0]!.error.message,
    /notext\.csv: the header row has no 'text' or 'html' column \(found: name, count\)/,
  );
});

test('CSV: semicolon and tab delimiters', async () => {
  assert.equal(
    articles(await collect(readImportSource(p('semi.csv'))))[0]!.text,
    'Premier texte, avec virgule.',
  );
  assert.equal(articles(await collect(readImportSource(p('tabs.tsv'))))[0]!.text, 'Tab separated text.');
});

test('CSV: an unclosed quote keeps the rows before it and reports the line it opened on', async () => {
  const items = await collect(readImportSource(p('unclosed.csv')));
  assert.equal(articles(items).length, 1);
  assert.equal(errors(items).length, 1);
  assert.equal(errors(items)[0]!.error.code, 'INPUT_UNREADABLE');
  assert.match(errors(items)[0]!.error.message, /unclosed\.csv:3: malformed CSV row \(Quote Not Closed/);
});

test('HTML, text and PDF files are one article each', async () => {
  const [html] = await collect(readImportSource(p('page.html')));
  assert.ok(html && !isImportError(html));
  assert.equal(html.text, `${EN}\n\nSecond paragraph.`);
  assert.equal(html.url, 'https://site.example/page');
  assert.equal(html.origin, p('page.html'));
  const [txt] = await collect(readImportSource(p('note.txt')));
  assert.ok(txt && !isImportError(txt));
  assert.equal(txt.text, `Headline line\n\n${EN}\n`);
  assert.equal(txt.lang, 'en');
  const [pdf] = await collect(readImportSource(p('report.pdf')));
  assert.ok(pdf && !isImportError(pdf));
  assert.equal(pdf.text, 'Shelters opened for displaced families.');
  assert.equal(pdf.title, 'Report');
  assert.equal(pdf.published, '2022-01-01');
});

const BAD_FILES: [string, string, RegExp][] = [
  ['empty.txt', 'INPUT_EMPTY', /the file is empty/],
  ['junk.txt', 'INPUT_BINARY', /PNG image/],
  ['fake.pdf', 'INPUT_UNREADABLE', /not a PDF/],
];
for (const [name, code, pattern] of BAD_FILES) {
  test(`bad file ${name} → ${code}`, async () => {
    const items = await collect(readImportSource(p(name)));
    assert.equal(items.length, 1);
    const e = items[0]!;
    assert.ok(isImportError(e));
    assert.equal(e.error.code, code);
    assert.match(e.error.message, pattern);
    assert.ok(e.error.message.includes(name));
  });
}

test('a file over the size limit is refused clearly', async () => {
  const [e] = await collect(readImportSource(p('big.txt'), { maxFileBytes: 1000 }));
  assert.ok(e && isImportError(e));
  assert.equal(e.error.code, 'INPUT_TOO_LARGE');
  assert.match(e.error.message, /big\.txt: 5000 bytes exceeds the 1000-byte limit per file/);
});

test('JSON array files and files without an extension', async () => {
  const items = await collect(readImportSource(p('records.json')));
  assert.deepEqual(
    items.map((x) => (isImportError(x) ? x.error.code : x.title)),
    ['J1', 'JSONL_INVALID', null],
  );
  const [sniffed] = await collect(readImportSource(p('noext')));
  assert.ok(sniffed && !isImportError(sniffed));
  assert.equal(sniffed.origin, `${p('noext')}:1`);
});

test('a directory is walked in name order; hidden files skipped, unsupported ones reported', async () => {
  const items = await collect(readImportSource(dir, { maxFileBytes: 1_000_000 }));
  const origins = items.map((x) => x.origin.replace(dir, ''));
  assert.ok(!origins.some((o) => o.includes('.hidden')));
  assert.ok(origins.includes('/sub/inner.txt'));
  const png = errors(items).find((e) => e.origin.endsWith('image.png'));
  assert.equal(png?.error.code, 'USAGE');
  const files = [...new Set(origins.map((o) => o.split(/[:#]/)[0]))];
  assert.deepEqual(files, [...files].sort());
  assert.ok(articles(items).length >= 10);
});

test('a missing path throws INPUT_NOT_FOUND', async () => {
  await assert.rejects(
    collect(readImportSource(p('nope.jsonl'))),
    (e) => isDmonError(e) && e.code === 'INPUT_NOT_FOUND' && e.message.includes('nope.jsonl'),
  );
});

const stream = (...chunks: (string | Buffer)[]): Readable =>
  Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));

test('stdin: JSONL streamed across chunk boundaries', async () => {
  const line1 = JSON.stringify({ text: EN, title: 'S1' });
  const items = await collect(
    readImportStream(
      stream(line1.slice(0, 10), `${line1.slice(10)}\nnot json\n`, JSON.stringify({ text: 'Second.' })),
    ),
  );
  assert.deepEqual(
    items.map((x) => x.origin),
    ['stdin:1', 'stdin:2', 'stdin:3'],
  );
  assert.equal((items[0] as ImportedArticle).title, 'S1');
  assert.ok(isImportError(items[1]!));
});

test('stdin: HTML sniffed, CSV by name, JSON array, binary and size refused', async () => {
  const [html] = await collect(
    readImportStream(stream('<!doctype html><html><body><p>Piped page.</p></body></html>')),
  );
  assert.equal((html as ImportedArticle).text, 'Piped page.');
  const csv = await collect(readImportStream(stream('title,text\nT,Piped CSV.\n'), { format: 'csv' }));
  assert.equal((csv[0] as ImportedArticle).text, 'Piped CSV.');
  const arr = await collect(readImportStream(stream(JSON.stringify([{ text: 'A1' }, { text: 'A2' }]))));
  assert.deepEqual(
    arr.map((x) => (x as ImportedArticle).text),
    ['A1', 'A2'],
  );
  const [bin] = await collect(readImportStream(stream(Buffer.from([0x1f, 0x8b, 8, 0, 1, 2]))));
  assert.equal((bin as ImportError).error.code, 'INPUT_BINARY');
  const [big] = await collect(
    readImportStream(stream('a'.repeat(3000), 'b'.repeat(3000)), { maxFileBytes: 4000 }),
  );
  assert.equal((big as ImportError).error.code, 'INPUT_TOO_LARGE');
  const [none] = await collect(readImportStream(stream()));
  assert.equal((none as ImportError).error.code, 'INPUT_EMPTY');
});
