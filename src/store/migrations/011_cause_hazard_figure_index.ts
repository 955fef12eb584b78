// 011: the dashboard's map asks for the largest facts of a cause and a hazard together
// (`/api/facts?cause=conflict&hazard=flood&sort=-figure&limit=500`). With one index per column
// the engine read every fact of the hazard to check its cause: on 1,000,000 facts ~0.5 s of CPU
// for a pair that matches nothing (a conflict flood), the slowest filter change of the
// dashboard benchmark. Both columns in one index answer any pair at once.
// On a SQLite store that was analyzed (the benchmark generator does), the new index needs its
// statistics too: without them SQLite took it for very selective and chose it for a cause
// alone, sorting every fact of that cause (6 s of CPU for cause=conflict on 1 M facts).
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';

export function up011(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await db.schema
      .createIndex('facts_cause_hazard_figure')
      .on('facts')
      .columns(['cause', 'hazard', 'figure_key', 'id'])
      .execute();
    if (engine !== 'sqlite') return;
    const analyzed = await sql<{ n: number }>`
      SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`.execute(db);
    if (Number(analyzed.rows[0]?.n ?? 0) > 0) await sql`ANALYZE facts_cause_hazard_figure`.execute(db);
  };
}

export async function down011(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('facts_cause_hazard_figure').execute();
}
