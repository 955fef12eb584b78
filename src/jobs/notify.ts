// Waking idle workers when a job becomes ready, so they need not poll often. Within one process
// (the API and its in-process worker, or tests) an event emitter does it on either engine; on
// PostgreSQL a trigger NOTIFYs channel dmon_jobs (migration 007) and every worker, on any machine,
// LISTENs on a connection of its own. Polling stays as the fallback: a lost notification or a
// dropped listening connection only delays a job until the next poll.
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { log, type Logger } from '../log.js';

export const JOBS_CHANNEL = 'dmon_jobs';

export type WakeListener = (kind: string) => void;

export interface JobNotifier {
  /**
   * Calls `listener` when a job may have become ready; resolves once listening. Returns the
   * unsubscribe. Trouble with the listening connection is logged to `logger`.
   */
  subscribe(listener: WakeListener, logger?: Logger): Promise<() => Promise<void>>;
  /** Wakes this process's subscribers (the PostgreSQL trigger covers other processes). */
  notifyLocal(kind: string): void;
}

export function localNotifier(): JobNotifier {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    subscribe: async (listener) => {
      emitter.on('ready', listener);
      return async () => void emitter.off('ready', listener);
    },
    notifyLocal: (kind) => void emitter.emit('ready', kind),
  };
}

/** LISTEN on a dedicated connection (re-opened with backoff when it drops), plus local wake-ups. */
export function postgresNotifier(databaseUrl: string): JobNotifier {
  const local = localNotifier();
  return {
    notifyLocal: local.notifyLocal,
    subscribe: async (listener, logger = log('jobs')) => {
      const unsubscribeLocal = await local.subscribe(listener);
      let client: pg.Client | null = null;
      let stopped = false;
      let failures = 0;
      let retry: NodeJS.Timeout | null = null;
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString: databaseUrl });
        c.on('notification', (m) => {
          if (m.channel === JOBS_CHANNEL) listener(m.payload ?? '');
        });
        c.on('error', (e) => {
          logger.warn({ err: e }, 'the LISTEN connection failed; polling until it is back');
          reconnect(c);
        });
        c.on('end', () => reconnect(c));
        try {
          await c.connect();
          await c.query(`LISTEN ${JOBS_CHANNEL}`);
          if (stopped) return void (await c.end());
          client = c;
          failures = 0;
          // Anything queued while not listening is found by the wake-up that follows.
          listener('');
        } catch (e) {
          logger.warn({ err: e }, 'cannot LISTEN for new jobs; polling until it works');
          await c
            .end()
            .catch((err: unknown) => logger.debug({ err }, 'closing the failed LISTEN connection'));
          reconnect(c);
        }
      };
      const reconnect = (c: pg.Client) => {
        if (stopped || retry || (client !== null && client !== c)) return;
        client = null;
        const wait = Math.min(30_000, 250 * 2 ** Math.min(failures++, 7));
        retry = setTimeout(() => {
          retry = null;
          void connect();
        }, wait);
        retry.unref();
      };
      await connect();
      return async () => {
        stopped = true;
        if (retry) clearTimeout(retry);
        await unsubscribeLocal();
        const c = client;
        client = null;
        if (c) await c.end().catch((err: unknown) => logger.debug({ err }, 'closing the LISTEN connection'));
      };
    },
  };
}
