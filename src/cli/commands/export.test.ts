// `dmon export` end to end: a child process reads a real SQLite store and writes each format.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { openStore } from '../../store/index.js';
import { factA, factB, seedArticle, TEXT_A, TEXT_B } from '../../store/test-fixtures.js';

const RUN = fileURLToPath(new URL('../run.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dmon-export-'));
const sqlite = join(dir, 'dmon.sqlite');

function dmon(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', RUN, ...args],
      { encoding: 'utf8', env: { ...process.env, DMON_SQLITE: sqlite } },
      (error, out, err) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err }),
    );
  });
}

before(async () => {
  const store = await openStore({ sqlitePath: sqlite });
  await seedArticle(store, TEXT_A, [factA()]);
  await seedArticle(store, TEXT_B, [factB()]);
  await store.close();
});

test('export --format xlsx --out writes a workbook Excel opens: header, hashtags, one row per fact', async () => {
  const out = join(dir, 'facts.xlsx');
  const r = await dmon(['export', '--format', 'xlsx', '--out', out]);
  assert.equal(r.code, 0, r.err);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('facts')!;
  assert.equal(sheet.rowCount, 4);
  assert.equal(sheet.getRow(2).getCell(1).value, '#meta+id');
  const figures = [3, 4].map((n) => sheet.getRow(n).getCell(9).value).sort();
  assert.deepEqual(figures, [12500, 40000]);
});

test('export --format csv to standard output starts with a BOM and the HXL row', async () => {
  const r = await dmon(['export', '--format', 'csv', '--term', 'forced_to_flee']);
  assert.equal(r.code, 0, r.err);
  assert.ok(r.out.startsWith('\uFEFFid,'));
  assert.match(r.out.split('\r\n')[1]!, /#affected\+fled\+ind/);
});

test('an unknown format is a usage error naming the formats', async () => {
  const r = await dmon(['export', '--format', 'xls']);
  assert.equal(r.code, 2);
  assert.match(r.err, /csv, xlsx, geojson, jsonl/);
});
