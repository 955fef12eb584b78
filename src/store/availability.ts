// Whether the database answers, and whether it takes writes, as the last queries found it.
// Fed by every query's outcome (Kysely's log hook) and by the PostgreSQL pool's error events,
// read by /api/health and the worker, so an outage (a PostgreSQL restart, a full disk, a
// read-only data directory) is reported while it lasts and its end is noticed by the next
// query that succeeds.

export interface Outage {
  from: number;
  to: number | null;
  error: string;
}

export interface AvailabilitySnapshot {
  reachable: boolean;
  writable: boolean;
  /** The outage in progress (to = null), else the last one, else null. */
  outage: Outage | null;
  outages: number;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'EHOSTUNREACH',
]);
const UNWRITABLE_CODES = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/;

/** Connection-level failures: PostgreSQL down or restarting, its connection cut. */
export function isUnreachable(err: unknown): boolean {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  const message = String((err as { message?: unknown } | null)?.message ?? '');
  return (
    UNREACHABLE_CODES.has(code) ||
    /^(08|57P)/.test(code) ||
    /Connection terminated|connection timeout|Client has encountered a connection error|not currently accepting connections|the database system is (starting up|shutting down)/i.test(
      message,
    )
  );
}

/** Failures to write: the disk is full, the file or its directory read-only or failing. */
export function isUnwritable(err: unknown): boolean {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  return UNWRITABLE_CODES.test(code) || code === '53100'; /* PostgreSQL disk_full */
}

export class Availability {
  private reachable = true;
  private writable = true;
  private outage: Outage | null = null;
  private outages = 0;

  /** Records a failed query or a connection error; anything else is not an outage. */
  failed(err: unknown): void {
    const unreachable = isUnreachable(err);
    const unwritable = isUnwritable(err);
    if (!unreachable && !unwritable) return;
    const error = err instanceof Error ? err.message : String(err);
    if (this.reachable && this.writable) {
      this.outages++;
      this.outage = { from: Date.now(), to: null, error };
    } else if (this.outage) this.outage.error = error;
    if (unreachable) this.reachable = false;
    if (unwritable) this.writable = false;
  }

  /** Records a query that succeeded; `write` when it changed data. */
  succeeded(write: boolean): void {
    const wasDown = !this.reachable || !this.writable;
    this.reachable = true;
    if (write) this.writable = true;
    if (wasDown && this.reachable && this.writable && this.outage) this.outage.to = Date.now();
  }

  snapshot(): AvailabilitySnapshot {
    return {
      reachable: this.reachable,
      writable: this.writable,
      outage: this.outage && { ...this.outage },
      outages: this.outages,
    };
  }
}
