import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDmonError } from '../errors.js';
import { makePdf } from './fixtures/makePdf.js';
import { assertTextual, decodeText, sniff, type ContentKind } from './sniff.js';

const b = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

const ROWS: [string, Uint8Array, ContentKind][] = [
  ['HTML with doctype', b('<!DOCTYPE html><html><body>x</body></html>'), 'html'],
  ['HTML fragment', b('  <p>Hello</p>'), 'html'],
  [
    'XHTML with XML declaration',
    b('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"></html>'),
    'html',
  ],
  ['RSS', b('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>'), 'xml'],
  ['Atom without declaration', b('<feed xmlns="http://www.w3.org/2005/Atom"></feed>'), 'xml'],
  ['JSON', b('{"a": 1}'), 'json'],
  ['JSONL', b('{"a": 1}\n{"a": 2}\n'), 'json'],
  ['plain text', b('Families left their homes.\n'), 'text'],
  ['UTF-8 with BOM', b('\uFEFFText with a BOM'), 'text'],
  ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, ...Buffer.from('<html></html>', 'utf16le')]), 'html'],
  [
    'windows-1252 text',
    new Uint8Array(Buffer.from('caf\xe9 cr\xe8me br\xfbl\xe9e and more plain words', 'latin1')),
    'text',
  ],
  ['PDF', makePdf({ pages: [['x']] }), 'pdf'],
  ['gzip', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), 'binary'],
  ['PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'binary'],
  ['NUL inside text', b('abc\u0000def'), 'binary'],
  ['random bytes', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), 'binary'],
  ['empty', new Uint8Array(), 'text'],
];

for (const [name, bytes, kind] of ROWS) {
  test(`sniff: ${name} → ${kind}`, () => {
    assert.equal(sniff(bytes).kind, kind);
  });
}

test('assertTextual: binary junk → INPUT_BINARY naming the input and what it looks like', () => {
  assert.throws(
    () => assertTextual(new Uint8Array([0x1f, 0x8b, 8, 0]), 'upload.bin'),
    (e) => {
      assert.ok(isDmonError(e));
      assert.equal(e.code, 'INPUT_BINARY');
      assert.match(e.message, /upload\.bin.*gzip/);
      return true;
    },
  );
  assert.throws(() => assertTextual(makePdf({ pages: [['x']] }), 'a.pdf'), /a PDF/);
  assert.equal(assertTextual(makePdf({ pages: [['x']] }), 'a.pdf', { allowPdf: true }).kind, 'pdf');
  assert.equal(assertTextual(b('<p>x</p>'), 'x.html').kind, 'html');
});

test('decodeText: BOM, declared charset, meta charset, UTF-8, windows-1252 fallback', () => {
  assert.equal(decodeText(b('\uFEFFabc')), 'abc');
  assert.equal(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from('hé', 'utf16le')])), 'hé');
  assert.equal(decodeText(b('naïve')), 'naïve');
  assert.equal(decodeText(new Uint8Array(Buffer.from('na\xefve \x93q\x94', 'latin1'))), 'naïve “q”');
  assert.equal(decodeText(new Uint8Array([0xe9]), { charset: 'iso-8859-1' }), 'é');
  const meta = new Uint8Array(Buffer.from('<meta charset="windows-1251"><p>\xcf\xf0\xe8</p>', 'latin1'));
  assert.equal(decodeText(meta), '<meta charset="windows-1251"><p>При</p>');
  assert.equal(decodeText(b('ok'), { charset: 'no-such-charset' }), 'ok');
});
