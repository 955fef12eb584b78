// `dmon worker`: runs queued jobs (fetch, poll, extract) until interrupted. Any number of
// workers, on any number of machines, can share one PostgreSQL store; each job runs once.
// Workers also queue the polls of feeds that fall due, so no separate scheduler is needed.
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { DmonError } from '../../errors.js';
import { openRuntime } from '../../ingest/open.js';
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
      const scheduler =
        flags.feeds === false
          ? null
          : setInterval(
              () =>
                void rt.ingest
                  .scheduleFeeds()
                  // Said, not swallowed; the next tick tries again.
                  .catch((e: Error) =>
                    process.stderr.write(`worker: scheduling feed polls failed: ${e.message}\n`),
                  ),
              30_000,
            );
      // Finished jobs are kept a week (for `GET /api/health` counts and debugging), then pruned;
      // the articles and facts they produced stay.
      const pruner = setInterval(
        () =>
          void rt.ingest.queue
            .prune(7 * 86_400_000)
            .catch((e: Error) =>
              process.stderr.write(`worker: pruning finished jobs failed: ${e.message}\n`),
            ),
        3_600_000,
      );
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
          onEvent: (e) => {
            if (e.type === 'reclaimed')
              process.stderr.write(`worker: took over ${e.count} jobs of a stopped worker\n`);
            if (e.type === 'store-down')
              process.stderr.write(
                `worker: cannot reach ${rt.store.where} (${e.error}); retrying in ${Math.round(e.retryInMs / 1000)} s\n`,
              );
            if (e.type === 'store-up')
              process.stderr.write(
                `worker: ${rt.store.where} answers again after ${Math.round(e.downMs / 1000)} s\n`,
              );
            if (e.type !== 'done' && e.type !== 'parked' && e.type !== 'retry') return;
            if (flags.json)
              process.stdout.write(
                JSON.stringify({
                  event: e.type,
                  kind: e.job.kind,
                  key: e.job.key,
                  ...(e.type === 'done' ? {} : { error: e.error }),
                }) + '\n',
              );
            else if (e.type !== 'done')
              process.stderr.write(
                `worker: ${e.type === 'parked' ? 'failed' : 'will retry'} ${e.job.key}: ${e.error}\n`,
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
        clearInterval(pruner);
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await rt.close();
      }
    });
};
