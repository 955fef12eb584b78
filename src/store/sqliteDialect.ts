// Kysely's SQLite dialect made fit for several processes writing one file (`dmon serve` with its
// worker and a `dmon import` at the same time) and for bulk writes:
// - a transaction takes the write lock when it begins (BEGIN IMMEDIATE). A deferred BEGIN
//   starts as a reader and fails with SQLITE_BUSY, whatever the busy timeout, when it first
//   writes after another process has written meanwhile; an immediate one waits its turn.
// - a statement or BEGIN that finds the file locked is tried again after an asynchronous pause
//   (10 ms doubling to 500 ms, for up to a minute). SQLite's own busy handler sleeps inside the
//   call and so holds the whole event loop, the API with it: it is kept short (busyTimeoutMs).
//   Only statements outside a transaction and BEGIN itself are tried again; they changed
//   nothing when they failed. Inside a transaction the lock is held, so nothing waits.
// - prepared statements are kept (the last 256 distinct SQL texts) and reused.
import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type SqliteDatabase,
} from 'kysely';

export interface BusyRetry {
  /** Give up after this long (default 60 s): the error is then thrown as it came. */
  maxWaitMs: number;
  /** Called on each wait, for tests and logs. */
  onWait?: (attempt: number, waitMs: number) => void;
}

const BUSY = /^SQLITE_(BUSY|LOCKED)/;

export function isBusy(e: unknown): boolean {
  return BUSY.test(String((e as { code?: unknown } | null)?.code ?? ''));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A statement cache in front of better-sqlite3 (Kysely prepares every query afresh). */
function withStatementCache(raw: BetterSqlite3.Database, size = 256): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      // A statement still being iterated (a streamed query) cannot run again meanwhile.
      if (stmt && !stmt.busy) {
        cache.delete(sql);
        cache.set(sql, stmt); // most recently used last
        return stmt;
      }
      stmt = raw.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}

class RetryingConnection implements DatabaseConnection {
  constructor(
    private readonly inner: DatabaseConnection,
    private readonly inTransaction: () => boolean,
    private readonly retry: BusyRetry,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.inner.executeQuery<R>(query);
      } catch (e) {
        if (!isBusy(e) || this.inTransaction() || Date.now() - started >= this.retry.maxWaitMs) throw e;
        const wait = Math.min(500, 10 * 2 ** Math.min(attempt - 1, 6));
        this.retry.onWait?.(attempt, wait);
        await sleep(wait);
      }
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class StoreSqliteDriver extends SqliteDriver {
  private transactionOpen = false;

  constructor(
    database: SqliteDatabase,
    private readonly retry: BusyRetry,
  ) {
    super({ database });
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    return new RetryingConnection(await super.acquireConnection(), () => this.transactionOpen, this.retry);
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    this.transactionOpen = true;
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
    this.transactionOpen = false;
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } finally {
      this.transactionOpen = false;
    }
  }
}

export class StoreSqliteDialect implements Dialect {
  private readonly database: SqliteDatabase;
  private readonly retry: BusyRetry;

  constructor(raw: BetterSqlite3.Database, retry: Partial<BusyRetry> = {}) {
    this.database = withStatementCache(raw);
    this.retry = { maxWaitMs: 60_000, ...retry };
  }

  createDriver(): Driver {
    return new StoreSqliteDriver(this.database, this.retry);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
