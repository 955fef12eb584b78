// An idle worker is woken by a job queued at any moment, also one queued while it is awake
// between two naps. The worker sleeps idleMs between polls; these tests set idleMs far above the
// time they allow, so a wake-up that is lost shows as a job that waits for the next poll.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore } from '../store/index.js';
import type { Job, JobQueue } from './queue.js';
import { runWorker } from './worker.js';

const IDLE_MS = 60_000;
const WOKEN_WITHIN_MS = 10_000;

test('a job queued while the worker is awake after a job finished wakes it (no wait for the next poll)', async () => {
  const store = await openStore({ sqlitePath: ':memory:' });
  const stop = new AbortController();
  try {
    const queue = store.queue();
    let queuedAt = 0;
    let startedAt = 0;
    let armed = false;
    let second: Promise<unknown> | null = null;
    // The window: the first job is done, the worker has looked for more (found none) and has not
    // gone back to sleep. The worker's nap of the step that waited on the first job is still
    // pending then: the wake-up must not be spent on it.
    const claim = queue.claim.bind(queue);
    const watched = Object.assign(Object.create(queue) as JobQueue, {
      claim: async (...args: Parameters<JobQueue['claim']>): Promise<Job[]> => {
        const jobs = await claim(...args);
        if (armed && jobs.length === 0 && !second) {
          queuedAt = Date.now();
          // Queued (and its wake-up sent) before the worker has gone back to sleep.
          second = queue.enqueue('work', { n: 2 });
          await second;
        }
        return jobs;
      },
    });
    let release!: () => void;
    const firstDone = new Promise<void>((r) => (release = r));
    const worker = runWorker(
      watched,
      {
        work: async (job) => {
          if ((job.payload as { n: number }).n === 1) {
            // Held until the worker sleeps beside it, then finished.
            await new Promise((r) => setTimeout(r, 50));
            armed = true;
            return;
          }
          startedAt = Date.now();
          release();
        },
      },
      { idleMs: IDLE_MS, concurrency: 2, reclaimEveryMs: 3_600_000, signal: stop.signal },
    );
    await queue.enqueue('work', { n: 1 });
    const timedOut = new Promise<'late'>((r) => setTimeout(() => r('late'), WOKEN_WITHIN_MS).unref());
    const outcome = await Promise.race([firstDone.then(() => 'ran' as const), timedOut]);
    await second;
    assert.ok(queuedAt > 0, 'the second job was queued in the window');
    assert.equal(
      outcome,
      'ran',
      `the second job waited for the next poll (${IDLE_MS} ms) instead of waking the worker`,
    );
    assert.ok(startedAt - queuedAt < WOKEN_WITHIN_MS);
    stop.abort();
    await worker;
  } finally {
    stop.abort();
    await store.close();
  }
});

test('a job queued while the worker sleeps wakes it', async () => {
  const store = await openStore({ sqlitePath: ':memory:' });
  const stop = new AbortController();
  try {
    const queue = store.queue();
    let started!: () => void;
    const ran = new Promise<void>((r) => (started = r));
    const worker = runWorker(
      queue,
      { work: async () => started() },
      { idleMs: IDLE_MS, reclaimEveryMs: 3_600_000, signal: stop.signal },
    );
    await new Promise((r) => setTimeout(r, 100));
    await queue.enqueue('work', { n: 1 });
    const timedOut = new Promise<'late'>((r) => setTimeout(() => r('late'), WOKEN_WITHIN_MS).unref());
    assert.equal(await Promise.race([ran.then(() => 'ran' as const), timedOut]), 'ran');
    stop.abort();
    await worker;
  } finally {
    stop.abort();
    await store.close();
  }
});
