// The plan a query would run with, one line per step joined by " | ": SQLite's EXPLAIN QUERY PLAN
// details, or PostgreSQL's EXPLAIN with sequential and bitmap scans off (a test table is small
// enough that any planner reads it whole; this asks which index it would use). With `ordered`,
// PostgreSQL is kept from sorting too: which index it would read the rows in order from. The query
// is SQL written in the test, or one a store method ran (compiled, with its parameters).
import { CompiledQuery, type Kysely, type KyselyPlugin, type RawBuilder, sql } from 'kysely';
import type { Database } from './schema.js';

export async function queryPlan(
  db: Kysely<Database>,
  engine: string,
  query: RawBuilder<unknown> | CompiledQuery,
  options: { ordered?: boolean } = {},
): Promise<string> {
  const explain = (prefix: string) =>
    'parameters' in query
      ? CompiledQuery.raw(`${prefix} ${query.sql}`, [...query.parameters])
      : sql`${sql.raw(prefix)} ${query}`.compile(db);
  if (engine === 'sqlite') {
    const plan = await db.executeQuery<{ detail: string }>(explain('EXPLAIN QUERY PLAN'));
    return plan.rows.map((r) => r.detail).join(' | ');
  }
  const plan = await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
    if (options.ordered) await sql`SET LOCAL enable_sort = off`.execute(trx);
    return trx.executeQuery<{ 'QUERY PLAN': string }>(explain('EXPLAIN'));
  });
  return plan.rows.map((r) => r['QUERY PLAN']).join(' | ');
}

/** The queries `run` sends through `db`, compiled with their parameters, in order: what a store
 * method runs, for its plan. */
export async function capturedQueries(
  db: Kysely<Database>,
  run: (db: Kysely<Database>) => Promise<unknown>,
): Promise<CompiledQuery[]> {
  const seen: CompiledQuery[] = [];
  const capture: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      seen.push(db.getExecutor().compileQuery(node, queryId));
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  await run(db.withPlugin(capture));
  return seen;
}
