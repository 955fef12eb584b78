// API bearer tokens. Only a SHA-256 of each token is stored; the token is shown once. Each has a
// scope: read < review < admin, each allowing what the one before it does (see serve/auth.ts).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DmonError } from '../../errors.js';
import type { Database } from '../schema.js';

export const SCOPES = ['read', 'review', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

// A token is letters and digits after its prefix: one word to a terminal's double-click and to
// any \b…\b match. Base64url's '-' cut it short there (a test harness read 1 token in 64,
// those ending in '-', without its last character, and its requests were refused with 401).
const WORD_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** 32 of 62 characters: 190 random bits. */
const TOKEN_CHARS = 32;

/** `length` random letters and digits, each equally likely. */
function randomWord(length: number): string {
  let out = '';
  while (out.length < length)
    for (const b of randomBytes(length))
      // 248 = 4 × 62: a byte above it is dropped, or the first 8 characters would come more often.
      if (b < 248 && out.length < length) out += WORD_CHARS[b % WORD_CHARS.length];
  return out;
}

/** Whether a token of scope `has` may do what needs `needs`. */
export function scopeAllows(has: Scope, needs: Scope): boolean {
  return SCOPES.indexOf(has) >= SCOPES.indexOf(needs);
}

export interface TokenInfo {
  id: number;
  name: string;
  scope: Scope;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class Tokens {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates a token named `name` and returns it; it cannot be read back later. Without a
   * scope it is read, the least a token can do: a leaked token made by habit then writes
   * nothing (README, "Review"). Tokens made before scopes existed stay admin (migration 006). */
  async create(name: string, scope: Scope = 'read'): Promise<{ name: string; token: string; scope: Scope }> {
    if (!SCOPES.includes(scope))
      throw new DmonError(
        'USAGE',
        `token scope ${JSON.stringify(scope)} must be one of: ${SCOPES.join(', ')}`,
      );
    if (!/^[\w.@-]{1,64}$/.test(name))
      throw new DmonError(
        'USAGE',
        `token name ${JSON.stringify(name)} must be 1–64 letters, digits, or . _ @ -`,
      );
    const token = `dmon_${randomWord(TOKEN_CHARS)}`;
    const row = await this.db
      .insertInto('tokens')
      .values({
        name,
        scope,
        hash: hashToken(token),
        created_at: Date.now(),
        last_used_at: null,
        revoked_at: null,
      })
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row)
      throw new DmonError(
        'CONFLICT',
        `a token named ${JSON.stringify(name)} exists already; revoke it or choose another name.`,
      );
    return { name, token, scope };
  }

  /** The name of the live token, or null when it is unknown or revoked. */
  async verify(token: string): Promise<string | null> {
    return (await this.check(token))?.name ?? null;
  }

  /** The name and scope of the live token, or null when it is unknown or revoked. The lookup is
   * by SHA-256 digest, so timing can tell nothing about the token itself; the digest found is
   * compared again in constant time before it is trusted. */
  async check(token: string): Promise<{ name: string; scope: Scope } | null> {
    const hash = hashToken(token);
    const row = await this.db
      .selectFrom('tokens')
      .select(['id', 'name', 'scope', 'hash'])
      .where('hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row || !timingSafeEqual(Buffer.from(row.hash, 'hex'), Buffer.from(hash, 'hex'))) return null;
    await this.db.updateTable('tokens').set({ last_used_at: Date.now() }).where('id', '=', row.id).execute();
    return { name: row.name, scope: SCOPES.includes(row.scope as Scope) ? (row.scope as Scope) : 'read' };
  }

  list(): Promise<TokenInfo[]> {
    return this.db
      .selectFrom('tokens')
      .select(['id', 'name', 'scope', 'created_at', 'last_used_at', 'revoked_at'])
      .orderBy('id')
      .execute() as Promise<TokenInfo[]>;
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
