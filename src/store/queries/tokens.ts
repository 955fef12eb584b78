// API bearer tokens. Only a SHA-256 of each token is stored; the token is shown once.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DmonError } from '../../errors.js';
import type { Database } from '../schema.js';

export interface TokenInfo {
  id: number;
  name: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class Tokens {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates a token named `name` and returns it; it cannot be read back later. */
  async create(name: string): Promise<{ name: string; token: string }> {
    if (!/^[\w.@-]{1,64}$/.test(name))
      throw new DmonError(
        'USAGE',
        `token name ${JSON.stringify(name)} must be 1–64 letters, digits, or . _ @ -`,
      );
    const token = `dmon_${randomBytes(24).toString('base64url')}`;
    const row = await this.db
      .insertInto('tokens')
      .values({ name, hash: hashToken(token), created_at: Date.now(), last_used_at: null, revoked_at: null })
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row)
      throw new DmonError(
        'CONFLICT',
        `a token named ${JSON.stringify(name)} exists already; revoke it or choose another name.`,
      );
    return { name, token };
  }

  /** The name of the live token, or null when it is unknown or revoked. */
  async verify(token: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('tokens')
      .select(['id', 'name'])
      .where('hash', '=', hashToken(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    await this.db.updateTable('tokens').set({ last_used_at: Date.now() }).where('id', '=', row.id).execute();
    return row.name;
  }

  list(): Promise<TokenInfo[]> {
    return this.db
      .selectFrom('tokens')
      .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
      .orderBy('id')
      .execute();
  }

  async revoke(name: string): Promise<boolean> {
    const r = await this.db
      .updateTable('tokens')
      .set({ revoked_at: Date.now() })
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}
