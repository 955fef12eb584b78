// Per-host turns shared by every worker: host_turns holds, per host, the earliest time the next
// request may start. Taking a turn is one upsert, atomic on both engines (a row lock on
// PostgreSQL, the single writer on SQLite), so two workers never get the same slot.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

export class HostTurns {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Takes the next turn for `host`: returns the epoch ms at which this request may start (now,
   * or later if another worker's turn or a server's Retry-After holds it), and moves the host's
   * next turn `delayMs` past it.
   */
  async take(host: string, delayMs: number, now = Date.now()): Promise<number> {
    const row = await this.db
      .insertInto('host_turns')
      .values({ host, next_at: now + delayMs })
      .onConflict((oc) =>
        oc.column('host').doUpdateSet({
          next_at: sql<number>`(CASE WHEN host_turns.next_at > ${now} THEN host_turns.next_at ELSE ${now} END) + ${delayMs}`,
        }),
      )
      .returning('next_at')
      .executeTakeFirstOrThrow();
    return Number(row.next_at) - delayMs;
  }

  /** No request to `host` before `until` (epoch ms), e.g. a server's Retry-After; never brings a turn forward. */
  async holdUntil(host: string, until: number): Promise<void> {
    await this.db
      .insertInto('host_turns')
      .values({ host, next_at: until })
      .onConflict((oc) =>
        oc.column('host').doUpdateSet({
          next_at: sql<number>`CASE WHEN host_turns.next_at > ${until} THEN host_turns.next_at ELSE ${until} END`,
        }),
      )
      .execute();
  }

  /** The host's next turn, epoch ms, or null when it has none. */
  async nextAt(host: string): Promise<number | null> {
    const r = await this.db
      .selectFrom('host_turns')
      .select('next_at')
      .where('host', '=', host)
      .executeTakeFirst();
    return r ? Number(r.next_at) : null;
  }
}
