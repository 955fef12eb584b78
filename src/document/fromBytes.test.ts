import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDmonError } from '../errors.js';
import { makePdf } from './fixtures/makePdf.js';
import { documentFromBytes } from './fromBytes.js';

const b = (s: string, enc: BufferEncoding = 'utf8'): Uint8Array => new Uint8Array(Buffer.from(s, enc));

test('documentFromBytes: HTML by sniffing or by content type, charset honoured', async () => {
  const html = await documentFromBytes(
    b(
      '<!doctype html><html><head><title>T</title></head><body><p>Caf\xe9 owners left.</p></body></html>',
      'latin1',
    ),
    {
      charset: 'iso-8859-1',
      url: 'https://a.example/x',
    },
  );
  assert.equal(html.kind, 'html');
  assert.equal(html.text, 'Café owners left.');
  const typed = await documentFromBytes(b('Some words <b>bold</b>'), { contentType: 'text/html' });
  assert.equal(typed.kind, 'html');
  assert.equal(typed.text, 'Some words bold');
});

test('documentFromBytes: PDF and plain text', async () => {
  const pdf = await documentFromBytes(makePdf({ pages: [['Report text.']] }), {
    contentType: 'application/octet-stream',
  });
  assert.deepEqual([pdf.kind, pdf.text], ['pdf', 'Report text.']);
  const txt = await documentFromBytes(b('Line one.\r\nLine two.'), { contentType: 'text/plain' });
  assert.deepEqual([txt.kind, txt.text], ['text', 'Line one.\nLine two.']);
});

const BAD: [string, Uint8Array, string][] = [
  ['binary', new Uint8Array([0x1f, 0x8b, 8, 0, 0]), 'INPUT_BINARY'],
  ['empty page', b('<html><body><script>x()</script></body></html>'), 'INPUT_EMPTY'],
  ['empty bytes', new Uint8Array(), 'INPUT_EMPTY'],
  ['broken PDF', b('%PDF-1.4\ngarbage'), 'INPUT_UNREADABLE'],
];
for (const [name, bytes, code] of BAD) {
  test(`documentFromBytes: ${name} → ${code}`, async () => {
    await assert.rejects(documentFromBytes(bytes, { url: 'https://a.example/doc' }), (e) => {
      assert.ok(isDmonError(e));
      assert.equal(e.code, code);
      assert.match(e.message, /https:\/\/a\.example\/doc/);
      return true;
    });
  });
}

/** Bytes: the UTF-8 of each string piece, raw bytes for each number array. */
const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)))));

test('documentFromBytes: a UTF-8 text with a few bad bytes is read, each bad sequence replaced, and says so', async () => {
  const cases: [string, Uint8Array, string, number][] = [
    [
      'German with a stray byte pair',
      bytesOf('Über 2.000 Menschen – vertrieben ', [0xff, 0xc3], ' aus Köln.'),
      'Über 2.000 Menschen – vertrieben \ufffd\ufffd aus Köln.',
      2,
    ],
    [
      'short Russian text (once refused as binary)',
      bytesOf('Бегут ', [0xff, 0x80, 0xc0], ' люди.'),
      'Бегут \ufffd\ufffd\ufffd люди.',
      3,
    ],
    [
      'a multi-byte character cut at the end',
      bytesOf('12 000 personnes déplacées à Gonaïves ', [0xc3]),
      '12 000 personnes déplacées à Gonaïves \ufffd',
      1,
    ],
  ];
  for (const [what, bytes, text, n] of cases) {
    const doc = await documentFromBytes(bytes, { name: 'story.txt' });
    assert.equal(doc.kind, 'text', what);
    assert.equal(doc.text, text, what);
    assert.deepEqual(
      doc.warnings,
      [`story.txt: ${n} invalid UTF-8 ${n === 1 ? 'sequence' : 'sequences'} replaced with U+FFFD (\ufffd)`],
      what,
    );
  }
  // A U+FFFD written in the text is not a repair; valid UTF-8 carries no warning.
  const clean = await documentFromBytes(bytesOf('Already \ufffd here; 300 families fled.'));
  assert.equal(clean.warnings, undefined);
  // Declared UTF-8 (an HTTP charset) with a bad byte: replaced and reported, in HTML too.
  const page = await documentFromBytes(
    bytesOf('<html><body><p>3,000 people fled ', [0xe9], ' today.</p></body></html>'),
    {
      contentType: 'text/html',
      charset: 'utf-8',
      url: 'https://news.example.org/a',
    },
  );
  assert.equal(page.text, '3,000 people fled \ufffd today.');
  assert.match(page.warnings?.[0] ?? '', /^https:\/\/news\.example\.org\/a: 1 invalid UTF-8 sequence/);
});

test('documentFromBytes: legacy windows-1252 stays readable without a warning; binary is refused clearly', async () => {
  const legacy = await documentFromBytes(b('Caf\xe9 owners \x93fled\x94 the floods.', 'latin1'));
  assert.equal(legacy.text, 'Café owners “fled” the floods.');
  assert.equal(legacy.warnings, undefined);
  // High bytes everywhere, few letters: junk, not a text with a few bad bytes.
  const junk = new Uint8Array(4096);
  let x = 12345;
  for (let i = 0; i < junk.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    junk[i] = 0x20 + (x % 0xe0);
  }
  await assert.rejects(documentFromBytes(junk, { name: 'blob.txt' }), (e: unknown) => {
    assert.ok(isDmonError(e));
    assert.equal(e.code, 'INPUT_BINARY');
    assert.match(e.message, /^blob\.txt: looks like binary data \(undecodable bytes\)/);
    return true;
  });
});
