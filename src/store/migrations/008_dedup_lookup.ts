// 008: the near-duplicate lookup of every stored document reads the SimHashes of the latest
// originals (src/dedup/policy.ts, RECENT_WINDOW). This partial index holds just those columns
// of just those rows, so the lookup reads the index instead of the articles with their texts.
// And the copies of an article, which clustering counts for every fact it loads
// (claimFacts.ts): without an index each count read the whole articles table, so clustering
// an extracted batch cost facts × articles.
import { sql, type Kysely } from 'kysely';

export async function up008(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('articles_recent_simhash')
    .on('articles')
    .columns(['id', 'simhash'])
    .where(sql.ref('duplicate_of'), 'is', null)
    .where(sql.ref('simhash'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('articles_duplicate_of')
    .on('articles')
    .column('duplicate_of')
    .where(sql.ref('duplicate_of'), 'is not', null)
    .execute();
}

export async function down008(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_duplicate_of').execute();
  await db.schema.dropIndex('articles_recent_simhash').execute();
}
