// The XLSX export read back with the library that wrote it (exceljs): what Excel will show.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { exportFacts } from './formats.js';
import { exportColumns } from './hxl.js';
import { collectBytes, factItem as item, factStream as from } from './test-facts.js';
import { readHxl, sum } from './test-hxlReader.js';

async function workbook(items = [item()], terms?: ['evacuated']) {
  const bytes = await collectBytes(exportFacts(from(items), 'xlsx', { terms, batch: 1 }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes, sheet: wb.getWorksheet('facts')! };
}

test('XLSX: a zip with a frozen header and HXL row, typed cells, text kept as text', async () => {
  const { bytes, sheet } = await workbook([
    item({ location: { name: 'Alep – حلب', lat: 36.2, lon: 37.16 } }),
    item({ id: 2, evidence: '=HYPERLINK("http://x")', figure: null, vague: 'hundreds', people: null }),
  ]);
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an OOXML zip');
  const cols = exportColumns();
  assert.deepEqual(
    (sheet.getRow(1).values as unknown[]).slice(1),
    cols.map((c) => c.header),
  );
  assert.deepEqual(
    (sheet.getRow(2).values as unknown[]).slice(1),
    cols.map((c) => c.tag),
  );
  assert.equal(sheet.views[0]?.state, 'frozen');
  assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 2, 'header and hashtags stay in view');
  const at = (row: number, header: string) =>
    sheet.getRow(row).getCell(cols.findIndex((c) => c.header === header) + 1);
  assert.equal(at(3, 'figure').value, 2500, 'numbers are numbers');
  assert.equal(at(3, 'people_evacuated').value, 2500);
  assert.equal(at(3, 'lat').value, 36.2);
  assert.ok(at(3, 'published').value instanceof Date, 'dates are dates');
  assert.equal((at(3, 'published').value as Date).toISOString(), '2024-10-21T00:00:00.000Z');
  assert.equal(at(3, 'published').numFmt, 'yyyy-mm-dd');
  assert.equal(at(3, 'location').value, 'Alep – حلب');
  assert.equal(at(4, 'evidence').value, '=HYPERLINK("http://x")', 'a string, never a formula');
  assert.equal(at(4, 'evidence').formula, undefined);
  assert.equal(at(4, 'figure').value, null);
  assert.equal(at(4, 'vague').value, 'hundreds');
  assert.equal(sheet.rowCount, 4);
});

test('XLSX: the same people sums as the CSV when read as HXL', async () => {
  const items = [
    item({ id: 1, term: 'evacuated', figure: 2500 }),
    item({
      id: 2,
      term: 'evacuated',
      figure: 40,
      unit: 'households',
      people: { count: 200, household_size: 5 },
    }),
  ];
  const { sheet } = await workbook(items, ['evacuated']);
  const rows: string[][] = [];
  sheet.eachRow((r) =>
    rows.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  const data = readHxl(rows);
  assert.equal(sum(data, '#affected+evacuated+ind'), 2700);
  assert.equal(sum(data, '#affected+evacuated+hh'), 40);
});

test('XLSX: an empty export is still a workbook with its two header rows', async () => {
  const { sheet } = await workbook([]);
  assert.equal(sheet.rowCount, 2);
});
