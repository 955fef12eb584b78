// Opens a Kysely instance on one of the two engines: better-sqlite3 (embedded file, WAL) or
// PostgreSQL (pg pool). Everything above this file is engine-agnostic SQL.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { DmonError } from '../errors.js';
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

export function openSqlite(path: string): Kysely<Database> {
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
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
}

export function openPostgres(url: string, poolSize = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export function openEngine(options: EngineOptions): { engine: Engine; db: Kysely<Database>; where: string } {
  if (options.databaseUrl) {
    const u = new URL(options.databaseUrl);
    return {
      engine: 'postgres',
      db: openPostgres(options.databaseUrl, options.poolSize),
      where: `postgres://${u.host}${u.pathname}`,
    };
  }
  const path = options.sqlitePath ?? 'data/dmon.sqlite';
  return { engine: 'sqlite', db: openSqlite(path), where: path };
}
