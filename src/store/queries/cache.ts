// A small cache for aggregate queries (country summaries, time series) that the summary tables
// cannot answer and that scan the facts. An entry is valid while the facts' version (migration
// 016: a counter bumped by triggers on every insert, delete or relevant update of a fact) is the
// one it was computed at. The version is read before the answer is computed, so a write that
// lands in between makes the entry older than its content, never newer.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The facts' version: one primary-key read. */
export async function factsVersion(db: Kysely<Database>): Promise<string> {
  const r = await db.selectFrom('facts_version').select('version').where('id', '=', 1).executeTakeFirst();
  return String(Number(r?.version ?? 0));
}

export class AggregateCache {
  private readonly entries = new Map<string, { version: string; value: unknown }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxEntries = 256,
  ) {}

  version(): Promise<string> {
    return factsVersion(this.db);
  }

  /** The cached value for `key` if the facts are unchanged since; else computes and keeps it. */
  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const version = await this.version();
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as T;
    }
    const value = await compute();
    this.entries.set(key, { version, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
