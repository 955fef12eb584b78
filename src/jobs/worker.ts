// Runs jobs from the queue with bounded concurrency. A job that throws is retried with backoff
// or parked with its error; it never stops the others. Stops when `signal` aborts, or (with
// `drain`) when nothing is left to do.
import { isDmonError } from '../errors.js';
import type { Job, JobQueue } from './queue.js';

export type JobHandler = (job: Job) => Promise<unknown>;

export type WorkerEvent =
  | { type: 'done'; job: Job; result: unknown }
  | { type: 'retry' | 'parked'; job: Job; error: string }
  | { type: 'lost'; job: Job }
  | { type: 'reclaimed'; count: number }
  | { type: 'store-down'; error: string; retryInMs: number }
  | { type: 'store-up'; downMs: number };

export interface WorkerOptions {
  concurrency?: number;
  /** Stop once no job is ready or running, after waiting at most `maxRetryWaitMs` for retries. */
  drain?: boolean;
  /** In drain mode, wait for a pending retry due within this many ms (default 30 s). */
  maxRetryWaitMs?: number;
  /** Sleep between polls of an empty queue (default 500 ms). */
  idleMs?: number;
  kinds?: string[];
  signal?: AbortSignal;
  onEvent?: (e: WorkerEvent) => void;
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

export async function runWorker(
  queue: JobQueue,
  handlers: Record<string, JobHandler>,
  options: WorkerOptions = {},
): Promise<WorkerSummary> {
  const concurrency = options.concurrency ?? 2;
  const idleMs = options.idleMs ?? 500;
  const kinds = options.kinds ?? Object.keys(handlers);
  const summary: WorkerSummary = { done: 0, retried: 0, parked: 0 };
  const emit = options.onEvent ?? (() => undefined);
  const inflight = new Set<Promise<void>>();
  let lastReclaim = 0;

  // The store may be unreachable (PostgreSQL restarting) or refuse writes (full disk). Queue calls
  // are then repeated with backoff instead of ending the worker, each failure reported.
  let downSince: number | null = null;
  let failures = 0;
  const storeFailed = async (e: unknown) => {
    const retryInMs = storeBackoffMs(failures++);
    if (downSince === null) downSince = Date.now();
    emit({ type: 'store-down', error: e instanceof Error ? e.message : String(e), retryInMs });
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

  const run = async (job: Job) => {
    const handler = handlers[job.kind];
    let result: unknown;
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      result = await handler(job);
    } catch (e) {
      // A job in flight when the store went away fails here and is retried like any other.
      const message = e instanceof Error ? e.message : String(e);
      const outcome = await persist(() => queue.fail(job, message, { retryable: isRetryable(e) }));
      if (outcome === undefined) return; // stopped while the store was down: its lease expires
      if (outcome === 'retry') summary.retried++;
      if (outcome === 'parked') summary.parked++;
      if (outcome === 'lost') emit({ type: 'lost', job });
      else emit({ type: outcome, job, error: message });
      return;
    }
    const completed = await persist(() => queue.complete(job.id));
    if (completed === undefined) return;
    if (completed) {
      summary.done++;
      emit({ type: 'done', job, result });
    } else emit({ type: 'lost', job });
  };

  // One pass of the loop: reclaim now and then, claim what fits, wait. 'stop' ends a drain.
  const step = async (): Promise<'next' | 'stop'> => {
    if (Date.now() - lastReclaim > 30_000) {
      lastReclaim = Date.now();
      const count = await queue.reclaim();
      if (count) emit({ type: 'reclaimed', count });
    }
    const free = concurrency - inflight.size;
    const jobs = free > 0 ? await queue.claim(free, kinds) : [];
    for (const job of jobs) {
      const p: Promise<void> = run(job).finally(() => inflight.delete(p));
      inflight.add(p);
    }
    if (inflight.size >= concurrency) {
      await Promise.race(inflight);
      return 'next';
    }
    if (jobs.length > 0) return 'next';
    if (inflight.size > 0) {
      await Promise.race([...inflight, sleep(idleMs, options.signal)]);
      return 'next';
    }
    if (options.drain) {
      const next = await queue.nextRunAt();
      if (next === null || next - Date.now() > (options.maxRetryWaitMs ?? 30_000)) return 'stop';
      await sleep(Math.max(10, Math.min(idleMs, next - Date.now())), options.signal);
      return 'next';
    }
    await sleep(idleMs, options.signal);
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
  return summary;
}
