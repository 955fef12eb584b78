// Opens a Kysely instance on one of the two engines: better-sqlite3 (embedded file, WAL) or
// PostgreSQL (pg pool). Everything above this file is engine-agnostic SQL.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { DmonError } from '../errors.js';
import { Availability } from './availability.js';
import type { Database } from './schema.js';
import { sqliteRuntimeProblem } from './nodeRuntime.js';
import { StoreSqliteDialect, type BusyRetry } from './sqliteDialect.js';

export type Engine = 'sqlite' | 'postgres';

export interface EngineOptions {
  /** postgres://… selects PostgreSQL; otherwise `sqlitePath` is used. */
  databaseUrl?: string | null;
  sqlitePath?: string;
  /** Max connections in the PostgreSQL pool (default 10). */
  poolSize?: number;
}

// int8 (counts, epoch-ms timestamps, figures) as JavaScript numbers: all values we store fit
// in 2^53. numeric (from AVG/SUM) likewise.
const pgTypes = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

const WRITE = /^\s*(insert|update|delete|replace|create|alter|drop|pragma user_version)/i;

/** Feeds every query's outcome to `availability` (see availability.ts). */
function watch(availability: Availability) {
  return (event: LogEvent) => {
    if (event.level === 'error') availability.failed(event.error);
    else availability.succeeded(WRITE.test(event.query.sql));
  };
}

/**
 * How long SQLite's own busy handler may wait, inside one call, for another process's write
 * lock. It sleeps on the event loop, so it is short; the dialect retries asynchronously after.
 */
const SQLITE_BUSY_TIMEOUT_MS = 50;

export function openSqlite(
  path: string,
  availability = new Availability(),
  retry: Partial<BusyRetry> = {},
): Kysely<Database> {
  const fail = (what: string, e: unknown) =>
    new DmonError('STORE_FAILED', `${what} ${path}: ${describeSqliteError(e, path)}`, { cause: e });
  // Refused up front rather than aborting at some later garbage collection.
  const problem = sqliteRuntimeProblem();
  if (problem) throw new DmonError('STORE_FAILED', `cannot open the SQLite store ${path}: ${problem}`);
  if (path !== ':memory:') {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (e) {
      throw fail('cannot create the directory of the SQLite store', e);
    }
  }
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(path);
  } catch (e) {
    throw fail('cannot open the SQLite store', e);
  }
  try {
    // WAL needs the -wal and -shm files beside the store: a read-only directory fails here.
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    raw.pragma('foreign_keys = ON');
  } catch (e) {
    raw.close();
    throw fail('cannot open the SQLite store', e);
  }
  return new Kysely<Database>({ dialect: new StoreSqliteDialect(raw, retry), log: watch(availability) });
}

/** SQLite's message, with what it means for a store file when it says little. */
export function describeSqliteError(e: unknown, path: string): string {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  const message = (e as Error)?.message ?? String(e);
  if (/^SQLITE_(READONLY|CANTOPEN)/.test(code) || /unable to open database file|readonly/i.test(message))
    return `${message} (the file or its directory ${dirname(path)} is read-only or missing; SQLite must be able to create ${path}-wal and ${path}-shm there)`;
  if (/^SQLITE_FULL/.test(code) || /disk is full|ENOSPC/i.test(message))
    return `${message} (the disk holding ${dirname(path)} is full)`;
  return message;
}

export function openPostgres(
  url: string,
  poolSize = 10,
  availability = new Availability(),
): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes });
  // pg emits 'error' on a client whose backend goes away (57P01 when the server restarts or an
  // admin terminates it): on the pool for idle clients, on the client itself while it is checked
  // out. An 'error' event without a listener kills the process, so every client gets one for its
  // whole life. The pool drops broken clients and opens new connections on demand: that is the
  // reconnect; callers retry with backoff (jobs/worker.ts).
  const onError = (e: Error) => availability.failed(e);
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: watch(availability) });
}

export interface OpenedEngine {
  engine: Engine;
  db: Kysely<Database>;
  where: string;
  availability: Availability;
}

export function openEngine(options: EngineOptions): OpenedEngine {
  const availability = new Availability();
  if (options.databaseUrl) {
    const u = new URL(options.databaseUrl);
    return {
      engine: 'postgres',
      db: openPostgres(options.databaseUrl, options.poolSize, availability),
      where: `postgres://${u.host}${u.pathname}`,
      availability,
    };
  }
  const path = options.sqlitePath ?? 'data/dmon.sqlite';
  return { engine: 'sqlite', db: openSqlite(path, availability), where: path, availability };
}
