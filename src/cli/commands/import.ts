// `dmon import FILE|DIR|-…`: articles from JSONL or CSV files, HTML, text and PDF files, a
// directory of them, or standard input; each stored once (by URL or text) and extracted.
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { isDmonError } from '../../errors.js';
import {
  isImportError,
  readImportSource,
  readImportStream,
  type ImportedArticle,
  type ImportItem,
} from '../../importers/index.js';
import type { Ingest } from '../../ingest/ingest.js';
import { openRuntime } from '../../ingest/open.js';
import { drainWithProgress, printErrors, summaryLine } from './ingest.js';
import type { RegisterCommand } from './index.js';

export interface ImportCounts {
  stored: number;
  duplicates: number;
  exists: number;
  skipped: number;
  errors: string[];
  /** Articles stored with a repair worth knowing (bad bytes replaced), one line each. */
  warnings: string[];
}

function items(path: string): AsyncGenerator<ImportItem> {
  return path === '-' ? readImportStream(process.stdin, { name: 'stdin' }) : readImportSource(path);
}

/** Articles stored per transaction by `dmon import`. */
export const IMPORT_BATCH = 100;

/**
 * Stores every article of the named sources, `batchSize` per transaction (1 = one at a time;
 * the same rows either way); a bad record is counted and skipped, never fatal.
 */
export async function importPaths(
  ingest: Ingest,
  paths: string[],
  options: { origin?: string; batchSize?: number } = {},
): Promise<ImportCounts> {
  const counts: ImportCounts = {
    stored: 0,
    duplicates: 0,
    exists: 0,
    skipped: 0,
    errors: [],
    warnings: [],
  };
  const batchSize = options.batchSize ?? IMPORT_BATCH;
  let batch: ImportedArticle[] = [];
  // The figures of the originals each batch met, for the batches after it (Ingest.addDocuments).
  const figures = new Map<number, string>();
  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    const results = await ingest.addDocuments(
      items.map((item) => ({
        url: item.url,
        title: item.title,
        published: item.published,
        lang: item.lang,
        text: item.text,
        origin: options.origin ?? 'import',
        externalId: item.id ?? null,
        // The credit line a licence asks for, when the record carries one; else its source.
        attribution: item.attribution ?? item.source,
        ...(item.warnings ? { warnings: item.warnings } : {}),
      })),
      figures,
    );
    for (const [i, r] of results.entries()) {
      if (isDmonError(r)) {
        counts.skipped++;
        counts.errors.push(`${items[i]!.origin}: ${r.message}`);
        continue;
      }
      const warnings = items[i]!.warnings;
      if (warnings) counts.warnings.push(...warnings);
      if (r.status === 'stored') counts.stored++;
      else if (r.status === 'duplicate') counts.duplicates++;
      else counts.exists++;
    }
  };
  for (const path of paths.length ? paths : ['-']) {
    for await (const item of items(path)) {
      if (isImportError(item)) {
        counts.skipped++;
        counts.errors.push(item.error.message);
        continue;
      }
      batch.push(item);
      if (batch.length >= batchSize) await flush();
    }
  }
  await flush();
  return counts;
}

interface ImportFlags {
  json?: boolean;
  work?: boolean;
}

export const registerImport: RegisterCommand = (program: Command, setExit) => {
  program
    .command('import')
    .description(
      'import articles from JSONL/CSV, HTML, text or PDF files, directories, or standard input, and extract them',
    )
    .argument('[paths...]', 'files or directories; standard input when none or "-"')
    .option('--work', 'run the extraction jobs in this process (default on SQLite)')
    .option('--no-work', 'only queue them, for `dmon worker` processes (default on PostgreSQL)')
    .option('--json', 'print the summary as JSON')
    .action(async (paths: string[], flags: ImportFlags) => {
      const rt = await openRuntime(loadConfig());
      try {
        const counts = await importPaths(rt.ingest, paths);
        for (const e of counts.errors.slice(0, 20)) process.stderr.write(`dmon import: skipped ${e}\n`);
        for (const w of counts.warnings.slice(0, 20)) process.stderr.write(`dmon import: warning: ${w}\n`);
        if (counts.skipped) setExit(1);
        const work = flags.work ?? rt.store.engine === 'sqlite';
        const run = work ? await drainWithProgress(rt.ingest, { json: flags.json, label: 'extract' }) : null;
        if (run?.parked) setExit(1);
        if (flags.json)
          process.stdout.write(
            JSON.stringify({
              ...counts,
              errors: counts.errors.length,
              warnings: counts.warnings.length,
              run,
            }) + '\n',
          );
        else {
          if (run) printErrors(run);
          const head = `import: ${counts.stored} new, ${counts.duplicates} duplicates, ${counts.exists} already stored, ${counts.skipped} skipped`;
          process.stderr.write(
            run
              ? `${head}; ${summaryLine('extract', run).replace(/^extract: /, '')}\n`
              : `${head}; extraction queued for \`dmon worker\`\n`,
          );
        }
      } finally {
        await rt.close();
      }
    });
};
