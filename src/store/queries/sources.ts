// Feeds and their polling state.
import type { Kysely } from 'kysely';
import { DmonError } from '../../errors.js';
import type { Database, SourceRow } from '../schema.js';

export interface PollOutcome {
  status: string;
  error?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  title?: string | null;
  items?: number;
  /** When the feed is due again, epoch ms. */
  nextPollAt: number;
}

export class Sources {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a feed; adding the same URL again returns the existing row with `created: false`. */
  async add(
    url: string,
    options: { title?: string | null; intervalS?: number } = {},
  ): Promise<{ source: SourceRow; created: boolean }> {
    const inserted = await this.db
      .insertInto('sources')
      .values({
        url,
        title: options.title ?? null,
        etag: null,
        last_modified: null,
        interval_s: options.intervalS ?? 900,
        next_poll_at: 0,
        last_polled_at: null,
        last_status: null,
        last_error: null,
        error_count: 0,
        item_count: 0,
        created_at: Date.now(),
      })
      .onConflict((oc) => oc.column('url').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { source: inserted, created: true };
    const existing = await this.getByUrl(url);
    if (!existing) throw new DmonError('STORE_FAILED', `the feed ${url} could not be added`);
    return { source: existing, created: false };
  }

  list(): Promise<SourceRow[]> {
    return this.db.selectFrom('sources').selectAll().orderBy('id').execute();
  }

  async get(id: number): Promise<SourceRow | null> {
    return (await this.db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async getByUrl(url: string): Promise<SourceRow | null> {
    return (
      (await this.db.selectFrom('sources').selectAll().where('url', '=', url).executeTakeFirst()) ?? null
    );
  }

  /** Removes a feed by id or URL; its articles stay (their source_id becomes null). */
  async remove(idOrUrl: number | string): Promise<boolean> {
    const q = this.db.deleteFrom('sources');
    const r = await (
      typeof idOrUrl === 'number' ? q.where('id', '=', idOrUrl) : q.where('url', '=', idOrUrl)
    ).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Feeds whose next poll time has come. */
  due(now: number = Date.now()): Promise<SourceRow[]> {
    return this.db
      .selectFrom('sources')
      .selectAll()
      .where('next_poll_at', '<=', now)
      .orderBy('next_poll_at')
      .orderBy('id')
      .execute();
  }

  async recordPoll(id: number, outcome: PollOutcome): Promise<void> {
    const failed = !!outcome.error;
    await this.db
      .updateTable('sources')
      .set((eb) => ({
        last_polled_at: Date.now(),
        last_status: outcome.status,
        last_error: outcome.error ?? null,
        next_poll_at: outcome.nextPollAt,
        error_count: failed ? eb('error_count', '+', 1) : 0,
        item_count: eb('item_count', '+', outcome.items ?? 0),
        ...(outcome.etag !== undefined ? { etag: outcome.etag } : {}),
        ...(outcome.lastModified !== undefined ? { last_modified: outcome.lastModified } : {}),
        ...(outcome.title ? { title: outcome.title } : {}),
      }))
      .where('id', '=', id)
      .execute();
  }
}
