// Webhook delivery: each alert is POSTed as JSON, signed (signature.ts), through the project's
// SSRF-safe fetcher — a webhook URL is user input like any feed, so it may not reach private
// or cloud-metadata addresses unless allow-listed. A failure that may pass (a 5xx, 429, a
// timeout) is retried with exponential backoff; every attempt is written to the delivery log.
import { FetchError, safeFetch } from '../fetch/index.js';
import type { AlertView, Store } from '../store/index.js';
import { alertView } from '../store/queries/alerts.js';
import type { WebhookRow } from '../store/alertsSchema.js';
import type { DeliveryOutcome } from '../store/queries/webhooks.js';
import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.js';

export interface DeliveryOptions {
  /** Attempts per alert and target before giving up (default 5). */
  attempts?: number;
  /** Wait before the second attempt, doubled each time (default 2 s), capped by maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Time allowed for one attempt (default 10 s). */
  timeoutMs?: number;
  /** Hosts or CIDR blocks exempt from the private-address block (DMON_FETCH_ALLOW). */
  allow?: readonly string[];
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULTS = { attempts: 5, backoffMs: 2_000, maxBackoffMs: 60_000, timeoutMs: 10_000 };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The JSON a target receives. */
export function payload(alert: AlertView): string {
  return JSON.stringify({ type: 'alert', alert });
}

/** Sends one alert to one target, retrying; returns the final outcome. */
export async function deliverAlert(
  store: Store,
  webhook: WebhookRow,
  alert: AlertView,
  options: DeliveryOptions = {},
): Promise<DeliveryOutcome> {
  const o = { ...DEFAULTS, ...options };
  const body = payload(alert);
  for (let attempt = 1; ; attempt++) {
    const timestamp = Math.floor(Date.now() / 1000);
    let status: number | null;
    let error: string | null = null;
    let retryable = false;
    let waitS: number | null = null;
    try {
      const res = await safeFetch(webhook.url, {
        method: 'POST',
        body,
        maxRedirects: 0,
        accept: null,
        maxBytes: 64 * 1024,
        totalTimeoutMs: o.timeoutMs,
        allow: o.allow,
        headers: {
          'content-type': 'application/json',
          'x-dmon-delivery': `${alert.id}-${webhook.id}`,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: sign(webhook.secret, timestamp, body),
        },
      });
      status = res.status;
    } catch (e) {
      const fe = e instanceof FetchError ? e : null;
      status = fe?.httpStatus ?? null;
      error = (e as Error).message;
      retryable = fe ? fe.retryable : false;
      waitS = fe?.retryAfterSeconds ?? null;
    }
    const last = attempt >= o.attempts || !retryable;
    const outcome: DeliveryOutcome = error === null ? 'delivered' : last ? 'failed' : 'retrying';
    await store.webhooks.log({
      webhookId: webhook.id,
      alertId: alert.id,
      url: webhook.url,
      attempt,
      outcome,
      httpStatus: status,
      error,
    });
    if (outcome !== 'retrying') return outcome;
    const backoff = o.backoffMs * 2 ** (attempt - 1);
    await (o.sleep ?? sleep)(Math.min(o.maxBackoffMs, waitS !== null ? waitS * 1000 : backoff));
  }
}

/** Sends every target the alerts it has not received yet; counts the outcomes. */
export async function deliverPending(
  store: Store,
  options: DeliveryOptions = {},
): Promise<{ delivered: number; failed: number }> {
  const counts = { delivered: 0, failed: 0 };
  for (const webhook of await store.webhooks.targets())
    for (const row of await store.webhooks.pending(webhook)) {
      const outcome = await deliverAlert(store, webhook, alertView(row), options);
      counts[outcome === 'delivered' ? 'delivered' : 'failed']++;
    }
  return counts;
}
