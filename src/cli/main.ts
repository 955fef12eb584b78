// The `dmon` CLI. Each subcommand lives in its own module under ./commands and registers
// itself on the program; this file only wires them and maps errors to exit codes
// (0 success, 1 failure, 2 usage).
import { Command, CommanderError } from 'commander';
import { checkLogLevel, logLevelFromEnv } from '../config.js';
import { isDmonError } from '../errors.js';
import { log, setLogLevel } from '../log.js';
import { VERSION } from '../version.js';
import { COMMANDS } from './commands/index.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('dmon')
    .description('Displacement Monitor: displacement figures from news and reports')
    .version(VERSION, '-V, --version')
    .option(
      '--log-level <level>',
      'JSON log on standard error: fatal, error, warn, info, debug, trace or silent (default DMON_LOG_LEVEL or info)',
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  try {
    // The log level is set before any command runs (and before it opens a store).
    program.hook('preAction', () => {
      const flag = program.opts<{ logLevel?: string }>().logLevel;
      setLogLevel(flag === undefined ? logLevelFromEnv() : checkLogLevel(flag, '--log-level'));
    });
    // Load only the command being run; all of them when none is named (help, unknown command).
    const named = argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--log-level');
    const wanted = COMMANDS.filter((c) => c.name === named);
    for (const entry of wanted.length > 0 ? wanted : COMMANDS) (await entry.load())(program, setExit);
    for (const cmd of program.commands) cmd.exitOverride();

    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      return 2;
    }
    if (isDmonError(e)) {
      process.stderr.write(`dmon: ${e.message}\n`);
      return e.exitCode;
    }
    const msg = e instanceof Error ? e.message : String(e);
    log('cli').error({ err: e }, 'unexpected error');
    process.stderr.write(`dmon: unexpected error: ${msg}\n`);
    if (process.env.DMON_DEBUG) process.stderr.write(`${(e as Error).stack ?? ''}\n`);
    return 1;
  }
  return exitCode;
}
