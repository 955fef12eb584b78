// Runs jobs from the queue with bounded concurrency. A job that throws is retried with backoff
// (not before a server's Retry-After) or parked with its error; it never stops the others. While
// jobs run, their leases are extended (heartbeat). An idle worker sleeps until woken by a newly
// queued job (./notify.ts) or its next poll. Finished jobs are pruned after a week. Stops when
// `signal` aborts, or (with `drain`) when nothing is left to do. Every event is logged.
import { isDmonError } from '../errors.js';
import { log, type Logger } from '../log.js';
import type { Job, JobQueue } from './queue.js';

export type JobHandler = (job: Job) => Promise<unknown>;

/** What became of one job of a batch. */
export type BatchOutcome = { ok: true; result: unknown } | { ok: false; error: unknown };

/**
 * Runs several jobs of one kind together (so that their writes share one transaction); returns
 * one outcome per job, in the order given. Throwing fails every job of the batch.
 */
export type BatchHandler = (jobs: Job[]) => Promise<BatchOutcome[]>;

export type WorkerEvent =
  | { type: 'done'; job: Job; result: unknown }
  | { type: 'retry' | 'parked'; job: Job; error: string }
  | { type: 'lost'; job: Job }
  | { type: 'reclaimed'; count: number }
  | { type: 'pruned'; count: number }
  | { type: 'store-down'; error: string; retryInMs: number }
  | { type: 'store-up'; downMs: number };

export interface WorkerOptions {
  concurrency?: number;
  /** Stop once no job is ready or running, after waiting at most `maxRetryWaitMs` for retries. */
  drain?: boolean;
  /** In drain mode, wait for a pending retry due within this many ms (default 30 s). */
  maxRetryWaitMs?: number;
  /** Sleep between polls of an empty queue (default 500 ms); a queued job wakes the worker sooner. */
  idleMs?: number;
  /** Extend running jobs' leases this often (default a third of the queue's lease). */
  heartbeatMs?: number;
  /** Look for jobs of stopped workers this often (default 30 s, or half the lease if shorter). */
  reclaimEveryMs?: number;
  /** Delete finished jobs older than this (default 7 days; 0 = keep them); checked hourly. */
  keepDoneMs?: number;
  /** Where events are logged (default the process's logger). */
  log?: Logger;
  /** Be woken by newly queued jobs (default true); false polls only (for comparison in bench/). */
  listen?: boolean;
  kinds?: string[];
  signal?: AbortSignal;
  onEvent?: (e: WorkerEvent) => void;
  /** Kinds whose jobs are claimed and run as batches, each batch counting as one of `concurrency`. */
  batchHandlers?: Record<string, BatchHandler>;
  /** Jobs per batch (default 32). */
  batchSize?: number;
  /**
   * Kinds whose jobs run when no other job is ready or running, one at a time, or once one has
   * been ready for `deferMaxMs` (the clustering job: once after a run of extraction batches
   * rather than after each).
   */
  deferredKinds?: string[];
  /** How long a deferred job waits at most while other jobs keep the worker busy (default 10 s). */
  deferMaxMs?: number;
}

export interface WorkerSummary {
  done: number;
  retried: number;
  parked: number;
}

// Errors that another attempt cannot fix: bad input, refused URLs, missing rows.
const PERMANENT = new Set([
  'USAGE',
  'INPUT_NOT_FOUND',
  'INPUT_UNREADABLE',
  'INPUT_BINARY',
  'INPUT_TOO_LARGE',
  'INPUT_EMPTY',
  'JSONL_INVALID',
  'FETCH_REFUSED',
  'FEED_INVALID',
  'NOT_FOUND',
  'DATE_INVALID',
]);

/** Whether another attempt may succeed: an error's own `retryable` flag wins, else its code. */
export function isRetryable(e: unknown): boolean {
  const flag = (e as { retryable?: unknown } | null)?.retryable;
  if (typeof flag === 'boolean') return flag;
  return !(isDmonError(e) && PERMANENT.has(e.code));
}

/** The longest Retry-After honoured; a server asking for more is retried after a day. */
export const MAX_RETRY_AFTER_MS = 86_400_000;

