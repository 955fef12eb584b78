// `dmon ingest [URL…]`: fetch articles from URLs, or poll the feeds that are due (all with
// --all), then fetch and extract what they bring; `--every 15m` keeps polling on a schedule.
// Jobs run in this process on SQLite; on PostgreSQL they are queued for `dmon worker`s unless
// --work is given.
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import type { WorkerEvent, WorkerSummary } from '../../jobs/worker.js';
import { parseDuration } from '../duration.js';
import type { Ingest } from '../../ingest/ingest.js';
import { openRuntime } from '../../ingest/open.js';
import type { RegisterCommand } from './index.js';

export interface RunReport extends WorkerSummary {
  facts: number;
  duplicates: number;
  errors: { kind: string; key: string; error: string }[];
}

/** Runs the queue until it is drained, with a progress bar on a terminal; returns what happened. */
export async function drainWithProgress(
  ingest: Ingest,
  options: { json?: boolean; label: string; signal?: AbortSignal; onEvent?: (e: WorkerEvent) => void },
): Promise<RunReport> {
  const report: RunReport = { done: 0, retried: 0, parked: 0, facts: 0, duplicates: 0, errors: [] };
  const tty = !options.json && process.stderr.isTTY === true;
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          format: `${options.label} [{bar}] {value}/{total} jobs | {facts} facts | {parked} failed`,
          stream: process.stderr,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const total = (await ingest.queue.counts()).queued;
  bar?.start(Math.max(total, 1), 0, { facts: 0, parked: 0 });
  let lastCount = 0;
  let doneCount = 0;
  const onEvent = (e: WorkerEvent) => {
    options.onEvent?.(e);
    if (e.type === 'done') {
      doneCount++;
      const r = e.result as { facts?: number; status?: string } | undefined;
      report.facts += r?.facts ?? 0;
      if (r?.status === 'duplicate') report.duplicates++;
    }
    if (e.type === 'parked') report.errors.push({ kind: e.job.kind, key: e.job.key, error: e.error });
    if (!bar || (e.type !== 'done' && e.type !== 'parked')) return;
    bar.increment(1, { facts: report.facts, parked: report.errors.length });
    if (Date.now() - lastCount > 500) {
      lastCount = Date.now();
      void ingest.queue
        .counts()
        .then((c) =>
          bar.setTotal(
            Math.max(total, bar.getTotal(), doneCount + report.errors.length + c.queued + c.running),
          ),
        );
    }
  };
  const summary = await ingest.run({ drain: true, signal: options.signal, onEvent });
  bar?.setTotal(Math.max(1, summary.done + summary.parked));
  bar?.update(summary.done + summary.parked, { facts: report.facts, parked: report.errors.length });
  bar?.stop();
  return { ...report, ...summary };
}

export function summaryLine(prefix: string, r: RunReport & { queued?: number; skipped?: number }): string {
  const parts = [`${r.done} jobs done`, `${r.facts} facts`];
  if (r.duplicates) parts.push(`${r.duplicates} duplicates`);
  if (r.parked) parts.push(`${r.parked} failed`);
  if (r.retried) parts.push(`${r.retried} retried`);
  if (r.skipped) parts.push(`${r.skipped} skipped`);
  return `${prefix}: ${parts.join(', ')}`;
}

export function printErrors(r: RunReport): void {
  for (const e of r.errors.slice(0, 20))
    process.stderr.write(`dmon: ${e.key.replace(/^\w+:/, '')}: ${e.error}\n`);
  if (r.errors.length > 20)
    process.stderr.write(
      `dmon: … and ${r.errors.length - 20} more failures (see GET /api/articles?status=failed)\n`,
    );
}

function sleepUnlessStopped(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

interface IngestFlags {
  json?: boolean;
  every?: string;
  all?: boolean;
  work?: boolean;
}

export const registerIngest: RegisterCommand = (program: Command, setExit) => {
  program
    .command('ingest')
    .description('fetch URLs, or poll the feeds that are due, and extract what they bring')
    .argument('[urls...]', 'article URLs to fetch; none = poll feeds')
    .option('--all', 'poll every feed now, not only those that are due')
    .option('--every <duration>', 'poll every feed on this schedule (e.g. 15m) until interrupted')
    .option('--work', 'run the jobs in this process (default on SQLite)')
    .option('--no-work', 'only queue the jobs, for `dmon worker` processes (default on PostgreSQL)')
    .option('--json', 'print the summary as JSON')
    .action(async (urls: string[], flags: IngestFlags) => {
      const every = flags.every ? parseDuration(flags.every, '--every') : null;
      const config = loadConfig();
      const rt = await openRuntime(config);
      const work = flags.work ?? rt.store.engine === 'sqlite';
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        let queued = 0;
        let known = 0;
        // The fetch job of each URL named on the command line, to report each one that failed.
        const urlJobs = new Map<number, string>();
        let round = 0;
        do {
          if (round++ > 0 && every) await sleepUnlessStopped(every, stop.signal);
          if (stop.signal.aborted) break;
          if (urls.length && round === 1)
            for (const u of urls) {
              const r = await rt.ingest.queueUrl(u);
              if (r.status === 'queued' && r.job_id !== null) {
                queued++;
                urlJobs.set(r.job_id, u);
              } else known++;
            }
          if (!urls.length)
            queued += await rt.ingest.scheduleFeeds({
              all: every !== null || (flags.all === true && round === 1),
            });
          if (!work) continue;
          const r = await drainWithProgress(rt.ingest, {
            json: flags.json,
            label: 'ingest',
            signal: stop.signal,
          });
          if (r.parked) setExit(1);
          // A fetch that failed and waits for a retry is not a success: name it and its reason.
          const waiting = (await rt.ingest.fetchOutcomes([...urlJobs.keys()]))
            .filter((o) => o.status === 'waiting')
            .map((o) => ({ ...o, url: urlJobs.get(o.jobId) ?? `job ${o.jobId}` }));
          urlJobs.clear();
          if (waiting.length) setExit(1);
          if (flags.json)
            process.stdout.write(
              JSON.stringify({
                queued,
                already_stored: known,
                ...r,
                waiting: waiting.map((o) => ({ url: o.url, error: o.error, retry_at: o.retryAt })),
              }) + '\n',
            );
          else {
            printErrors(r);
            for (const o of waiting)
              process.stderr.write(
                `dmon ingest: ${o.url}: not fetched: ${o.error ?? 'still running'}; retried after ${o.retryAt ? new Date(o.retryAt).toISOString() : 'its lease'} by \`dmon worker\` or the next \`dmon ingest\`\n`,
              );
            process.stderr.write(
              summaryLine(`ingest${every ? ` (${new Date().toISOString().slice(11, 19)})` : ''}`, r) +
                (known ? `, ${known} already stored` : '') +
                '\n',
            );
          }
          queued = 0;
        } while (every && !stop.signal.aborted);
        if (!work) {
          const c = await rt.ingest.queue.counts();
          if (flags.json) process.stdout.write(JSON.stringify({ queued, waiting: c.queued }) + '\n');
          else
            process.stderr.write(`ingest: ${queued} jobs queued (${c.queued} waiting) for \`dmon worker\`\n`);
        }
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await rt.close();
      }
    });
};
