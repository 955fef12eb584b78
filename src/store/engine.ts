// Opens a Kysely instance on one of the two engines: better-sqlite3 (embedded file, WAL) or
// PostgreSQL (pg pool). Everything above this file is engine-agnostic SQL.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { DmonError } from '../errors.js';
import { Availability } from './availability.js';
import type { Database } from './schema.js';

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

export function openSqlite(path: string, availability = new Availability()): Kysely<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(path);
  } catch (e) {
    throw new DmonError('STORE_FAILED', `cannot open the SQLite store ${path}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }), log: watch(availability) });
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
