// A job queue in the store's own database. On PostgreSQL, claiming uses
// SELECT … FOR UPDATE SKIP LOCKED, so any number of worker processes on any number of machines
// share it and each job is handed to one worker at a time; on SQLite the single-statement
// UPDATE … RETURNING is atomic because SQLite serialises writers. A claimed job carries a
// lease: a worker that dies (kill -9, lost machine) leaves it to be reclaimed, never lost;
// completing checks the lease holder, so a job is marked done once. A worker extends the lease
// of the jobs it runs (heartbeat), so a job that runs longer than the lease is not taken over.
// A failed job is retried with backoff, or no earlier than the time a server asked for
// (Retry-After). Idle workers are woken when a job is queued (./notify.ts).
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../store/engine.js';
import type { Database, JobRow, JobStatus } from '../store/schema.js';
import type { Logger } from '../log.js';
import { insertRows } from '../store/queries/rowsInsert.js';
import { localNotifier, type JobNotifier, type WakeListener } from './notify.js';

export interface Job<P = unknown> {
  id: number;
  kind: string;
  key: string;
  payload: P;
  /** 1 on the first run. */
  attempts: number;
  maxAttempts: number;
}

export interface EnqueueOptions {
  /** Idempotency key (default kind + payload JSON): a job with the same key is not added twice. */
  key?: string;
  /** Not before this time, epoch ms. */
  runAfter?: number;
  maxAttempts?: number;
}

export interface QueueOptions {
  /** How long a claimed job may run before another worker may take it over (default 10 min). */
  leaseMs?: number;
  /** Delay before retry n (1-based); default 5 s · 4^(n-1), capped at 1 h, ±20 % jitter. */
  backoffMs?: (attempt: number) => number;
  workerId?: string;
}

export type FailOutcome = 'retry' | 'parked' | 'lost';

export interface FailOptions {
  /** False: no other attempt can succeed, park the job now. */
  retryable?: boolean;
  /** Epoch ms before which the job must not run again (a server's Retry-After). */
  notBefore?: number | null;
}

/** Which jobs `list`, `retryFailed` and `dropFailed` act on. */
export interface JobSelection {
  status?: JobStatus;
  kind?: string;
  ids?: number[];
  limit?: number;
}

