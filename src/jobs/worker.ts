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
  | { type: 'reclaimed'; count: number };

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

  const run = async (job: Job) => {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const result = await handler(job);
      if (await queue.complete(job.id)) {
        summary.done++;
        emit({ type: 'done', job, result });
      } else emit({ type: 'lost', job });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const outcome = await queue.fail(job, message, { retryable: isRetryable(e) });
      if (outcome === 'retry') summary.retried++;
      if (outcome === 'parked') summary.parked++;
      if (outcome === 'lost') emit({ type: 'lost', job });
      else emit({ type: outcome, job, error: message });
    }
  };

  while (!options.signal?.aborted) {
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
      continue;
    }
    if (jobs.length > 0) continue;
    if (inflight.size > 0) {
      await Promise.race([...inflight, sleep(idleMs, options.signal)]);
      continue;
    }
    if (options.drain) {
      const next = await queue.nextRunAt();
      if (next === null || next - Date.now() > (options.maxRetryWaitMs ?? 30_000)) break;
      await sleep(Math.max(10, Math.min(idleMs, next - Date.now())), options.signal);
      continue;
    }
    await sleep(idleMs, options.signal);
  }
  await Promise.all(inflight);
  return summary;
}
