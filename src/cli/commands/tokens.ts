// `dmon tokens create --name N [--scope read|review|admin] | list | revoke NAME`: bearer tokens
// for the API's write routes. `add` is another name for `create`.
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { DmonError } from '../../errors.js';
import { openStore } from '../../store/index.js';
import { SCOPES, type Scope } from '../../store/queries/tokens.js';
import type { RegisterCommand } from './index.js';

async function withStore<T>(fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const iso = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().slice(0, 19) + 'Z');

export const registerTokens: RegisterCommand = (program: Command) => {
  const tokens = program
    .command('tokens')
    .description('manage API bearer tokens (stored hashed; shown once)');
  tokens
    .command('create')
    .alias('add')
    .description('create a token and print it')
    .requiredOption('--name <name>', 'who or what uses the token (recorded as the reviewer)')
    .option(
      '--scope <scope>',
      'read (the audit log), review (reviews, merges, splits, alert triage, submitting articles) or admin (also feeds); default read, the least privilege',
      'read',
    )
    .option('--json', 'print {name, token, scope} as JSON')
    .action(async (flags: { name: string; scope: string; json?: boolean }) => {
      if (!(SCOPES as readonly string[]).includes(flags.scope))
        throw new DmonError(
          'USAGE',
          `--scope ${JSON.stringify(flags.scope)} must be one of: ${SCOPES.join(', ')}`,
        );
      const t = await withStore((s) => s.tokens.create(flags.name, flags.scope as Scope));
      if (flags.json) process.stdout.write(JSON.stringify(t) + '\n');
      else {
        process.stdout.write(`${t.token}\n`);
        if (process.stderr.isTTY)
          process.stderr.write(
            `token "${t.name}" (scope ${t.scope}) created; it is not stored and cannot be shown again. Send it as "Authorization: Bearer <token>".\n`,
          );
      }
    });
  tokens
    .command('list')
    .description('list tokens (names and dates, never the tokens)')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const rows = await withStore((s) => s.tokens.list());
      if (flags.json) return void process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      if (!rows.length)
        return void process.stdout.write('no tokens; create one with `dmon tokens create --name NAME`\n');
      for (const r of rows)
        process.stdout.write(
          `${r.name.padEnd(24)} ${r.scope.padEnd(7)} created ${iso(r.created_at)}  last used ${iso(r.last_used_at)}${r.revoked_at ? `  REVOKED ${iso(r.revoked_at)}` : ''}\n`,
        );
    });
  tokens
    .command('revoke')
    .description('revoke a token by name')
    .argument('<name>')
    .action(async (name: string) => {
      if (!(await withStore((s) => s.tokens.revoke(name))))
        throw new DmonError(
          'NOT_FOUND',
          `no live token named ${JSON.stringify(name)}; see \`dmon tokens list\``,
        );
      process.stdout.write(`revoked ${name}\n`);
    });
};
