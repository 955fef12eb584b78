// A HXL reader for the export's tests, written from the HXL standard (https://hxlstandard.org/
// standard/1-1final/) and following the parsing rules of libhxl, the reference implementation
// (no maintained JavaScript HXL library is published on npm):
// - the hashtag row is the first of the first 25 rows in which at least half the non-empty
//   cells are hashtags; the row above it holds the text headers; data rows follow it;
// - a hashtag is `#` + a token, then `+attribute` tokens; a token is [A-Za-z][_0-9A-Za-z]*;
//   whitespace around the cell and between attributes is allowed; tags compare lower-cased;
// - a tag pattern `#tag+a-b` matches every column whose tag is `#tag` and that has attribute
//   `a` and not `b`, whatever other attributes it has (this is what a tool sums over);
// - a sum adds the numbers in the matching cells of every row and skips empty cells.
import { parse } from 'csv-parse/sync';

const TOKEN = '[A-Za-z][_0-9A-Za-z]*';
const TAG = new RegExp(`^\\s*#(${TOKEN})((?:\\s*\\+\\s*${TOKEN})*)\\s*$`);
const PATTERN = new RegExp(`^\\s*#?(${TOKEN})((?:\\s*[+-]\\s*${TOKEN})*)\\s*$`);
const TAG_ROW_SCAN = 25;

export interface HxlColumn {
  header: string;
  tag: string;
  attributes: Set<string>;
}

export interface HxlDataset {
  columns: HxlColumn[];
  rows: string[][];
}

export function parseHashtag(cell: string): { tag: string; attributes: Set<string> } | null {
  const m = TAG.exec(cell);
  if (!m) return null;
  const atts = m[2]!
    .split('+')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
  return { tag: `#${m[1]!.toLowerCase()}`, attributes: new Set(atts) };
}

function isTagRow(row: string[]): boolean {
  const cells = row.filter((c) => c.trim() !== '');
  const tags = cells.filter((c) => parseHashtag(c) !== null).length;
  return tags > 0 && tags / cells.length >= 0.5;
}

/** Reads a table (a CSV text, or rows already split into cells) as a HXL dataset. */
export function readHxl(input: string | string[][]): HxlDataset {
  const raw: string[][] =
    typeof input === 'string'
      ? (parse(input.replace(/^\uFEFF/, ''), { relaxColumnCount: true }) as string[][])
      : input;
  const at = raw.slice(0, TAG_ROW_SCAN).findIndex(isTagRow);
  if (at < 0) throw new Error('no HXL hashtag row in the first 25 rows');
  const headers = at > 0 ? raw[at - 1]! : [];
  const columns = raw[at]!.map((cell, i) => {
    const t = parseHashtag(cell);
    if (cell.trim() !== '' && !t)
      throw new Error(`column ${i + 1}: malformed hashtag ${JSON.stringify(cell)}`);
    return { header: headers[i] ?? '', tag: t?.tag ?? '', attributes: t?.attributes ?? new Set<string>() };
  });
  return { columns, rows: raw.slice(at + 1) };
}

/** Whether a column matches a tag pattern such as `#affected+displaced+ind` or `#affected-hh`. */
export function matches(pattern: string, column: HxlColumn): boolean {
  const m = PATTERN.exec(pattern);
  if (!m) throw new Error(`malformed tag pattern ${pattern}`);
  if (column.tag !== `#${m[1]!.toLowerCase()}`) return false;
  for (const part of m[2]!.replace(/\s+/g, '').match(/[+-][^+-]+/g) ?? []) {
    const has = column.attributes.has(part.slice(1).toLowerCase());
    if (part[0] === '+' ? !has : has) return false;
  }
  return true;
}

/** The values of every cell whose column matches `pattern`, row by row (empty cells left out). */
export function values(data: HxlDataset, pattern: string): string[][] {
  const cols = data.columns.flatMap((c, i) => (matches(pattern, c) ? [i] : []));
  return data.rows.map((r) => cols.map((i) => r[i] ?? '').filter((v) => v.trim() !== ''));
}

/** What an HXL tool's sum over `pattern` gives: every number in every matching cell, added. */
export function sum(data: HxlDataset, pattern: string): number {
  return values(data, pattern)
    .flat()
    .reduce((s, v) => s + Number(v.replace(/,/g, '')), 0);
}
