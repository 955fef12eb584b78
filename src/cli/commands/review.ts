// `dmon review list | confirm | correct | reject | merge | split | log`: the API's review
// actions on the local store. A target is a fact id (digits) or a claim id (c…); the reviewer
// recorded is --as NAME, else "cli:" and the login name.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { DmonError } from '../../errors.js';
import { REVIEW_ACTIONS, REVIEW_TARGETS, type ReviewAction, type ReviewTarget } from '../../review/types.js';
import { openStore, type ReviewView, type Store } from '../../store/index.js';
import type { FactReviewInput } from '../../store/queries/reviews.js';
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

function reviewer(as: unknown): string {
  if (typeof as === 'string' && as.trim()) return as.trim();
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

function limitFrom(v: unknown): number {
  const n = Number(v ?? 50);
  if (!Number.isInteger(n) || n < 1 || n > 500)
    throw new DmonError('USAGE', `--limit ${JSON.stringify(v)} must be an integer between 1 and 500.`);
  return n;
}

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

function reviewLine(r: ReviewView): string {
  const changes = r.changes ? ` ${JSON.stringify(r.changes)}` : '';
  const facts = r.target_kind === 'event' ? '' : `  facts ${r.fact_ids.join(',') || 'none now'}`;
  const note = r.note ? `  "${r.note}"` : '';
  return `#${r.id}  ${when(r.updated_at)}  ${r.reviewer}  ${r.action} ${r.target_kind} ${r.target_id}${changes}${facts}${note}`;
}

/** The corrections given as options (--figure 19000 --term displaced …) and/or --set JSON. */
function correctionsFrom(flags: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> = {};
  if (typeof flags.set === 'string') {
    try {
      out = JSON.parse(flags.set) as Record<string, unknown>;
    } catch (e) {
      throw new DmonError(
        'USAGE',
        `--set must be a JSON object, e.g. '{"figure": 19000}': ${(e as Error).message}`,
      );
    }
  }
  const nullable = (v: unknown) => (v === 'none' ? null : v);
  if (flags.figure !== undefined) {
    const n = Number(String(flags.figure).replace(/[,_\s]/g, ''));
    out.figure = Number.isFinite(n) ? n : flags.figure;
  }
  for (const k of ['term', 'unit', 'qualifier'] as const) if (flags[k] !== undefined) out[k] = flags[k];
  for (const k of ['cause', 'hazard', 'admin1'] as const)
    if (flags[k] !== undefined) out[k] = nullable(flags[k]);
  if (flags.country !== undefined) out.country = nullable(String(flags.country).toUpperCase());
  if (flags.stockOrFlow !== undefined) out.stock_or_flow = flags.stockOrFlow;
  if (flags.place !== undefined) {
    const lat = flags.lat === undefined ? null : Number(flags.lat);
    const lon = flags.lon === undefined ? null : Number(flags.lon);
    out.place = flags.place === 'none' ? null : { name: flags.place, lat, lon };
  }
  if (flags.date !== undefined) {
    const [start, end] = String(flags.date).split('..');
    out.date = flags.date === 'none' ? null : { start, end: end ?? start };
  }
  return out;
}

async function reviewTarget(target: string, input: FactReviewInput, as: string): Promise<ReviewView> {
  if (/^[0-9]+$/.test(target)) return withStore((s) => s.reviews.reviewFact(Number(target), input, as));
  if (/^c[0-9a-f]{12}$/.test(target)) return withStore((s) => s.reviews.reviewClaim(target, input, as));
  throw new DmonError(
    'USAGE',
    `${JSON.stringify(target)} is neither a fact id (digits, see \`dmon export\` or /api/facts) nor a claim id (c + 12 hex digits)`,
  );
}

function print(r: ReviewView, json: unknown): void {
  process.stdout.write(json ? JSON.stringify(r, null, 2) + '\n' : reviewLine(r) + '\n');
}

export const registerReview: RegisterCommand = (program: Command) => {
  const review = program
    .command('review')
    .description('confirm, correct or reject facts and claims, merge and split events; the audit log');

  review
    .command('list', { isDefault: true })
    .description('current reviews, most recent first')
    .option('--kind <kind>', `${REVIEW_TARGETS.join(', ')}`)
    .option('--action <a,b>', `comma-separated: ${REVIEW_ACTIONS.join(', ')}`)
    .option('--reviewer <name>', "the reviewer's name")
    .option('--limit <n>', 'how many (default 50)')
    .option('--json', 'print JSON')
    .action(async (flags: Record<string, unknown>) => {
      const kind = flags.kind as string | undefined;
      if (kind !== undefined && !(REVIEW_TARGETS as readonly string[]).includes(kind))
        throw new DmonError(
          'USAGE',
          `--kind ${JSON.stringify(kind)} must be one of: ${REVIEW_TARGETS.join(', ')}`,
        );
      const actions = typeof flags.action === 'string' ? flags.action.split(',') : undefined;
      for (const a of actions ?? [])
        if (!(REVIEW_ACTIONS as readonly string[]).includes(a))
          throw new DmonError(
            'USAGE',
            `--action ${JSON.stringify(a)} must be among: ${REVIEW_ACTIONS.join(', ')}`,
          );
      const { items } = await withStore((s) =>
        s.reviews.list(
          {
            ...(kind ? { targetKind: kind as ReviewTarget } : {}),
            ...(actions ? { action: actions as ReviewAction[] } : {}),
            ...(typeof flags.reviewer === 'string' ? { reviewer: flags.reviewer } : {}),
          },
          { limit: limitFrom(flags.limit) },
        ),
      );
      if (flags.json) return void process.stdout.write(JSON.stringify(items, null, 2) + '\n');
      if (!items.length) return void process.stdout.write('no reviews yet\n');
      process.stdout.write(items.map(reviewLine).join('\n') + '\n');
    });

  for (const action of ['confirm', 'reject'] as const)
    review
      .command(`${action} <target>`)
      .description(`${action} a fact (id) or a claim (c…)`)
      .option('--note <text>', 'why, kept with the review')
      .option('--as <name>', 'the reviewer to record (default cli:<login>)')
      .option('--json', 'print the review as JSON')
      .action(async (target: string, flags: Record<string, unknown>) => {
        const r = await reviewTarget(
          target,
          { action, note: (flags.note as string | undefined) ?? null },
          reviewer(flags.as),
        );
        print(r, flags.json);
      });

  review
    .command('correct <target>')
    .description('correct fields of a fact (id) or of every fact of a claim (c…)')
    .option('--figure <n>', 'the figure')
    .option('--term <term>', 'displaced, evacuated, destroyed_housing, …')
    .option('--unit <unit>', 'people or households')
    .option('--qualifier <q>', 'exact, approximately, at_least, more_than, up_to, less_than')
    .option('--cause <cause>', 'conflict, disaster, other, or none')
    .option('--hazard <hazard>', 'flood, storm, …, or none')
    .option('--country <iso3>', 'ISO 3166-1 alpha-3, or none')
    .option('--admin1 <name>', 'the first-level region, or none')
    .option('--place <name>', 'the place the figure is filed under, or none (with --lat/--lon)')
    .option('--lat <deg>', 'latitude of --place')
    .option('--lon <deg>', 'longitude of --place')
    .option('--date <day>', 'YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, or none')
    .option('--stock-or-flow <s>', 'stock or flow')
    .option('--set <json>', 'corrections as JSON, e.g. \'{"figure": 19000}\'')
    .option('--note <text>', 'why, kept with the review')
    .option('--as <name>', 'the reviewer to record (default cli:<login>)')
    .option('--json', 'print the review as JSON')
    .action(async (target: string, flags: Record<string, unknown>) => {
      const changes = correctionsFrom(flags);
      const r = await reviewTarget(
        target,
        { action: 'correct', changes, note: (flags.note as string | undefined) ?? null },
        reviewer(flags.as),
      );
      print(r, flags.json);
    });

  review
    .command('merge <event> <other>')
    .description('merge event <other> into <event>, which keeps its id')
    .option('--note <text>', 'why, kept with the review')
    .option('--as <name>', 'the reviewer to record (default cli:<login>)')
    .option('--json', 'print the review as JSON')
    .action(async (event: string, other: string, flags: Record<string, unknown>) => {
      const r = await withStore((s) =>
        s.reviews.merge(event, other, (flags.note as string | undefined) ?? null, reviewer(flags.as)),
      );
      print(r, flags.json);
    });

  review
    .command('split <event> <claims...>')
    .description('move claims of <event> into a new event')
    .option('--note <text>', 'why, kept with the review')
    .option('--as <name>', 'the reviewer to record (default cli:<login>)')
    .option('--json', 'print the review as JSON')
    .action(async (event: string, claims: string[], flags: Record<string, unknown>) => {
      const r = await withStore((s) =>
        s.reviews.split(event, claims, (flags.note as string | undefined) ?? null, reviewer(flags.as)),
      );
      if (!flags.json) process.stderr.write(`new event ${String(r.changes?.new_event_id)}\n`);
      print(r, flags.json);
    });

  review
    .command('log')
    .description('the audit log: who changed what, when, before and after (newest first)')
    .option('--target <id>', 'a fact, claim or event id')
    .option('--actor <name>', 'who')
    .option('--limit <n>', 'how many (default 50)')
    .option('--json', 'print JSON (with the before and after of each change)')
    .action(async (flags: Record<string, unknown>) => {
      const { items } = await withStore((s) =>
        s.reviews.log(
          {
            ...(typeof flags.target === 'string' ? { targetId: flags.target } : {}),
            ...(typeof flags.actor === 'string' ? { actor: flags.actor } : {}),
          },
          { limit: limitFrom(flags.limit) },
        ),
      );
      if (flags.json) return void process.stdout.write(JSON.stringify(items, null, 2) + '\n');
      if (!items.length) return void process.stdout.write('the audit log is empty\n');
      for (const e of items)
        process.stdout.write(
          `${when(e.at)}  ${e.actor}  ${e.action} ${e.target_kind} ${e.target_id}  (review #${e.review_id ?? '-'})\n`,
        );
    });
};
