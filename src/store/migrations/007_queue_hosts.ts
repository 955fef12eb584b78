// 007: what the job queue shares between workers beyond the jobs themselves.
// - host_turns: per host, the earliest time the next request may be sent. Every worker takes
//   its turn from this table, so N workers reach a host no more often than one does, and a
//   server's Retry-After holds for all of them.
// - On PostgreSQL, a trigger NOTIFYs channel dmon_jobs whenever a job becomes queued, so idle
//   workers (LISTEN dmon_jobs) claim it at once instead of at their next poll.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';

export const JOBS_CHANNEL = 'dmon_jobs';

export function up007(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await db.schema
      .createTable('host_turns')
      .addColumn('host', 'text', (c) => c.primaryKey())
      .addColumn('next_at', 'bigint', (c) => c.notNull())
      .execute();
    if (engine !== 'postgres') return;
    await sql`
      CREATE FUNCTION dmon_jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('dmon_jobs', NEW.kind);
        RETURN NULL;
      END $$`.execute(db);
    await sql`
      CREATE TRIGGER jobs_notify AFTER INSERT OR UPDATE OF status ON jobs
      FOR EACH ROW WHEN (NEW.status = 'queued') EXECUTE FUNCTION dmon_jobs_notify()`.execute(db);
  };
}

export function down007(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    if (engine === 'postgres') {
      await sql`DROP TRIGGER IF EXISTS jobs_notify ON jobs`.execute(db);
      await sql`DROP FUNCTION IF EXISTS dmon_jobs_notify()`.execute(db);
    }
    await db.schema.dropTable('host_turns').ifExists().execute();
  };
}
