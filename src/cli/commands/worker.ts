// `dmon worker`: runs queued jobs (fetch, poll, extract) until interrupted. Any number of
// workers, on any number of machines, can share one PostgreSQL store; each job runs once.
// Workers also queue the polls of feeds that fall due, so no separate scheduler is needed.
// What happens to jobs (retries, failures, the store going away) is logged as JSON on standard
// error (--log-level); the start line and the summary stay plain text.
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { DmonError } from '../../errors.js';
import { openRuntime } from '../../ingest/open.js';
import { log } from '../../log.js';
import type { RegisterCommand } from './index.js';

interface WorkerFlags {
  retryFailed?: boolean;
  concurrency?: string;
  once?: boolean;
  json?: boolean;
  feeds?: boolean;
}

export const registerWorker: RegisterCommand = (program: Command, setExit) => {
  program
    .command('worker')
    .description('run queued fetch, poll and extract jobs until interrupted')
    .option('-c, --concurrency <n>', 'jobs at a time (default DMON_WORKER_CONCURRENCY or 2)')
    .option('--once', 'stop when the queue is empty')
    .option('--no-feeds', 'do not queue polls of feeds that fall due')
    .option('--retry-failed', 'put jobs that failed for good back in the queue first')
    .option('--json', 'log one JSON line per finished job and a JSON summary')
    .action(async (flags: WorkerFlags) => {
      const config = loadConfig();
      const concurrency =
        flags.concurrency === undefined ? config.workerConcurrency : Number(flags.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
        throw new DmonError(
          'USAGE',
          `--concurrency ${JSON.stringify(flags.concurrency)} must be an integer from 1 to 64`,
        );
      const rt = await openRuntime(config);
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const logger = log('worker');
      const scheduler =
        flags.feeds === false
          ? null
          : setInterval(
              () =>
                void rt.ingest
                  .scheduleFeeds()
                  // Logged, not swallowed; the next tick tries again.
                  .catch((e: unknown) => logger.error({ err: e }, 'scheduling feed polls failed')),
              30_000,
            );
      // Finished jobs are kept a week (for `GET /api/health` counts and debugging), then pruned by
      // the worker loop itself; the articles and facts they produced stay.
      try {
        if (flags.feeds !== false) await rt.ingest.scheduleFeeds();
        if (flags.retryFailed) {
          const n = await rt.ingest.queue.retryFailed();
          if (!flags.json) process.stderr.write(`worker: ${n} failed jobs queued again\n`);
        }
        if (!flags.json)
          process.stderr.write(
            `worker ${rt.ingest.queue.workerId}: ${rt.store.where}, ${concurrency} at a time${flags.once ? '' : '; Ctrl-C to stop'}\n`,
          );
        const summary = await rt.ingest.run({
          concurrency,
          drain: flags.once === true,
          signal: stop.signal,
          // Every event is logged by the worker loop; --json also prints finished jobs on stdout.
          onEvent: (e) => {
            if (!flags.json || (e.type !== 'done' && e.type !== 'parked' && e.type !== 'retry')) return;
            process.stdout.write(
              JSON.stringify({
                event: e.type,
                kind: e.job.kind,
                key: e.job.key,
                ...(e.type === 'done' ? {} : { error: e.error }),
              }) + '\n',
            );
          },
        });
        if (summary.parked) setExit(1);
        if (flags.json) process.stdout.write(JSON.stringify({ summary }) + '\n');
        else
          process.stderr.write(
            `worker: ${summary.done} jobs done, ${summary.parked} failed, ${summary.retried} retried\n`,
          );
      } finally {
        if (scheduler) clearInterval(scheduler);
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await rt.close();
      }
    });
};
