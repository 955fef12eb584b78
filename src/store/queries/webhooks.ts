// Webhook targets of alerts and the log of every delivery attempt.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DmonError } from '../../errors.js';
import type { WebhookDeliveryRow, WebhookRow } from '../alertsSchema.js';
import type { Database } from '../schema.js';
import type { AlertRow } from '../alertsSchema.js';

export type WebhookInfo = Omit<WebhookRow, 'secret'>;

export type DeliveryOutcome = 'delivered' | 'retrying' | 'failed';

export interface DeliveryAttempt {
  webhookId: number;
  alertId: number;
  url: string;
  attempt: number;
  outcome: DeliveryOutcome;
  httpStatus: number | null;
  error: string | null;
}

function checkUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DmonError('USAGE', `webhook URL ${JSON.stringify(url)} is not an absolute URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new DmonError('USAGE', `webhook URL ${JSON.stringify(url)} must be http or https`);
}

export class Webhooks {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a target; the secret that signs its requests is generated unless given. Adding the
   * same URL again changes nothing and returns the existing target with `created: false`. */
  async add(
    url: string,
    secret?: string,
  ): Promise<{ webhook: WebhookInfo; secret: string | null; created: boolean }> {
    checkUrl(url);
    if (secret !== undefined && secret.length < 16)
      throw new DmonError('USAGE', 'a webhook secret must be at least 16 characters long');
    const key = secret ?? randomBytes(24).toString('base64url');
    const row = await this.db
      .insertInto('webhooks')
      .values({ url, secret: key, created_at: Date.now() })
      .onConflict((oc) => oc.column('url').doNothing())
      .returning(['id', 'url', 'created_at'])
      .executeTakeFirst();
    if (row) return { webhook: row, secret: key, created: true };
    const existing = await this.db
      .selectFrom('webhooks')
      .select(['id', 'url', 'created_at'])
      .where('url', '=', url)
      .executeTakeFirstOrThrow();
    return { webhook: existing, secret: null, created: false };
  }

  list(): Promise<WebhookInfo[]> {
    return this.db.selectFrom('webhooks').select(['id', 'url', 'created_at']).orderBy('id').execute();
  }

  /** The targets with their secrets, for delivery only. */
  targets(): Promise<WebhookRow[]> {
    return this.db.selectFrom('webhooks').selectAll().orderBy('id').execute();
  }

  async remove(idOrUrl: number | string): Promise<boolean> {
    const q = this.db.deleteFrom('webhooks');
    const r = await (
      typeof idOrUrl === 'number' ? q.where('id', '=', idOrUrl) : q.where('url', '=', idOrUrl)
    ).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async log(a: DeliveryAttempt, now = Date.now()): Promise<void> {
    await this.db
      .insertInto('webhook_deliveries')
      .values({
        webhook_id: a.webhookId,
        alert_id: a.alertId,
        url: a.url,
        attempt: a.attempt,
        outcome: a.outcome,
        http_status: a.httpStatus,
        error: a.error?.slice(0, 2000) ?? null,
        created_at: now,
      })
      .execute();
  }

  /** The delivery log, newest first. */
  deliveries(
    options: { webhookId?: number; alertId?: number; limit?: number } = {},
  ): Promise<WebhookDeliveryRow[]> {
    let q = this.db.selectFrom('webhook_deliveries').selectAll();
    if (options.webhookId !== undefined) q = q.where('webhook_id', '=', options.webhookId);
    if (options.alertId !== undefined) q = q.where('alert_id', '=', options.alertId);
    return q
      .orderBy('id', 'desc')
      .limit(options.limit ?? 100)
      .execute();
  }

  /** Alerts raised since the target was added that it has not yet received or given up on. */
  pending(webhook: Pick<WebhookRow, 'id' | 'created_at'>, limit = 500): Promise<AlertRow[]> {
    return this.db
      .selectFrom('alerts')
      .selectAll()
      .where('created_at', '>=', webhook.created_at)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('webhook_deliveries')
              .select('webhook_deliveries.id')
              .whereRef('webhook_deliveries.alert_id', '=', 'alerts.id')
              .where('webhook_deliveries.webhook_id', '=', webhook.id)
              .where('webhook_deliveries.outcome', 'in', ['delivered', 'failed']),
          ),
        ),
      )
      .orderBy('id')
      .limit(limit)
      .execute();
  }
}
