// A small cache for aggregate queries (country summaries, time series), which scan the whole
// facts index. An entry is valid while the facts table has not changed; the change check is
// max(facts.id), one index lookup: every extraction inserts new rows, so the id only grows.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export class AggregateCache {
  private readonly entries = new Map<string, { version: number; value: unknown }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxEntries = 256,
  ) {}

  async version(): Promise<number> {
    const r = await this.db
      .selectFrom('facts')
      .select((eb) => eb.fn.max('id').as('v'))
      .executeTakeFirst();
    return Number(r?.v ?? 0);
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
