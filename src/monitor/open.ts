// Opens what a command needs: the store named by the configuration and a monitor over it.
import type { Config } from '../config.js';
import { openStore, type Store } from '../store/index.js';
import type { IngestDeps } from './deps.js';
import { Monitor } from './monitor.js';
import { createDeps } from './wiring.js';

export interface Runtime {
  store: Store;
  monitor: Monitor;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, deps: IngestDeps = createDeps(config)): Promise<Runtime> {
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  const monitor = new Monitor(store, deps, { hostDelayMs: config.hostDelayMs });
  return { store, monitor, close: () => store.close() };
}
