// Transactions that compose: a write that needs one opens it, or joins the one its caller
// already opened (a batch of articles stored or extracted together commits once).
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Runs `fn` in a transaction on `db`, or directly in the one `db` already is. */
export function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
