// A worker process for the queue tests: claims jobs of kind "count" from the database given
// as argv[2] and records each run in test_runs, so the test can check every job ran once.
import { sql } from 'kysely';
import { openStore, queryBuilderForTests } from '../store/index.js';
import { runWorker } from './worker.js';

const url = process.argv[2];
const store = await openStore(url?.startsWith('postgres') ? { databaseUrl: url } : { sqlitePath: url ?? '' });
const queue = store.queue();
// Start together: say "ready", then wait for the test's "go" on standard input.
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
const summary = await runWorker(
  queue,
  {
    count: async (job) => {
      await sql`INSERT INTO test_runs (job_id, worker) VALUES (${job.id}, ${queue.workerId})`.execute(
        queryBuilderForTests(store),
      );
    },
  },
  { concurrency: 4, drain: true, idleMs: 20 },
);
process.stdout.write(JSON.stringify(summary) + '\n');
await store.close();
