// A small cache for aggregate queries (country summaries, time series), which scan the whole
// facts index. An entry is valid while the facts table has not changed; the change check is
// max(facts.id), one index lookup: every extraction inserts new rows, so the id only grows.
// A review rewrites facts in place, so the latest review (its id and time) is part of the check.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export class AggregateCache {
  private readonly entries = new Map<string, { version: string; value: unknown }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxEntries = 256,
  ) {}

  async version(): Promise<string> {
    const r = await this.db
      .selectFrom('facts')
      .select((eb) => eb.fn.max('id').as('v'))
      .executeTakeFirst();
    const review = await this.db
      .selectFrom('reviews')
      .select((eb) => [eb.fn.max('id').as('id'), eb.fn.max('updated_at').as('at')])
      .executeTakeFirst();
    return `${Number(r?.v ?? 0)}:${Number(review?.id ?? 0)}:${Number(review?.at ?? 0)}`;
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
