// Row types of the alert tables (migration 004), kept beside schema.ts so that the tables of
// each concern are declared in one file.
import type { Generated, Selectable } from 'kysely';

export interface AlertsTable {
  id: Generated<number>;
  key: string;
  kind: string;
  /** YYYY-MM-DD: the day the alert is about. */
  alert_date: string;
  country: string | null;
  cause: string | null;
  level: string | null;
  event_id: string | null;
  value: number;
  previous: number | null;
  title: string;
  summary: string;
  /** JSON object. */
  details: string;
  status: Generated<string>;
  triaged_by: string | null;
  triaged_at: number | null;
  note: string | null;
  created_at: number;
}

export interface WebhooksTable {
  id: Generated<number>;
  url: string;
  secret: string;
  created_at: number;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  alert_id: number;
  url: string;
  attempt: number;
  outcome: string;
  http_status: number | null;
  error: string | null;
  created_at: number;
}

export interface AlertsDatabase {
  alerts: AlertsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

export type AlertRow = Selectable<AlertsTable>;
export type WebhookRow = Selectable<WebhooksTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
