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

/** Whether the engine behind `db` numbers its placeholders ($1, $2 …: PostgreSQL) or not (?). */
function numbered(db: Db): boolean {
  return sql`${0}`.compile(db).sql !== '?';
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
  const parameters: unknown[] = new Array(rows.length * columns.length);
  let n = 0;
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    // The same columns in every row, each with a plain value.
    if (Object.keys(r).length !== columns.length) return null;
    for (const c of columns) {
      const v = r[c];
      if (v === undefined || !plain(v)) return null;
      parameters[n++] = v;
    }
  }
  const dollar = numbered(db);
  const tuples: string[] = new Array(rows.length);
  let p = 0;
  for (let i = 0; i < rows.length; i++) {
    const marks: string[] = new Array(columns.length);
    for (let j = 0; j < columns.length; j++) marks[j] = dollar ? `$${++p}` : '?';
    tuples[i] = `(${marks.join(', ')})`;
  }
  let text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${tuples.join(', ')}`;
  const conflict = options.onConflictDoNothing;
  if (conflict === true) text += ' on conflict do nothing';
  else if (conflict) text += ` on conflict (${quote(conflict)}) do nothing`;
  if (options.returning?.length) text += ` returning ${options.returning.map(quote).join(', ')}`;
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
