// `dmon export --format csv|xlsx|geojson|jsonl [--level fact|claim|event] [filters] [--out FILE]`:
// facts, claims or events streamed to a file or standard output, with the same filters as
// GET /api/export.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { DmonError, isDmonError } from '../../errors.js';
import {
  EXPORT_FORMATS,
  EXPORT_LEVELS,
  streamExport,
  type ExportFormat,
  type ExportLevel,
} from '../../export/index.js';
import { parseFactQuery, type FactQuery } from '../../serve/params.js';
import { openStore } from '../../store/index.js';
import type { RegisterCommand } from './index.js';

/** Adds the fact filter options shared by commands that select facts. */
export function factFilterOptions(cmd: Command): Command {
  return cmd
    .option('--country <iso3,…>', 'ISO 3166-1 alpha-3 codes, comma-separated')
    .option('--admin1 <name>', 'first-level administrative division')
    .option('--term <term,…>', 'terms, comma-separated (displaced, evacuated, …)')
    .option('--cause <cause>', 'conflict, disaster or other')
    .option('--hazard <hazard>', 'flood, storm, earthquake, …')
    .option('--from <date>', 'YYYY-MM-DD, inclusive')
    .option('--to <date>', 'YYYY-MM-DD, inclusive')
    .option('--min <figure>', 'minimum figure')
    .option('--min-confidence <p>', 'minimum confidence, 0..1')
    .option('--q <text>', 'text in the evidence sentence');
}

export function filterFromFlags(flags: Record<string, unknown>) {
  const q: FactQuery = {};
  for (const k of ['country', 'admin1', 'term', 'cause', 'hazard', 'from', 'to', 'min', 'q'] as const)
    if (typeof flags[k] === 'string') q[k] = flags[k];
  if (typeof flags.minConfidence === 'string') q.min_confidence = flags.minConfidence;
  return parseFactQuery(q);
}

export const registerExport: RegisterCommand = (program: Command) => {
  const cmd = program
    .command('export')
    .description(
      'export facts, claims or events as CSV or XLSX (with HXL hashtags), GeoJSON or JSON Lines, streamed',
    )
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`)
    .option(
      '--level <level>',
      `${EXPORT_LEVELS.join(', ')}: one row per fact, per claim (a figure with all its sources) or per event (its recommended figure)`,
      'fact',
    )
    .option('-o, --out <file>', 'write to a file instead of standard output');
  factFilterOptions(cmd).action(async (flags: Record<string, string | undefined>) => {
    const format = flags.format as ExportFormat;
    if (!EXPORT_FORMATS.includes(format))
      throw new DmonError(
        'USAGE',
        `--format ${JSON.stringify(format)} is not one of ${EXPORT_FORMATS.join(', ')}`,
      );
    const level = flags.level as ExportLevel;
    if (!EXPORT_LEVELS.includes(level))
      throw new DmonError(
        'USAGE',
        `--level ${JSON.stringify(level)} is not one of ${EXPORT_LEVELS.join(', ')}`,
      );
    const filter = filterFromFlags(flags);
    const config = loadConfig();
    const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
    try {
      // A filter the level cannot take is refused here, before the output file is created.
      const chunks = streamExport(store, filter, format, level);
      const out = flags.out ? createWriteStream(flags.out) : process.stdout;
      const source = chunks instanceof Readable ? chunks : Readable.from(chunks);
      await pipeline(source, out, { end: !!flags.out });
    } catch (e) {
      if (isDmonError(e)) throw e;
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
      if ((e as NodeJS.ErrnoException).code)
        throw new DmonError(
          'INPUT_UNREADABLE',
          `cannot write ${flags.out ?? 'standard output'}: ${(e as Error).message}`,
          { cause: e },
        );
      throw e;
    } finally {
      await store.close();
    }
  });
};
