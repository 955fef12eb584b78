// `dmon events [list] [filters]`, `dmon events show ID`, `dmon events monthly`, `dmon events
// rebuild`: displacement events with their recommended figure and its reason, read from the
// store; rebuild clusters every fact again (claims and events are otherwise kept up to date
// as articles are extracted).
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { DmonError } from '../../errors.js';
import { parseEventQuery, type EventQuery } from '../../serve/claimParams.js';
import { openStore, type Store } from '../../store/index.js';
import type { EventView } from '../../store/queries/claimViews.js';
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

const num = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toLocaleString('en-US');

function eventLines(e: EventView): string {
  const r = e.recommended;
  const figure = r
    ? `${num(r.people ?? r.figure)} ${r.term_class}${r.stock_or_flow === 'stock' ? ' (stock)' : ''}`
    : 'no figure';
  const head = `${e.id}  ${e.name}  ${e.first_date ?? '?'} … ${e.last_date ?? '?'}  ${figure}  (${e.claims} claim${e.claims === 1 ? '' : 's'}, ${e.facts} fact${e.facts === 1 ? '' : 's'})`;
  return r ? `${head}\n    ${r.reason}` : head;
}

function filterOptions(cmd: Command): Command {
  return cmd
    .option('--country <iso3,…>', 'ISO 3166-1 alpha-3 codes, comma-separated')
    .option('--cause <cause>', 'conflict, disaster or other')
    .option('--hazard <hazard>', 'flood, storm, earthquake, …')
    .option('--from <date>', 'YYYY-MM-DD: events reported on or after')
    .option('--to <date>', 'YYYY-MM-DD: events first reported on or before')
    .option('--q <text>', "text in the event's name");
}

function filterFrom(flags: Record<string, unknown>) {
  const q: EventQuery = {};
  for (const k of ['country', 'cause', 'hazard', 'from', 'to', 'q'] as const)
    if (typeof flags[k] === 'string') q[k] = flags[k];
  return parseEventQuery(q);
}

function limitFrom(v: unknown): number {
  const n = Number(v ?? 50);
  if (!Number.isInteger(n) || n < 1 || n > 10000)
    throw new DmonError('USAGE', `--limit ${JSON.stringify(v)} must be an integer between 1 and 10000.`);
  return n;
}

export const registerEvents: RegisterCommand = (program: Command) => {
  const events = program
    .command('events')
    .description('displacement events with their recommended figure and the reason for it');
  filterOptions(events.command('list', { isDefault: true }).description('list events, latest first'))
    .option('--limit <n>', 'how many (default 50)')
    .option('--json', 'print JSON')
    .action(async (flags: Record<string, unknown>) => {
      const filter = filterFrom(flags);
      const limit = limitFrom(flags.limit);
      const { items } = await withStore((s) => s.events.list(filter, { limit }));
      if (flags.json) return void process.stdout.write(JSON.stringify(items, null, 2) + '\n');
      if (items.length === 0)
        return void process.stdout.write(
          'no events; import articles (`dmon import`) or run `dmon events rebuild` on an older store\n',
        );
      process.stdout.write(items.map(eventLines).join('\n') + '\n');
    });
  events
    .command('show <id>')
    .description('one event: its figures, claims and their sources')
    .option('--json', 'print JSON')
    .action(async (id: string, flags: { json?: boolean }) => {
      const e = await withStore((s) => s.events.get(id));
      if (!e) throw new DmonError('NOT_FOUND', `event ${id} does not exist; \`dmon events\` lists them`);
      if (flags.json) return void process.stdout.write(JSON.stringify(e, null, 2) + '\n');
      const lines = [
        eventLines(e),
        `  places: ${e.places.map((p) => p.location ?? p.admin1 ?? p.country).join('; ')}`,
      ];
      for (const c of e.claims_list) {
        lines.push(
          `  ${c.id}  ${num(c.figure)} ${c.unit} ${c.term} (${c.qualifier}, ${c.stock_or_flow})  ${c.first_date ?? '?'} … ${c.last_date ?? '?'}  ${c.independent_sources} independent source${c.independent_sources === 1 ? '' : 's'}, ${c.reports} report${c.reports === 1 ? '' : 's'}`,
        );
        for (const s of c.sources)
          for (const r of s.reports)
            lines.push(
              `      ${r.published ?? '?'}  ${r.outlet ?? r.url ?? `article ${r.article_id}`}: ${r.evidence}`,
            );
      }
      process.stdout.write(lines.join('\n') + '\n');
    });
  filterOptions(
    events
      .command('monthly')
      .description(
        'per country and month: displaced, evacuated, homes destroyed, refugees, returns, still displaced',
      ),
  )
    .option('--json', 'print JSON')
    .action(async (flags: Record<string, unknown>) => {
      const rows = await withStore((s) => s.events.countryMonths(filterFrom(flags)));
      if (flags.json) return void process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      const header = [
        'country',
        'month',
        'displaced',
        'evacuated',
        'homes_destroyed',
        'refugees',
        'returns',
        'still_displaced',
        'events',
      ];
      const table = rows.map((r) => [
        r.country,
        r.month,
        num(r.displaced),
        num(r.evacuated),
        num(r.homes_destroyed),
        num(r.refugees),
        num(r.returns),
        num(r.still_displaced),
        String(r.events),
      ]);
      const widths = header.map((h, k) => Math.max(h.length, ...table.map((row) => row[k]!.length)));
      const line = (cells: string[]) =>
        cells
          .map((c, k) => c.padEnd(widths[k]!))
          .join('  ')
          .trimEnd();
      process.stdout.write([line(header), ...table.map(line)].join('\n') + '\n');
    });
  events
    .command('rebuild')
    .description('cluster every stored fact into claims and events again')
    .action(async () => {
      const r = await withStore((s) => s.clustering.rebuild());
      process.stderr.write(`events: ${r.facts} facts → ${r.claims} claims → ${r.events} events\n`);
    });
};
