// `dmon start` (what `npm start` runs): creates or migrates the store (./data/dmon.sqlite by
// default), imports the bundled sample corpus from data/sample/articles.jsonl (no network;
// importing it again adds nothing), extracts it, and serves the API on PORT (default 8080).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { DmonError } from '../../errors.js';
import { drainWithProgress, printErrors, summaryLine } from './ingest.js';
import { importPaths } from './import.js';
import { openServeRuntime, serveUntilStopped, type ServeFlags } from './serve.js';
import type { RegisterCommand } from './index.js';

export const SAMPLE_CORPUS = fileURLToPath(new URL('../../../data/sample/articles.jsonl', import.meta.url));

interface StartFlags extends ServeFlags {
  sample?: string | boolean;
}

export const registerStart: RegisterCommand = (program: Command) => {
  program
    .command('start')
    .description(
      'create the store, import the bundled sample corpus, and serve the API on http://localhost:8080',
    )
    .option('-p, --port <port>', 'port (default PORT or 8080)')
    .option('--host <host>', 'interface to bind (default HOST or 127.0.0.1)')
    .option('--sample <file>', 'corpus to import first (default: the bundled sample)')
    .option('--no-sample', 'do not import a corpus')
    .action(async (flags: StartFlags) => {
      const config = loadConfig();
      const rt = await openServeRuntime(config);
      try {
        process.stderr.write(`store: ${rt.store.where}\n`);
        if (flags.sample !== false) {
          const file = typeof flags.sample === 'string' ? flags.sample : SAMPLE_CORPUS;
          if (!existsSync(file))
            throw new DmonError(
              'INPUT_NOT_FOUND',
              `${file}: sample corpus not found; pass --sample FILE or --no-sample`,
            );
          const imported = await importPaths(rt.ingest, [file], { origin: 'sample' });
          await rt.ingest.queueReextraction();
          const r = await drainWithProgress(rt.ingest, { label: 'extract' });
          printErrors(r);
          process.stderr.write(
            `sample: ${imported.stored} new, ${imported.exists} already stored, ${imported.duplicates} duplicates; ${summaryLine('extract', r).replace(/^extract: /, '')}\n`,
          );
        }
        // A store filled before claims and events existed is clustered once, here.
        if (await rt.store.clustering.needsRebuild()) await rt.store.clustering.rebuild();
        process.stderr.write(`events: ${await rt.store.events.count()} (GET /api/events, \`dmon events\`)\n`);
        await serveUntilStopped(rt, config, { ...flags, worker: rt.store.engine === 'sqlite' });
      } finally {
        await rt.close();
      }
    });
};
