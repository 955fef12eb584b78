// The process's log: pino, one JSON object a line on standard error, with `level` (a name) and
// `time` (ISO 8601). Long-running parts (worker, ingest, serve) log what they do and every error
// they handle; the CLI's human output (tables, progress, summaries) is separate and unchanged.
// The level comes from `--log-level` or DMON_LOG_LEVEL (default info).
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function isLogLevel(s: string): s is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(s);
}

/** A logger writing to `destination` (default: standard error, synchronously, so no line is lost at exit). */
export function createLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? pino.destination({ fd: 2, sync: true }),
  );
}

let root: Logger | null = null;

/** The process's logger; `component` names the part that logs (worker, ingest, serve…). */
export function log(component?: string): Logger {
  root ??= createLogger();
  return component ? root.child({ component }) : root;
}

/** Sets the level of the process's logger (loggers made from it afterwards follow it). */
export function setLogLevel(level: LogLevel): void {
  if (root) root.level = level;
  else root = createLogger(level);
}
