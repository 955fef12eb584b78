// 014: /api/health counts the articles by status (at most every 5 s, routes/health.ts), and
// GET /api/articles?status=… lists one status newest first. Without an index the count reads the
// whole articles table, texts included: 83–234 ms of CPU at 200,000 articles (the 1 M-fact
// store); with this one it reads the index alone, 11–12 ms. The plan is checked in
// articlesStatus.test.ts.
import type { Kysely } from 'kysely';

export async function up014(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('articles_status').on('articles').column('status').execute();
}

export async function down014(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_status').execute();
}
