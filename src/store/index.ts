// The store: one interface over two engines (embedded SQLite by default, PostgreSQL when
// DATABASE_URL is set). Migrations run on open. Every query lives in ./queries, per resource.
import { Migrator, type Kysely } from 'kysely';
import { DmonError } from '../errors.js';
import { localNotifier, postgresNotifier, type JobNotifier } from '../jobs/notify.js';
import { JobQueue, type QueueOptions } from '../jobs/queue.js';
import { log } from '../log.js';
import type { Availability } from './availability.js';
import { openEngine, type Engine, type EngineOptions } from './engine.js';
import { migrationProvider } from './migrations/index.js';
import { Alerts } from './queries/alerts.js';
import { Articles } from './queries/articles.js';
import { Claims } from './queries/claims.js';
import { Clustering } from './queries/clustering.js';
import { Events } from './queries/events.js';
import { Facts } from './queries/facts.js';
import { Reviews } from './queries/reviews.js';
import { HostTurns } from './queries/hostTurns.js';
import { Sources } from './queries/sources.js';
import { Summaries } from './queries/summary.js';
import { Tokens } from './queries/tokens.js';
import { Webhooks } from './queries/webhooks.js';
import type { Database } from './schema.js';

export interface Store {
  readonly engine: Engine;
  /** Where the data lives (file path or postgres://host/db), for messages. */
  readonly where: string;
  /** Whether the database answers and takes writes, as the last queries found it. */
  readonly availability: Availability;
  readonly sources: Sources;
  readonly articles: Articles;
  readonly facts: Facts;
  readonly summaries: Summaries;
  readonly tokens: Tokens;
  readonly alerts: Alerts;
  readonly webhooks: Webhooks;
  readonly claims: Claims;
  readonly events: Events;
  /** Keeps claims and events in step with the facts. */
  readonly clustering: Clustering;
  /** Analysts' confirmations, corrections, rejections, merges and splits, and the audit log. */
  readonly reviews: Reviews;
  /** Per-host request turns shared by all workers (politeness, Retry-After). */
  readonly hosts: HostTurns;
  /** The job queue in the same database; `options` set the lease, backoff and worker id. */
  queue(options?: QueueOptions): JobQueue;
  /**
   * Runs `fn` in one transaction: every query it makes through the store it is given commits
   * together or not at all (on SQLite, with the write lock taken at the start). Inside, it runs
   * `fn` in the transaction already open.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** One cheap read (an index lookup): throws when the database does not answer, and records
   * the outcome in `availability` like any query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

// The query builder stays inside the store; tests that must reach under it (crash checks,
// simulated lost rows) ask for it here, by name.
const builders = new WeakMap<Store, Kysely<Database>>();

/** The store's query builder: for tests only. */
export function queryBuilderForTests(store: Store): Kysely<Database> {
  const db = builders.get(store);
  if (!db) throw new Error('not a store opened by openStore');
  return db;
}

export interface OpenStoreOptions extends EngineOptions {
  /** Run pending migrations (default true). */
  migrate?: boolean;
}

export async function migrate(db: Kysely<Database>, engine: Engine, where = 'the store'): Promise<void> {
  // Unordered: migrations written on parallel branches may land in either order, and a store
  // that ran a later-numbered one first must still take the earlier one.
  const migrator = new Migrator({
    db,
    provider: migrationProvider(engine),
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (!error) return;
  const message = (error as Error).message ?? String(error);
  const failed = results?.find((r) => r.status === 'Error')?.migrationName;
  if (!failed)
    throw new DmonError(
      'STORE_FAILED',
      `cannot reach ${where}: ${message}; check DATABASE_URL and that the server is up`,
      {
        cause: error,
      },
    );
  throw new DmonError('STORE_FAILED', `database migration ${failed} failed on ${where}: ${message}`, {
    cause: error,
  });
}

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const { engine, db, where, availability } = openEngine(options);
  try {
    if (options.migrate !== false) await migrate(db, engine, where);
  } catch (e) {
    // The open failed; a failure to close as well is logged, and the open's error is the one thrown.
    await db
      .destroy()
      .catch((err: unknown) => log('store').warn({ err }, `closing ${where} after a failed open`));
    if (e instanceof DmonError) throw e;
    throw new DmonError('STORE_FAILED', `cannot open the store at ${where}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const notifier =
    engine === 'postgres' && options.databaseUrl ? postgresNotifier(options.databaseUrl) : localNotifier();
  return storeOver(db, engine, where, availability, notifier);
}

/** The store's interface over a query builder: the database's, or one transaction's. */
function storeOver(
  db: Kysely<Database>,
  engine: Engine,
  where: string,
  availability: Availability,
  notifier: JobNotifier,
): Store {
  const claims = new Claims(db);
  const clustering = new Clustering(db, engine);
  const store: Store = {
    engine,
    where,
    availability,
    sources: new Sources(db),
    articles: new Articles(db, engine),
    facts: new Facts(db, engine),
    summaries: new Summaries(db, engine),
    tokens: new Tokens(db),
    alerts: new Alerts(db),
    webhooks: new Webhooks(db),
    claims,
    events: new Events(db, engine, claims),
    clustering,
    reviews: new Reviews(db, clustering),
    hosts: new HostTurns(db),
    queue: (queueOptions) => new JobQueue(db, engine, queueOptions, notifier),
    transaction: (fn) => (db.isTransaction ? fn(store) : inTransactionStore(fn)),
    ping: async () => {
      await db.selectFrom('articles').select('id').orderBy('id', 'desc').limit(1).execute();
    },
    close: () => (db.isTransaction ? Promise.resolve() : db.destroy()),
  };
  /** A store over one transaction; jobs it queues wake workers once it has committed. */
  async function inTransactionStore<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    const woken = new Set<string>();
    const deferred: JobNotifier = {
      subscribe: (l) => notifier.subscribe(l),
      notifyLocal: (k) => woken.add(k),
    };
    const out = await db
      .transaction()
      .execute((trx) => fn(storeOver(trx, engine, where, availability, deferred)));
    for (const kind of woken) notifier.notifyLocal(kind);
    return out;
  }

  builders.set(store, db);
  return store;
}
export type { Engine } from './engine.js';
export type { AvailabilitySnapshot } from './availability.js';
export type { FactFilter } from './queries/filter.js';
export type { FactSort, FactListItem, FactPoint } from './queries/facts.js';
export type { CountrySummary, Interval, TimeseriesPoint } from './queries/summary.js';
export type { FactView } from './views.js';
export type { AlertFilter, AlertView } from './queries/alerts.js';
export type { DeliveryAttempt, DeliveryOutcome, WebhookInfo } from './queries/webhooks.js';
export type { AuditEntry, AuditFilter, ReviewFilter, ReviewOutcome, ReviewView } from './queries/reviews.js';
export type * from './schema.js';