export function defaultBackoff(attempt: number): number {
  const base = Math.min(5000 * 4 ** (attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

function toJob<P>(r: JobRow): Job<P> {
  return {
    id: r.id,
    kind: r.kind,
    key: r.key,
    payload: JSON.parse(r.payload) as P,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
  };
}

export class JobQueue {
  readonly workerId: string;
  readonly leaseMs: number;
  private readonly backoff: (attempt: number) => number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
    options: QueueOptions = {},
    private readonly notifier: JobNotifier = localNotifier(),
  ) {
    this.workerId = options.workerId ?? newWorkerId();
    this.leaseMs = options.leaseMs ?? 600_000;
    this.backoff = options.backoffMs ?? defaultBackoff;
  }

  /** Adds a job unless one with the same key exists (in any state). */
  async enqueue(
    kind: string,
    payload: unknown,
    options: EnqueueOptions = {},
  ): Promise<{ id: number; created: boolean }> {
    const key = options.key ?? `${kind}:${JSON.stringify(payload)}`;
    const row = await this.db
      .insertInto('jobs')
      .values({
        kind,
        key,
        payload: JSON.stringify(payload),
        status: 'queued',
        attempts: 0,
        max_attempts: options.maxAttempts ?? 5,
        run_after: options.runAfter ?? Date.now(),
        locked_by: null,
        locked_at: null,
        last_error: null,
        created_at: Date.now(),
        finished_at: null,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) {
      this.notifier.notifyLocal(kind);
      return { id: row.id, created: true };
    }
    const existing = await this.db
      .selectFrom('jobs')
      .select('id')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }

  /**
   * Several jobs in one statement per 500, each as enqueue would add it (in order, so their ids
   * follow it); one whose key exists is not added and gets the existing job's id.
   */
  async enqueueMany(
    jobs: { kind: string; payload: unknown; options?: EnqueueOptions }[],
  ): Promise<{ id: number; created: boolean }[]> {
    const out: { id: number; created: boolean }[] = [];
    const kinds = new Set<string>();
    for (let i = 0; i < jobs.length; i += 500) {
      const chunk = jobs.slice(i, i + 500);
      const now = Date.now();
      const rows = chunk.map(({ kind, payload, options = {} }) => ({
        kind,
        key: options.key ?? `${kind}:${JSON.stringify(payload)}`,
        payload: JSON.stringify(payload),
        status: 'queued' as const,
        attempts: 0,
        max_attempts: options.maxAttempts ?? 5,
        run_after: options.runAfter ?? now,
        locked_by: null,
        locked_at: null,
        last_error: null,
        created_at: now,
        finished_at: null,
      }));
      const created = new Map(
        (
          await insertRows(
            this.db,
            'jobs',
            rows,
            { onConflictDoNothing: 'key', returning: ['id', 'key'] },
            () =>
              this.db
                .insertInto('jobs')
                .values(rows)
                .onConflict((oc) => oc.column('key').doNothing())
                .returning(['id', 'key'])
                .execute(),
          )
        ).map((r) => [r.key, r.id]),
      );
      const missing = rows.filter((r) => !created.has(r.key)).map((r) => r.key);
      const existing = new Map(
        missing.length
          ? (
              await this.db.selectFrom('jobs').select(['id', 'key']).where('key', 'in', missing).execute()
            ).map((r) => [r.key, r.id])
          : [],
      );
      // A key given twice in one call is added once: the first gets it, the others find it.
      const seen = new Set<string>();
      for (const r of rows) {
        const id = created.get(r.key);
        if (id !== undefined && !seen.has(r.key)) {
          seen.add(r.key);
          kinds.add(r.kind);
          out.push({ id, created: true });
        } else out.push({ id: id ?? existing.get(r.key)!, created: false });
      }
    }
    for (const kind of kinds) this.notifier.notifyLocal(kind);
    return out;
  }

  /** Claims up to `limit` ready jobs for this worker (with `readySince`, only jobs ready since
   * then at the latest, epoch ms). */
  async claim(limit: number, kinds?: string[], readySince?: number): Promise<Job[]> {
    const now = Date.now();
    let ready = this.db
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', 'queued')
      .where('run_after', '<=', Math.min(now, readySince ?? now))
      .orderBy('run_after')
      .orderBy('id')
      .limit(limit);
    if (kinds?.length) ready = ready.where('kind', 'in', kinds);
    if (this.engine === 'postgres') ready = ready.forUpdate().skipLocked();
    const rows = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        locked_by: this.workerId,
        locked_at: now,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', ready)
      .where('status', '=', 'queued')
      .returningAll()
      .execute();
    return rows.sort((a, b) => a.id - b.id).map((r) => toJob(r));
  }

  /** Marks a job done; false when this worker no longer holds it (its lease was taken over). */
  async complete(id: number): Promise<boolean> {
    const r = await this.db
      .updateTable('jobs')
      .set({ status: 'done', finished_at: Date.now(), locked_by: null, locked_at: null, last_error: null })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('locked_by', '=', this.workerId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Marks jobs done in one statement; returns the ids this worker still held (the others were taken over). */
  async completeMany(ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .updateTable('jobs')
      .set({ status: 'done', finished_at: Date.now(), locked_by: null, locked_at: null, last_error: null })
      .where('id', 'in', ids)
      .where('status', '=', 'running')
      .where('locked_by', '=', this.workerId)
      .returning('id')
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Extends the lease of jobs this worker runs (the heartbeat); returns the ids it still holds.
   * A job missing from the answer was taken over: its lease had expired before this call.
   */
  async extend(ids: number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .updateTable('jobs')
      .set({ locked_at: Date.now() })
      .where('id', 'in', ids)
      .where('status', '=', 'running')
      .where('locked_by', '=', this.workerId)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Records a failure: the job is retried later with backoff (and not before `notBefore`), or
   * parked once out of attempts.
   */
  async fail(job: Job, error: string, options: FailOptions = {}): Promise<FailOutcome> {
    const park = options.retryable === false || job.attempts >= job.maxAttempts;
    const runAfter = Math.max(Date.now() + this.backoff(job.attempts), options.notBefore ?? 0);
    const r = await this.db
      .updateTable('jobs')
      .set(
        park
          ? {
              status: 'failed',
              finished_at: Date.now(),
              locked_by: null,
              locked_at: null,
              last_error: error.slice(0, 2000),
            }
          : {
              status: 'queued',
              run_after: runAfter,
              locked_by: null,
              locked_at: null,
              last_error: error.slice(0, 2000),
            },
      )
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('locked_by', '=', this.workerId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return 'lost';
    if (!park) this.notifier.notifyLocal(job.kind);
    return park ? 'parked' : 'retry';
  }

  /**
   * Puts back jobs whose worker is gone: those whose lease expired, and (for workers on this
   * machine) those whose process no longer exists. Returns how many were put back.
   */
  async reclaim(): Promise<number> {
    const now = Date.now();
    const expired = await this.db
      .updateTable('jobs')
      .set({ status: 'queued', locked_by: null, locked_at: null, run_after: now })
      .where('status', '=', 'running')
      .where('locked_at', '<=', now - this.leaseMs)
      .executeTakeFirst();
    let n = Number(expired.numUpdatedRows);
    const holders = await this.db
      .selectFrom('jobs')
      .select('locked_by')
      .distinct()
      .where('status', '=', 'running')
      .execute();
    const host = hostname();
    for (const { locked_by } of holders) {
      if (!locked_by || locked_by === this.workerId) continue;
      const [h, pid] = locked_by.split(':');
      if (h !== host || !pid || processAlive(Number(pid))) continue;
      const r = await this.db
        .updateTable('jobs')
        .set({ status: 'queued', locked_by: null, locked_at: null, run_after: now })
        .where('status', '=', 'running')
        .where('locked_by', '=', locked_by)
        .executeTakeFirst();
      n += Number(r.numUpdatedRows);
    }
    if (n > 0) this.notifier.notifyLocal('');
    return n;
  }

  /** Puts parked jobs back in the queue with fresh attempts (all, of one kind, or by id). */
  async retryFailed(kind?: string, ids?: number[]): Promise<number> {
    let q = this.db
      .updateTable('jobs')
      .set({ status: 'queued', attempts: 0, run_after: Date.now(), finished_at: null })
      .where('status', '=', 'failed');
    if (kind) q = q.where('kind', '=', kind);
    if (ids) q = ids.length ? q.where('id', 'in', ids) : q.where(sql<boolean>`1 = 0`);
    const n = Number((await q.executeTakeFirst()).numUpdatedRows);
    if (n > 0) this.notifier.notifyLocal(kind ?? '');
    return n;
  }

  /** Deletes parked jobs (all, of one kind, or by id); what they stored stays. */
  async dropFailed(kind?: string, ids?: number[]): Promise<number> {
    let q = this.db.deleteFrom('jobs').where('status', '=', 'failed');
    if (kind) q = q.where('kind', '=', kind);
    if (ids) q = ids.length ? q.where('id', 'in', ids) : q.where(sql<boolean>`1 = 0`);
    return Number((await q.executeTakeFirst()).numDeletedRows);
  }

  /** Jobs by status and kind, newest first. */
  list(selection: JobSelection = {}): Promise<JobRow[]> {
    let q = this.db
      .selectFrom('jobs')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(selection.limit ?? 100);
    if (selection.status) q = q.where('status', '=', selection.status);
    if (selection.kind) q = q.where('kind', '=', selection.kind);
    if (selection.ids)
      q = selection.ids.length ? q.where('id', 'in', selection.ids) : q.where(sql<boolean>`1 = 0`);
    return q.execute();
  }

  /** Wakes `listener` when a job may have become ready (see ./notify.ts); resolves once listening. */
  subscribe(listener: WakeListener, logger?: Logger): Promise<() => Promise<void>> {
    return this.notifier.subscribe(listener, logger);
  }

  async counts(): Promise<Record<JobStatus, number>> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const out: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }

  /** Epoch ms of the earliest queued job (of these kinds), or null when none is queued. */
  async nextRunAt(kinds?: string[]): Promise<number | null> {
    let q = this.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.min('run_after').as('t'))
      .where('status', '=', 'queued');
    if (kinds?.length) q = q.where('kind', 'in', kinds);
    const r = await q.executeTakeFirst();
    return r?.t === null || r?.t === undefined ? null : Number(r.t);
  }

  /** Where some jobs stand: status, attempts, last error and next run, by id (pruned jobs are absent). */
  async states(
    ids: number[],
  ): Promise<Map<number, Pick<JobRow, 'id' | 'status' | 'attempts' | 'last_error' | 'run_after'>>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('jobs')
      .select(['id', 'status', 'attempts', 'last_error', 'run_after'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Parked jobs with their errors, newest first. */
  failed(limit = 100): Promise<JobRow[]> {
    return this.db
      .selectFrom('jobs')
      .selectAll()
      .where('status', '=', 'failed')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /**
   * Removes finished jobs older than `olderThanMs` (their effects stay in the store), and hosts'
   * turns that passed that long ago.
   */
  async prune(olderThanMs: number): Promise<number> {
    const before = Date.now() - olderThanMs;
    const r = await this.db
      .deleteFrom('jobs')
      .where('status', '=', 'done')
      .where('finished_at', '<', before)
      .executeTakeFirst();
    await this.db.deleteFrom('host_turns').where('next_at', '<', before).execute();
    return Number(r.numDeletedRows);
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
