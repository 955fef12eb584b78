// `dmon alerts check | list | triage ID STATE | webhooks add URL | list | remove | log`:
// run the alert rules, read and triage their alerts, and manage the webhooks they go to.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { checkAlerts } from '../../alerts/check.js';
import { EVENT_DEFAULTS, type EventRuleOptions } from '../../alerts/rules.js';
import { ALERT_KINDS, ALERT_STATUSES, type AlertKind, type AlertStatus } from '../../alerts/types.js';
import { loadConfig } from '../../config.js';
import { DmonError } from '../../errors.js';
import { parseFactQuery } from '../../serve/params.js';
import { openStore, type AlertView, type Store } from '../../store/index.js';
import type { RegisterCommand } from './index.js';

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function listOption<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
): T[] | undefined {
  if (!raw) return undefined;
  const values = raw.split(',').map((v) => v.trim());
  for (const v of values)
    if (!allowed.includes(v as T))
      throw new DmonError('USAGE', `--${name} ${JSON.stringify(v)} is not one of: ${allowed.join(', ')}`);
  return values as T[];
}

function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 2_147_483_647)
    throw new DmonError('USAGE', `${name} ${JSON.stringify(raw)} must be a whole number from 1`);
  return n;
}

const line = (a: AlertView) =>
  `${String(a.id).padStart(5)}  ${a.date}  ${a.status.padEnd(9)}  ${a.kind.padEnd(12)}  ${a.title}\n`;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z';

