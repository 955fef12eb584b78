import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDmonError } from '../errors.js';
import { makePdf } from './fixtures/makePdf.js';
import { pdfToText } from './pdf.js';

const REPORT = makePdf({
  pages: [
    ['Situation report (week 12)', 'Flooding affected three districts.'],
    ['Shelters opened in two schools.'],
  ],
  title: 'Flood Situation Report',
  creationDate: "D:20230415120000+02'00'",
});

test('pdfToText: text of every page, pages separated by a blank line, info dictionary', async () => {
  const doc = await pdfToText(REPORT);
  assert.equal(
    doc.text,
    'Situation report (week 12)\nFlooding affected three districts.\n\nShelters opened in two schools.',
  );
  assert.equal(doc.title, 'Flood Situation Report');
  assert.equal(doc.published, '2023-04-15');
  assert.equal(doc.pages, 2);
});

test("pdfToText: the caller's buffer is left usable", async () => {
  const bytes = makePdf({ pages: [['Once.']] });
  await pdfToText(bytes);
  assert.equal((await pdfToText(bytes)).text, 'Once.');
});

test('pdfToText: maxPages limits the pages read', async () => {
  const doc = await pdfToText(REPORT, { maxPages: 1 });
  assert.equal(doc.text, 'Situation report (week 12)\nFlooding affected three districts.');
});

test('pdfToText: no info dictionary → null title and date', async () => {
  const doc = await pdfToText(makePdf({ pages: [['Body only.']] }));
  assert.equal(doc.title, null);
  assert.equal(doc.published, null);
});

const BAD: [string, Uint8Array][] = [
  ['random bytes', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])],
  ['empty', new Uint8Array()],
  ['truncated header', REPORT.subarray(0, 120)],
  ['HTML', new Uint8Array(Buffer.from('<html><body>not a pdf</body></html>'))],
];

for (const [name, bytes] of BAD) {
  test(`pdfToText: ${name} → INPUT_UNREADABLE naming the input`, async () => {
    await assert.rejects(pdfToText(bytes, { name: 'report.pdf' }), (e) => {
      assert.ok(isDmonError(e));
      assert.equal(e.code, 'INPUT_UNREADABLE');
      assert.match(e.message, /report\.pdf/);
      return true;
    });
  });
}
