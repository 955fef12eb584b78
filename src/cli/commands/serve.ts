// `dmon serve`: the HTTP API on PORT (default 8080). On SQLite it also runs the job worker in
// this process, so URLs and texts POSTed to /api/articles are fetched and extracted; on
// PostgreSQL that is left to `dmon worker` processes unless --worker is given.
import type { Command } from 'commander';
import { loadConfig, type Config } from '../../config.js';
import { DmonError } from '../../errors.js';
import { openRuntime, type Runtime } from '../../ingest/open.js';
import { createDeps } from '../../ingest/wiring.js';
import { log } from '../../log.js';
import { buildApp } from '../../serve/app.js';
import { VERSION } from '../../version.js';
import { createExtractPool } from '../../workers/extractPool.js';
import type { RegisterCommand } from './index.js';

export interface ServeFlags {
  port?: string;
  host?: string;
  worker?: boolean;
  log?: boolean;
}

/**
 * The runtime of a serving process: the API and the in-process worker share one event loop, so
 * extraction goes to a worker thread; closing the runtime stops the thread.
 */
export async function openServeRuntime(config: Config): Promise<Runtime> {
  const pool = createExtractPool();
  const rt = await openRuntime(config, { ...createDeps(config), extract: (doc) => pool.extract(doc) }).catch(
    async (e: unknown) => {
      await pool.close();
      throw e;
    },
  );
  return {
    ...rt,
    close: async () => {
      await rt.close();
      await pool.close();
    },
  };
}

/** Serves the API until SIGINT/SIGTERM; resolves after a clean shutdown. */
export async function serveUntilStopped(rt: Runtime, config: Config, flags: ServeFlags): Promise<void> {
  const port = flags.port === undefined ? config.port : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new DmonError('USAGE', `--port ${JSON.stringify(flags.port)} is not a port number (0–65535)`);
  const host = flags.host ?? config.host;
  const app = await buildApp(
    {
      store: rt.store,
      version: VERSION,
      extractorVersion: rt.ingest.deps.extractorVersion,
      submit: (input) => rt.ingest.submit(input),
      addFeed: (url) => rt.ingest.addFeed(url),
    },
    {
      corsOrigins: config.corsOrigins,
      // Errors are always logged; every request only with --log.
      logger: log('serve'),
      logRequests: flags.log === true,
      rateLimitPerMinute: config.rateLimitPerMinute,
    },
  );
  try {
    await app.listen({ port, host });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    await app.close();
    if (code === 'EADDRINUSE')
      throw new DmonError(
        'CONFIG_INVALID',
        `port ${port} on ${host} is in use; stop the other server or set PORT / --port`,
        { cause: e },
      );
    throw new DmonError('CONFIG_INVALID', `cannot listen on ${host}:${port}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const address = app.server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const shown = host === '0.0.0.0' || host === '127.0.0.1' || host === '::' ? 'localhost' : host;
  process.stdout.write(
    `Displacement Monitor API on http://${shown}:${actual}/api  (store: ${rt.store.where}; Ctrl-C to stop)\n`,
  );

  const stop = new AbortController();
  const stopped = new Promise<void>((resolve) =>
    stop.signal.addEventListener('abort', () => resolve(), { once: true }),
  );
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const runWorker = flags.worker ?? rt.store.engine === 'sqlite';
  const logger = log('serve');
  // The in-process worker logs its own events (store down, retries, pruning of finished jobs).
  const worker = runWorker
    ? rt.ingest.run({ concurrency: config.workerConcurrency, signal: stop.signal }).catch((e: unknown) => {
        logger.error({ err: e }, 'the in-process worker stopped');
        process.stderr.write(`dmon serve: the in-process worker stopped: ${(e as Error).message}\n`);
      })
    : Promise.resolve();
  const feeds = runWorker
    ? setInterval(
        () =>
          void rt.ingest
            .scheduleFeeds()
            // Logged, not swallowed; the next tick tries again.
            .catch((e: unknown) => logger.error({ err: e }, 'scheduling feed polls failed')),
        30_000,
      )
    : null;
  await stopped;
  if (feeds) clearInterval(feeds);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  await app.close();
  await worker;
}

export const registerServe: RegisterCommand = (program: Command) => {
  program
    .command('serve')
    .description('serve the HTTP API (GET /api/facts, /api/countries, /api/export, …)')
    .option('-p, --port <port>', 'port (default PORT or 8080)')
    .option('--host <host>', 'interface to bind (default HOST or 127.0.0.1)')
    .option('--worker', 'run jobs in this process (default on SQLite)')
    .option('--no-worker', 'do not run jobs in this process (default on PostgreSQL)')
    .option('--log', 'log every request too (JSON lines on standard error, at level info)')
    .action(async (flags: ServeFlags) => {
      const config = loadConfig();
      const rt = await openServeRuntime(config);
      try {
        await serveUntilStopped(rt, config, flags);
      } finally {
        await rt.close();
      }
    });
};
