// `dmon feeds add URL | list | remove ID|URL`: the feeds `dmon ingest` and workers poll.
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { DmonError } from '../../errors.js';
import { textWithoutCredentials, urlWithoutCredentials } from '../../fetch/credentials.js';
import { parseDuration } from '../duration.js';
import { openRuntime, type Runtime } from '../../ingest/open.js';
import type { RegisterCommand } from './index.js';

async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(loadConfig());
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

const iso = (ms: number | null) =>
  ms === null || ms === 0 ? '-' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

export const registerFeeds: RegisterCommand = (program: Command) => {
  const feeds = program.command('feeds').description('manage the feeds (RSS, Atom, JSON Feed) to poll');
  feeds
    .command('add')
    .description('add a feed')
    .argument('<url>')
    .option('--every <duration>', 'poll interval (default 15m)', '15m')
    .option('--json', 'print JSON')
    .action(async (url: string, flags: { every: string; json?: boolean }) => {
      const interval = parseDuration(flags.every, '--every') / 1000;
      const added = await withRuntime((rt) => rt.ingest.addFeed(url, interval));
      const r = { ...added, url: urlWithoutCredentials(added.url) };
      if (flags.json) process.stdout.write(JSON.stringify(r) + '\n');
      else process.stdout.write(`${r.created ? 'added' : 'already there'}: feed ${r.id} ${r.url}\n`);
    });
  feeds
    .command('list')
    .description('list feeds with their polling state')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      // Credentials in a feed URL are kept for polling, never printed.
      const rows = (await withRuntime((rt) => rt.store.sources.list())).map((r) => ({
        ...r,
        url: urlWithoutCredentials(r.url),
        last_error: r.last_error === null ? null : textWithoutCredentials(r.last_error),
      }));
      if (flags.json) return void process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      if (!rows.length) return void process.stdout.write('no feeds; add one with `dmon feeds add URL`\n');
      for (const r of rows)
        process.stdout.write(
          `${String(r.id).padStart(4)}  ${r.url}\n      ${r.title ?? '(untitled)'} | every ${r.interval_s / 60} min | last ${iso(r.last_polled_at)} ${r.last_status ?? ''} | next ${iso(r.next_poll_at)} | ${r.item_count} items${r.last_error ? ` | error: ${r.last_error}` : ''}\n`,
        );
    });
  feeds
    .command('remove')
    .description('remove a feed (its articles stay)')
    .argument('<id-or-url>')
    .action(async (target: string) => {
      const key = /^\d+$/.test(target) ? Number(target) : target;
      if (!(await withRuntime((rt) => rt.store.sources.remove(key))))
        throw new DmonError('NOT_FOUND', `no feed ${JSON.stringify(target)}; see \`dmon feeds list\``);
      process.stdout.write(`removed ${target}\n`);
    });
};