/**
 * When a failed job may run again at the earliest, if the error says (a FetchError's
 * `retryAfterSeconds` from a 429 or 503 Retry-After), else null.
 */
export function notBefore(e: unknown, now = Date.now()): number | null {
  const s = (e as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  if (typeof s !== 'number' || !Number.isFinite(s) || s < 0) return null;
  return now + Math.min(s * 1000, MAX_RETRY_AFTER_MS);
}

/** Waits between attempts to reach a store that failed: 250 ms doubling to 30 s. */
export function storeBackoffMs(failures: number): number {
  return Math.min(30_000, 250 * 2 ** Math.min(failures, 7));
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * An idle sleep that a wake-up ends early; a wake-up while awake ends the next sleep at once.
 * A sleep raced against running jobs is ended (`end`) when a job wins: left pending, it would
 * take the next wake-up, which then ended a sleep nobody waited on and was lost, and a job
 * queued while the worker was awake waited for the next poll.
 */
class Waker {
  private pending = false;
  private current: (() => void) | null = null;

  wake(): void {
    if (this.current) this.current();
    else this.pending = true;
  }

  /** Ends the current sleep, if any, so that the next wake-up is kept for the next sleep. */
  end(): void {
    this.current?.();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    this.current?.();
    return new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(t);
        signal?.removeEventListener('abort', done);
        if (this.current === done) this.current = null;
        resolve();
      };
      const t = setTimeout(done, ms);
      this.current = done;
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function runWorker(
  queue: JobQueue,
  handlers: Record<string, JobHandler>,
  options: WorkerOptions = {},
): Promise<WorkerSummary> {
  const concurrency = options.concurrency ?? 2;
  const idleMs = options.idleMs ?? 500;
  const batchHandlers = options.batchHandlers ?? {};
  const batchSize = options.batchSize ?? 32;
  const kinds = options.kinds ?? [...new Set([...Object.keys(handlers), ...Object.keys(batchHandlers)])];
  const deferred = new Set(options.deferredKinds ?? []);
  const deferMaxMs = options.deferMaxMs ?? 10_000;
  const batchKinds = kinds.filter((k) => batchHandlers[k] && !deferred.has(k));
  const singleKinds = kinds.filter((k) => !batchHandlers[k] && !deferred.has(k));
  const deferredKinds = kinds.filter((k) => deferred.has(k));
  const runningDeferred = new Set<number>();
  let lastDeferredCheck = 0;
  const summary: WorkerSummary = { done: 0, retried: 0, parked: 0 };
  const logger = (options.log ?? log()).child({ component: 'worker', worker: queue.workerId });
  const onEvent = options.onEvent ?? (() => undefined);
  const emit = (e: WorkerEvent) => {
    logEvent(logger, e);
    onEvent(e);
  };
  const inflight = new Set<Promise<void>>();
  const running = new Map<number, Job>();
  const reclaimEveryMs = options.reclaimEveryMs ?? Math.min(30_000, Math.max(1, queue.leaseMs / 2));
  const keepDoneMs = options.keepDoneMs ?? 7 * 86_400_000;
  let lastReclaim = 0;
  let lastPrune = 0;

  logger.debug(
    { concurrency, kinds, idleMs, leaseMs: queue.leaseMs, drain: options.drain === true },
    'worker started',
  );
  const waker = new Waker();
  let unsubscribe: (() => Promise<void>) | null = null;
  try {
    if (options.listen !== false)
      unsubscribe = await queue.subscribe((kind) => {
        if (!kind || kinds.includes(kind)) waker.wake();
      }, logger);
  } catch (e) {
    logger.warn({ err: e }, 'cannot listen for new jobs; polling only');
  }

  // The heartbeat: running jobs keep their lease; one taken over (its lease expired while this
  // worker was stalled) is reported, and its completion will be refused.
  let beating = false;
  const heartbeat = setInterval(
    () => {
      if (beating || running.size === 0) return;
      beating = true;
      const ids = [...running.keys()];
      queue
        .extend(ids)
        .then((held) => {
          const kept = new Set(held);
          for (const id of ids) {
            const job = running.get(id);
            if (job && !kept.has(id)) logger.warn({ job: id, kind: job.kind }, 'lease lost while running');
          }
          logger.trace({ jobs: held }, 'leases extended');
        })
        .catch((e: unknown) => logger.warn({ err: e }, 'extending leases failed; retrying at the next beat'))
        .finally(() => (beating = false));
    },
    Math.max(1, options.heartbeatMs ?? queue.leaseMs / 3),
  );

  // The store may be unreachable (PostgreSQL restarting) or refuse writes (full disk). Queue calls
  // are then repeated with backoff instead of ending the worker, each failure reported.
  let downSince: number | null = null;
  let failures = 0;
  const storeFailed = async (e: unknown) => {
    const retryInMs = storeBackoffMs(failures++);
    if (downSince === null) downSince = Date.now();
    logger.debug({ err: e }, 'store call failed');
    emit({ type: 'store-down', error: message(e), retryInMs });
    await sleep(retryInMs, options.signal);
  };
  const storeAnswered = () => {
    if (downSince !== null) emit({ type: 'store-up', downMs: Date.now() - downSince });
    downSince = null;
    failures = 0;
  };
  /** Runs a queue call until it succeeds; undefined when the worker is stopped first. */
  const persist = async <T>(call: () => Promise<T>): Promise<T | undefined> => {
    while (!options.signal?.aborted) {
      try {
        const r = await call();
        storeAnswered();
        return r;
      } catch (e) {
        await storeFailed(e);
      }
    }
    return undefined;
  };

  // A job in flight when the store went away fails here and is retried like any other.
  const failed = async (job: Job, e: unknown) => {
    running.delete(job.id);
    const error = message(e);
    const outcome = await persist(() =>
      queue.fail(job, error, { retryable: isRetryable(e), notBefore: notBefore(e) }),
    );
    if (outcome === undefined) return; // stopped while the store was down: its lease expires
    if (outcome === 'retry') summary.retried++;
    if (outcome === 'parked') summary.parked++;
    if (outcome === 'lost') emit({ type: 'lost', job });
    else emit({ type: outcome, job, error });
  };

  const run = async (job: Job) => {
    const handler = handlers[job.kind];
    let result: unknown;
    running.set(job.id, job);
    logger.debug({ job: job.id, kind: job.kind, key: job.key, attempt: job.attempts }, 'job started');
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      result = await handler(job);
    } catch (e) {
      return failed(job, e);
    }
    running.delete(job.id);
    const completed = await persist(() => queue.complete(job.id));
    if (completed === undefined) return;
    if (completed) {
      summary.done++;
      emit({ type: 'done', job, result });
    } else emit({ type: 'lost', job });
  };

  const runBatch = async (kind: string, jobs: Job[]) => {
    for (const job of jobs) running.set(job.id, job);
    logger.debug({ jobs: jobs.map((j) => j.id), kind }, 'batch started');
    let outcomes: BatchOutcome[];
    try {
      outcomes = await batchHandlers[kind]!(jobs);
    } catch (e) {
      outcomes = jobs.map(() => ({ ok: false, error: e }));
    }
    const ok = jobs.filter((_, i) => outcomes[i]?.ok);
    for (const job of ok) running.delete(job.id);
    const completed = ok.length ? await persist(() => queue.completeMany(ok.map((j) => j.id))) : new Set();
    if (completed === undefined) return;
    for (const [i, job] of jobs.entries()) {
      const o = outcomes[i] ?? { ok: false, error: new Error(`no outcome for job ${job.id}`) };
      if (!o.ok) await failed(job, o.error);
      else if (completed.has(job.id)) {
        summary.done++;
        emit({ type: 'done', job, result: o.result });
      } else emit({ type: 'lost', job });
    }
  };

  const start = (p: Promise<void>) => {
    const q: Promise<void> = p.finally(() => inflight.delete(q));
    inflight.add(q);
  };

  /** Claims a job of the deferred kinds (ready since `readySince` at the latest), one at a time. */
  const claimDeferred = async (readySince: number | undefined): Promise<Job[]> => {
    if (!deferredKinds.length || runningDeferred.size > 0 || inflight.size >= concurrency) return [];
    lastDeferredCheck = Date.now();
    const jobs = await queue.claim(1, deferredKinds, readySince);
    for (const job of jobs) {
      runningDeferred.add(job.id);
      start(run(job).finally(() => runningDeferred.delete(job.id)));
    }
    return jobs;
  };

  // One pass of the loop: reclaim now and then, claim what fits, wait. 'stop' ends a drain.
  const step = async (): Promise<'next' | 'stop'> => {
    if (Date.now() - lastReclaim >= reclaimEveryMs) {
      lastReclaim = Date.now();
      const count = await queue.reclaim();
      if (count) emit({ type: 'reclaimed', count });
    }
    if (keepDoneMs > 0 && Date.now() - lastPrune >= 3_600_000) {
      lastPrune = Date.now();
      const count = await queue.prune(keepDoneMs);
      if (count) emit({ type: 'pruned', count });
    }
    // A deferred job that has waited deferMaxMs runs though other jobs keep the worker busy
    // (looked for at most every quarter of that); then batched kinds: one claim fills a
    // batch, which takes one slot.
    const overdue =
      Date.now() - lastDeferredCheck >= deferMaxMs / 4 ? await claimDeferred(Date.now() - deferMaxMs) : [];
    const batch =
      batchKinds.length && inflight.size < concurrency ? await queue.claim(batchSize, batchKinds) : [];
    for (const kind of batchKinds) {
      const ofKind = batch.filter((j) => j.kind === kind);
      if (ofKind.length) start(runBatch(kind, ofKind));
    }
    const free = concurrency - inflight.size;
    const singles = free > 0 && singleKinds.length ? await queue.claim(free, singleKinds) : [];
    for (const job of singles) start(run(job));
    const jobs = [...overdue, ...batch, ...singles];
    // Deferred kinds, when nothing else was claimed or is running.
    if (jobs.length === 0 && inflight.size === 0) jobs.push(...(await claimDeferred(undefined)));
    if (inflight.size >= concurrency) {
      await Promise.race(inflight);
      return 'next';
    }
    if (jobs.length > 0) return 'next';
    if (inflight.size > 0) {
      await Promise.race([...inflight, waker.sleep(idleMs, options.signal)]);
      waker.end();
      return 'next';
    }
    if (options.drain) {
      // Only the kinds this worker runs: a job it cannot claim would keep a drain going forever.
      const next = await queue.nextRunAt(kinds);
      if (next === null || next - Date.now() > (options.maxRetryWaitMs ?? 30_000)) return 'stop';
      await waker.sleep(Math.max(10, Math.min(idleMs, next - Date.now())), options.signal);
      return 'next';
    }
    logger.trace('idle');
    await waker.sleep(idleMs, options.signal);
    return 'next';
  };

  while (!options.signal?.aborted) {
    try {
      const next = await step();
      storeAnswered();
      if (next === 'stop') break;
    } catch (e) {
      await storeFailed(e);
    }
  }
  await Promise.all(inflight);
  clearInterval(heartbeat);
  logger.debug({ ...summary }, 'worker stopped');
  await unsubscribe?.().catch((e: unknown) => logger.warn({ err: e }, 'closing the job listener failed'));
  return summary;
}

function logEvent(logger: Logger, e: WorkerEvent): void {
  switch (e.type) {
    case 'done':
      return logger.debug({ job: e.job.id, kind: e.job.kind, key: e.job.key }, 'job done');
    case 'retry':
      return logger.warn(
        { job: e.job.id, kind: e.job.kind, key: e.job.key, attempt: e.job.attempts, error: e.error },
        'job failed; will retry',
      );
    case 'parked':
      return logger.error(
        { job: e.job.id, kind: e.job.kind, key: e.job.key, attempt: e.job.attempts, error: e.error },
        'job failed for good',
      );
    case 'lost':
      return logger.warn({ job: e.job.id, kind: e.job.kind }, 'job was taken over by another worker');
    case 'reclaimed':
      return logger.info({ count: e.count }, 'took over jobs of stopped workers');
    case 'pruned':
      return logger.info({ count: e.count }, 'pruned finished jobs');
    case 'store-down':
      return logger.error({ error: e.error, retryInMs: e.retryInMs }, 'the store failed; retrying');
    case 'store-up':
      return logger.info({ downMs: e.downMs }, 'the store answers again');
  }
}
