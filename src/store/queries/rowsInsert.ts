// A multi-row INSERT written straight to SQL text and parameters. Kysely's insert builder turns
// every value of every row into a node and its compiler walks them all again: for the batches
// an import writes (hundreds of facts, places, claims, articles and jobs of 10–40 columns a
// statement) that was a few percent of the import's CPU. The statement is the one Kysely
// compiles for the same rows (rowsInsert.test.ts compares them on both engines); rows it would
// write differently (a missing or undefined column, an SQL expression as a value) still go
// through Kysely.
import { CompiledQuery, sql, type Kysely, type QueryResult } from 'kysely';

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface RowsInsertOptions {
  /** `on conflict do nothing`, or `on conflict ("column") do nothing`. */
  onConflictDoNothing?: true | string;
  returning?: readonly string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A value Kysely binds as it is (anything else, such as an SQL expression, it compiles). */
function plain(v: unknown): boolean {
  return v === null || typeof v !== 'object' || v instanceof Uint8Array || v instanceof Date;
}

/** Whether the engine behind `db` numbers its placeholders ($1, $2 …: PostgreSQL) or not (?);
 * asked once per database or transaction object. */
const numberedOf = new WeakMap<object, boolean>();
function numbered(db: Db): boolean {
  let n = numberedOf.get(db);
  if (n === undefined) {
    n = sql`${0}`.compile(db).sql !== '?';
    numberedOf.set(db, n);
  }
  return n;
}

/** Statement texts already written, by engine, table, columns, row count and options: an
 * import writes chunks of the same shape again and again (a few hundred rows of tens of
 * columns each, whose placeholders cost more to write out than the values to collect). */
const texts = new Map<string, string>();
const MAX_TEXTS = 256;

function statementText(
  dollar: boolean,
  table: string,
  columns: readonly string[],
  count: number,
  options: RowsInsertOptions,
): string {
  const conflict = options.onConflictDoNothing;
  const key = `${dollar ? '$' : '?'}\u0000${table}\u0000${count}\u0000${conflict === true ? '\u0001' : (conflict ?? '')}\u0000${(options.returning ?? []).join('\u0001')}\u0000${columns.join('\u0001')}`;
  let text = texts.get(key);
  if (text !== undefined) return text;
  const tuples: string[] = new Array(count);
  if (dollar) {
    let p = 0;
    for (let i = 0; i < count; i++) {
      const marks: string[] = new Array(columns.length);
      for (let j = 0; j < columns.length; j++) marks[j] = `$${++p}`;
      tuples[i] = `(${marks.join(', ')})`;
    }
  } else tuples.fill(`(${new Array<string>(columns.length).fill('?').join(', ')})`);
  text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${tuples.join(', ')}`;
  if (conflict === true) text += ' on conflict do nothing';
  else if (conflict) text += ` on conflict (${quote(conflict)}) do nothing`;
  if (options.returning?.length) text += ` returning ${options.returning.map(quote).join(', ')}`;
  if (texts.size >= MAX_TEXTS) texts.clear();
  texts.set(key, text);
  return text;
}

/** The compiled statement, or null when Kysely would write these rows otherwise. */
export function compileRowsInsert(
  db: Db,
  table: string,
  rows: readonly object[],
  options: RowsInsertOptions = {},
): CompiledQuery | null {
  const first = rows[0];
  if (!first) return null;
  const columns = Object.keys(first);
  if (columns.length === 0) return null;
  const width = columns.length;
  const parameters: unknown[] = new Array(rows.length * width);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as Record<string, unknown>;
    // The same columns in every row, each with a plain value.
    if (i > 0 && Object.keys(r).length !== width) return null;
    for (let j = 0; j < width; j++) {
      const v = r[columns[j]!];
      if (v === undefined || !plain(v)) return null;
      parameters[n++] = v;
    }
  }
  const text = statementText(numbered(db), table, columns, rows.length, options);
  return CompiledQuery.raw(text, parameters);
}

/**
 * Inserts the rows in one statement (the caller keeps them within the engines' limits on bound
 * parameters) and returns the `returning` columns of the inserted rows. `viaKysely` writes
 * the same statement with the query builder, for rows the direct path does not take.
 */
export async function insertRows<R = Record<string, never>>(
  db: Db,
  table: string,
  rows: readonly object[],
  options: RowsInsertOptions,
  viaKysely: () => Promise<R[]>,
): Promise<R[]> {
  const compiled = compileRowsInsert(db, table, rows, options);
  if (!compiled) return viaKysely();
  const result: QueryResult<R> = await db.executeQuery<R>(compiled);
  return result.rows;
}
