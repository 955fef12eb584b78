// Configuration, read and validated in one place. Every other module takes a Config (or the
// part of it it needs) as an argument and never reads process.env itself.
import { isAbsolute, join, resolve } from 'node:path';
import { DmonError } from './errors.js';
import { isLogLevel, LOG_LEVELS, type LogLevel } from './log.js';

export interface Config {
  /** postgres://… when set: the PostgreSQL engine; otherwise the embedded SQLite file. */
  databaseUrl: string | null;
  /** Where the SQLite file and other local state live (DMON_DATA_DIR, default ./data). */
  dataDir: string;
  /** The SQLite file (DMON_SQLITE or <dataDir>/dmon.sqlite). */
  sqlitePath: string;
  /** HTTP port of `dmon serve` (PORT, default 8080). */
  port: number;
  /** Interface `dmon serve` binds to (HOST, default 127.0.0.1). */
  host: string;
  /** Origins allowed by CORS (DMON_CORS_ORIGINS, comma-separated); empty = CORS off. */
  corsOrigins: string[];
  /** Parallel jobs per worker process (DMON_WORKER_CONCURRENCY, default 2). */
  workerConcurrency: number;
  /** Minimum delay between two requests to the same host, ms (DMON_HOST_DELAY_MS, default 1000). */
  hostDelayMs: number;
  /** Hosts, addresses or CIDR blocks the fetcher may reach despite being private (DMON_FETCH_ALLOW, comma-separated). */
  fetchAllow: string[];
  /** API requests per minute per non-loopback client (DMON_RATE_LIMIT, default 600; 0 = off). */
  rateLimitPerMinute: number;
  /** Level of the JSON log on standard error (DMON_LOG_LEVEL, default info; `--log-level` wins). */
  logLevel: LogLevel;
}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new DmonError(
      'CONFIG_INVALID',
      `${name}=${JSON.stringify(raw)} is not an integer between ${min} and ${max}; fix or unset it.`,
    );
  return n;
}

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function databaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return null;
  if (!/^postgres(ql)?:\/\//i.test(raw))
    throw new DmonError(
      'CONFIG_INVALID',
      `DATABASE_URL must be a postgres:// or postgresql:// URL (got ${JSON.stringify(raw.slice(0, 40))}); unset it to use the SQLite file.`,
    );
  try {
    new URL(raw);
  } catch {
    throw new DmonError(
      'CONFIG_INVALID',
      'DATABASE_URL is not a valid URL; expected postgres://user@host:port/database.',
    );
  }
  return raw;
}

/** DMON_LOG_LEVEL, checked: one of fatal, error, warn, info, debug, trace, silent. */
export function logLevelFromEnv(env: Env = process.env): LogLevel {
  return checkLogLevel(env.DMON_LOG_LEVEL?.trim() || 'info', 'DMON_LOG_LEVEL');
}

/** A log level named by `what` (a flag or variable), or a CONFIG_INVALID/USAGE error listing the levels. */
export function checkLogLevel(raw: string, what: string): LogLevel {
  const v = raw.trim().toLowerCase();
  if (isLogLevel(v)) return v;
  throw new DmonError(
    what.startsWith('--') ? 'USAGE' : 'CONFIG_INVALID',
    `${what} ${JSON.stringify(raw)} is not a log level; use one of ${LOG_LEVELS.join(', ')}`,
  );
}

/** Reads and validates the configuration from an environment (process.env by default). */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const dataDir = resolve(cwd, env.DMON_DATA_DIR?.trim() || 'data');
  const sqliteRaw = env.DMON_SQLITE?.trim();
  const sqlitePath = sqliteRaw
    ? isAbsolute(sqliteRaw) || sqliteRaw === ':memory:'
      ? sqliteRaw
      : resolve(cwd, sqliteRaw)
    : join(dataDir, 'dmon.sqlite');
  return {
    databaseUrl: databaseUrl(env),
    dataDir,
    sqlitePath,
    port: intVar(env, 'PORT', 8080, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    corsOrigins: list(env.DMON_CORS_ORIGINS),
    workerConcurrency: intVar(env, 'DMON_WORKER_CONCURRENCY', 2, 1, 64),
    hostDelayMs: intVar(env, 'DMON_HOST_DELAY_MS', 1000, 0, 600_000),
    fetchAllow: list(env.DMON_FETCH_ALLOW),
    rateLimitPerMinute: intVar(env, 'DMON_RATE_LIMIT', 600, 0, 1_000_000),
    logLevel: logLevelFromEnv(env),
  };
}
