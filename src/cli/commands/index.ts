// The subcommands, in the order `dmon --help` lists them. Each is loaded only when it runs
// (or for --help), so one command's dependencies (a database driver, the HTTP server) cost
// nothing to the others and a broken module cannot take the others down.
import type { Command } from 'commander';

export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

export interface CommandEntry {
  name: string;
  load: () => Promise<RegisterCommand>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'extract', load: async () => (await import('./extract.js')).registerExtract },
  { name: 'classify', load: async () => (await import('./classify.js')).registerClassify },
  { name: 'geoparse', load: async () => (await import('./geoparse.js')).registerGeoparse },
  { name: 'feeds', load: async () => (await import('./feeds.js')).registerFeeds },
  { name: 'ingest', load: async () => (await import('./ingest.js')).registerIngest },
  { name: 'import', load: async () => (await import('./import.js')).registerImport },
  { name: 'worker', load: async () => (await import('./worker.js')).registerWorker },
  { name: 'jobs', load: async () => (await import('./jobs.js')).registerJobs },
  { name: 'serve', load: async () => (await import('./serve.js')).registerServe },
  { name: 'start', load: async () => (await import('./start.js')).registerStart },
  { name: 'export', load: async () => (await import('./export.js')).registerExport },
  { name: 'events', load: async () => (await import('./events.js')).registerEvents },
  { name: 'review', load: async () => (await import('./review.js')).registerReview },
  { name: 'tokens', load: async () => (await import('./tokens.js')).registerTokens },
  { name: 'alerts', load: async () => (await import('./alerts.js')).registerAlerts },
  { name: 'eval', load: async () => (await import('./eval.js')).registerEval },
];
