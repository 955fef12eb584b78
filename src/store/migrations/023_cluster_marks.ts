// 023: articles whose facts changed since claims and events were last clustered
// (src/store/queries/clustering.ts). The ingest path writes a mark in the transaction of the
// facts, and the clustering job (kind 'cluster') clusters every marked article at once and
// deletes the marks it read, in its own transaction: a crash between the two leaves the marks,
// and their job, to be resumed. Marks are rows, not a flag per article, so a mark written
// while the job runs is never deleted unread. A partial index finds a queued clustering job
// among many queued jobs (one is queued at a time).
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { idColumn } from './columns.js';

export function up023(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await idColumn(engine, db.schema.createTable('cluster_marks'))
      .addColumn('article_id', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('jobs_cluster_queued')
      .on('jobs')
      .column('status')
      .where(sql.ref('kind'), '=', sql.lit('cluster'))
      .execute();
  };
}

export async function down023(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('jobs_cluster_queued').execute();
  await db.schema.dropTable('cluster_marks').execute();
}
