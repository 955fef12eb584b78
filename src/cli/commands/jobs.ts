// `dmon jobs [list] | retry | drop`: the job queue as an operator sees it. List jobs by state
// (failed ones with their last error), put failed jobs back in the queue, or drop them.
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { DmonError } from '../../errors.js';
import { openRuntime, type Runtime } from '../../ingest/open.js';
import type { JobStatus } from '../../store/schema.js';
import type { RegisterCommand } from './index.js';

const STATES: JobStatus[] = ['queued', 'running', 'done', 'failed'];

async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(loadConfig());
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

function ids(args: string[]): number[] | undefined {
  if (args.length === 0) return undefined;
  return args.map((a) => {
    if (!/^\d+$/.test(a)) throw new DmonError('USAGE', `job id ${JSON.stringify(a)} is not a number`);
    return Number(a);
  });
}

const iso = (ms: number | null) =>
  ms === null ? '-' : new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

export const registerJobs: RegisterCommand = (program: Command) => {
  const jobs = program.command('jobs').description('list the job queue, retry or drop failed jobs');
  jobs
    .command('list', { isDefault: true })
    .description('jobs newest first, with counts per state')
    .option('--state <state>', `only jobs in this state: ${STATES.join(', ')}`)
    .option('--kind <kind>', 'only jobs of this kind (fetch, poll, extract)')
    .option('--limit <n>', 'at most this many (default 50)', '50')
    .option('--json', 'print JSON')
    .action(async (flags: { state?: string; kind?: string; limit: string; json?: boolean }) => {
      if (flags.state !== undefined && !STATES.includes(flags.state as JobStatus))
        throw new DmonError(
          'USAGE',
          `--state ${JSON.stringify(flags.state)} is not one of ${STATES.join(', ')}`,
        );
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
        throw new DmonError(
          'USAGE',
          `--limit ${JSON.stringify(flags.limit)} must be an integer from 1 to 100000`,
        );
      const { rows, counts } = await withRuntime(async (rt) => ({
        rows: await rt.ingest.queue.list({
          status: flags.state as JobStatus | undefined,
          kind: flags.kind,
          limit,
        }),
        counts: await rt.ingest.queue.counts(),
      }));
      if (flags.json)
        return void process.stdout.write(JSON.stringify({ counts, jobs: rows }, null, 2) + '\n');
      process.stdout.write(STATES.map((s) => `${s} ${counts[s]}`).join(' · ') + '\n');
      if (rows.length === 0) return void process.stdout.write('no jobs match\n');
      for (const r of rows) {
        const when =
          r.status === 'queued'
            ? `next ${iso(r.run_after)}`
            : `${r.status === 'running' ? 'since' : 'at'} ${iso(r.status === 'running' ? r.locked_at : r.finished_at)}`;
        process.stdout.write(
          `${String(r.id).padStart(6)}  ${r.status.padEnd(7)}  ${r.kind.padEnd(7)}  try ${r.attempts}/${r.max_attempts}  ${when}  ${r.key}\n` +
            (r.last_error ? `        error: ${r.last_error.slice(0, 300)}\n` : ''),
        );
      }
    });
  jobs
    .command('retry')
    .description('put failed jobs back in the queue with fresh attempts (all, of a kind, or by id)')
    .argument('[ids...]', 'job ids (default every failed job)')
    .option('--kind <kind>', 'only failed jobs of this kind')
    .action(async (args: string[], flags: { kind?: string }) => {
      const n = await withRuntime((rt) => rt.ingest.queue.retryFailed(flags.kind, ids(args)));
      process.stdout.write(`${n} failed job${n === 1 ? '' : 's'} queued again; \`dmon worker\` runs them\n`);
    });
  jobs
    .command('drop')
    .description('delete failed jobs (by id, of a kind, or --all); what they stored stays')
    .argument('[ids...]', 'job ids')
    .option('--kind <kind>', 'failed jobs of this kind')
    .option('--all', 'every failed job')
    .action(async (args: string[], flags: { kind?: string; all?: boolean }) => {
      if (args.length === 0 && !flags.kind && !flags.all)
        throw new DmonError('USAGE', 'name the failed jobs to drop: ids, --kind KIND or --all');
      const n = await withRuntime((rt) => rt.ingest.queue.dropFailed(flags.kind, ids(args)));
      process.stdout.write(`${n} failed job${n === 1 ? '' : 's'} dropped\n`);
    });
};
