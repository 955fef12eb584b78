// The XLSX export, for analysts who open exports in Excel: the same columns as the CSV, a frozen
// header and HXL hashtag row, typed cells (numbers as numbers, dates as dates), and text never
// read as a formula. Written row by row with exceljs's streaming writer: rows are committed to
// the zip as they come and never held as a workbook in memory.
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FactListItem } from '../store/index.js';
import type { ExportOptions } from './formats.js';
import { exportColumns, type ExportColumn } from './hxl.js';
import { factRows } from './row.js';

const NUMBER_FORMATS: Record<ExportColumn['type'], string | undefined> = {
  integer: '#,##0',
  number: undefined,
  date: 'yyyy-mm-dd',
  text: '@',
};

const WIDTHS: Partial<Record<string, number>> = { evidence: 80, title: 40, url: 40, location: 20 };

/** A date cell for a YYYY-MM-DD value (Excel stores days, so midnight UTC); other text stays text. */
function cell(type: ExportColumn['type'], v: string | number | null): string | number | Date | null {
  if (v === null || type !== 'date' || typeof v !== 'string') return v;
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v;
}

async function write<R>(
  rows: AsyncIterable<R>,
  cols: readonly ExportColumn<R>[],
  sheetName: string,
  out: PassThrough,
) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = cols.map((c) => ({
    key: c.header,
    width: WIDTHS[c.header] ?? Math.max(10, c.tag.length + 2),
    style: NUMBER_FORMATS[c.type] ? { numFmt: NUMBER_FORMATS[c.type] } : {},
  }));
  const header = sheet.addRow(cols.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  const tags = sheet.addRow(cols.map((c) => c.tag));
  tags.font = { italic: true };
  tags.commit();
  for await (const r of rows) {
    if (out.destroyed) return;
    sheet.addRow(cols.map((c) => cell(c.type, c.value(r)))).commit();
    // Let a slow reader (a download) hold the writer back instead of buffering the file.
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}

/** Any level's rows as one worksheet named `sheetName` with `cols`. */
export function rowsToXlsx<R>(
  rows: AsyncIterable<R>,
  cols: readonly ExportColumn<R>[],
  sheetName: string,
): Readable {
  const out = new PassThrough();
  write(rows, cols, sheetName, out).catch((err: unknown) => out.destroy(err as Error));
  return out;
}

export function toXlsx(facts: AsyncIterable<FactListItem>, options: ExportOptions = {}): Readable {
  return rowsToXlsx(factRows(facts, options.admin1Code), exportColumns(options.terms), 'facts');
}
