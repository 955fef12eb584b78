// Opens what a command needs: the store named by the configuration and the ingest path over it.
import type { Config } from '../config.js';
import { log } from '../log.js';
import { openStore, type Store } from '../store/index.js';
import type { IngestDeps } from './deps.js';
import { Ingest } from './ingest.js';
import { createDeps } from './wiring.js';

export interface Runtime {
  store: Store;
  ingest: Ingest;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, deps: IngestDeps = createDeps(config)): Promise<Runtime> {
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  log('store').debug({ engine: store.engine, where: store.where }, 'store opened');
  const ingest = new Ingest(store, deps, { hostDelayMs: config.hostDelayMs });
  return { store, ingest, close: () => store.close() };
}
