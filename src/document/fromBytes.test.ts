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