export const registerAlerts: RegisterCommand = (program: Command) => {
  const alerts = program
    .command('alerts')
    .description('displacement alerts: run the rules, triage, webhooks');

  alerts
    .command('check')
    .description('run the alert rules over the store, store new alerts and send them to the webhooks')
    .option('--no-deliver', 'store new alerts without sending them')
    .option(
      '--event-min <people>',
      `alert a new event from this size (default ${EVENT_DEFAULTS.newEventMinPeople})`,
    )
    .option(
      '--jump-factor <x>',
      `alert an event figure this many times its previous high (default ${EVENT_DEFAULTS.jumpFactor})`,
    )
    .option('--json', 'print JSON')
    .action(async (flags: { deliver: boolean; eventMin?: string; jumpFactor?: string; json?: boolean }) => {
      const config = loadConfig();
      const events: Partial<EventRuleOptions> = {};
      if (flags.eventMin !== undefined) events.newEventMinPeople = positiveInt('--event-min', flags.eventMin);
      if (flags.jumpFactor !== undefined) {
        const x = Number(flags.jumpFactor);
        if (!Number.isFinite(x) || x <= 1 || x > 1000)
          throw new DmonError(
            'USAGE',
            `--jump-factor ${JSON.stringify(flags.jumpFactor)} must be a number above 1`,
          );
        events.jumpFactor = x;
      }
      const r = await withStore((s) =>
        checkAlerts(s, { deliver: flags.deliver, delivery: { allow: config.fetchAllow }, events }),
      );
      if (flags.json) return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      for (const a of r.raised) process.stdout.write(line(a));
      process.stdout.write(
        `${r.raised.length} new alert(s); webhooks: ${r.delivered} delivered, ${r.failed} failed\n`,
      );
    });

  alerts
    .command('list')
    .description('list alerts, newest first')
    .option('--status <states>', `comma-separated: ${ALERT_STATUSES.join(', ')}`)
    .option('--kind <kinds>', `comma-separated: ${ALERT_KINDS.join(', ')}`)
    .option('--country <iso3>', 'ISO3 codes, comma-separated')
    .option('--from <date>', 'YYYY-MM-DD, on the day the alert is about')
    .option('--to <date>', 'YYYY-MM-DD')
    .option('--limit <n>', 'at most this many (default 50)', '50')
    .option('--json', 'print JSON')
    .action(async (flags: Record<string, string | boolean | undefined>) => {
      const { country, from, to } = parseFactQuery({
        country: flags.country as string | undefined,
        from: flags.from as string | undefined,
        to: flags.to as string | undefined,
      });
      const filter = {
        status: listOption<AlertStatus>('status', flags.status as string | undefined, ALERT_STATUSES),
        kind: listOption<AlertKind>('kind', flags.kind as string | undefined, ALERT_KINDS),
        country,
        from,
        to,
      };
      const limit = Math.min(500, positiveInt('--limit', String(flags.limit)));
      const { items } = await withStore((s) => s.alerts.list(filter, { limit }));
      if (flags.json) return void process.stdout.write(JSON.stringify(items, null, 2) + '\n');
      if (!items.length) return void process.stdout.write('no alerts; `dmon alerts check` runs the rules\n');
      for (const a of items) process.stdout.write(line(a));
    });

  alerts
    .command('triage')
    .description(`set an alert's state: ${ALERT_STATUSES.join(', ')}`)
    .argument('<id>')
    .argument('<state>')
    .option('--note <text>', 'why')
    .option('--by <name>', 'who triaged it (default: your user name)')
    .option('--json', 'print JSON')
    .action(async (idRaw: string, state: string, flags: { note?: string; by?: string; json?: boolean }) => {
      const id = positiveInt('alert id', idRaw);
      const [status] = listOption<AlertStatus>('state', state, ALERT_STATUSES) ?? [];
      const by = flags.by ?? userInfo().username;
      const a = await withStore((s) => s.alerts.triage(id, { status: status!, by, note: flags.note }));
      if (!a) throw new DmonError('NOT_FOUND', `no alert ${id}; see \`dmon alerts list\``);
      if (flags.json) return void process.stdout.write(JSON.stringify(a, null, 2) + '\n');
      process.stdout.write(line(a));
    });

  const hooks = alerts.command('webhooks').description('where alerts are POSTed (signed JSON)');
  hooks
    .command('add')
    .description('add a webhook; prints the secret that signs its requests (shown once)')
    .argument('<url>')
    .option('--secret <secret>', 'use this secret (at least 16 characters) instead of a generated one')
    .option('--json', 'print JSON')
    .action(async (url: string, flags: { secret?: string; json?: boolean }) => {
      const r = await withStore((s) => s.webhooks.add(url, flags.secret));
      if (flags.json) return void process.stdout.write(JSON.stringify(r) + '\n');
      if (!r.created) return void process.stdout.write(`already there: webhook ${r.webhook.id} ${url}\n`);
      process.stdout.write(`added webhook ${r.webhook.id} ${url}\nsecret: ${r.secret}\n`);
    });
  hooks
    .command('list')
    .description('list webhooks (never their secrets)')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const rows = await withStore((s) => s.webhooks.list());
      if (flags.json) return void process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      if (!rows.length)
        return void process.stdout.write('no webhooks; add one with `dmon alerts webhooks add URL`\n');
      for (const r of rows)
        process.stdout.write(`${String(r.id).padStart(4)}  ${r.url}  added ${iso(r.created_at)}\n`);
    });
  hooks
    .command('remove')
    .description('remove a webhook (its delivery log stays)')
    .argument('<id-or-url>')
    .action(async (target: string) => {
      const key = /^\d+$/.test(target) ? positiveInt('webhook id', target) : target;
      if (!(await withStore((s) => s.webhooks.remove(key))))
        throw new DmonError(
          'NOT_FOUND',
          `no webhook ${JSON.stringify(target)}; see \`dmon alerts webhooks list\``,
        );
      process.stdout.write(`removed ${target}\n`);
    });
  hooks
    .command('log')
    .description('the delivery log, newest first')
    .option('--limit <n>', 'at most this many (default 50)', '50')
    .option('--json', 'print JSON')
    .action(async (flags: { limit: string; json?: boolean }) => {
      const limit = Math.min(1000, positiveInt('--limit', flags.limit));
      const rows = await withStore((s) => s.webhooks.deliveries({ limit }));
      if (flags.json) return void process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      for (const d of rows)
        process.stdout.write(
          `${iso(d.created_at)}  alert ${d.alert_id} → ${d.url}  attempt ${d.attempt}  ${d.outcome}${d.http_status ? ` HTTP ${d.http_status}` : ''}${d.error ? `  ${d.error}` : ''}\n`,
        );
    });
};
