// Alerts: stored once per rule key, listed newest first with keyset pages, triaged by analysts.
import type { Kysely } from 'kysely';
import type {
  AlertCandidate,
  AlertKind,
  AlertStatus,
  DailyFlow,
  HighLevel,
  RaisedAlert,
  AlertEvent,
} from '../../alerts/types.js';
import type { AlertRow } from '../alertsSchema.js';
import type { Database } from '../schema.js';
import { alertEvents, dailyFlows } from './alertInputs.js';
import { decodeCursor, encodeCursor } from './cursor.js';

export interface AlertFilter {
  status?: AlertStatus[];
  kind?: AlertKind[];
  country?: string[];
  /** YYYY-MM-DD, inclusive, on the day the alert is about. */
  from?: string;
  to?: string;
}

/** An alert as the API, the feed and the webhooks show it. */
export interface AlertView {
  id: number;
  kind: AlertKind;
  date: string;
  country: string | null;
  cause: string | null;
  level: HighLevel | null;
  event_id: string | null;
  value: number;
  previous: number | null;
  title: string;
  summary: string;
  details: Record<string, unknown>;
  status: AlertStatus;
  triaged_by: string | null;
  triaged_at: number | null;
  note: string | null;
  created_at: number;
}

export function alertView(r: AlertRow): AlertView {
  return {
    id: r.id,
    kind: r.kind as AlertKind,
    date: r.alert_date,
    country: r.country,
    cause: r.cause,
    level: r.level as HighLevel | null,
    event_id: r.event_id,
    value: Number(r.value),
    previous: r.previous === null ? null : Number(r.previous),
    title: r.title,
    summary: r.summary,
    details: JSON.parse(r.details) as Record<string, unknown>,
    status: r.status as AlertStatus,
    triaged_by: r.triaged_by,
    triaged_at: r.triaged_at === null ? null : Number(r.triaged_at),
    note: r.note,
    created_at: Number(r.created_at),
  };
}

export class Alerts {
  constructor(private readonly db: Kysely<Database>) {}

  /** The inputs of the country rule: the largest flow figure per country, cause and day. */
  dailyFlows(): Promise<DailyFlow[]> {
    return dailyFlows(this.db);
  }

  /** The inputs of the event rules: events with their recommended figure and their claims. */
  events(): Promise<AlertEvent[]> {
    return alertEvents(this.db);
  }

  /** Stores the candidates whose key is new; returns those, as stored. */
  async add(candidates: readonly AlertCandidate[], now = Date.now()): Promise<AlertView[]> {
    const out: AlertView[] = [];
    for (const c of candidates) {
      const row = await this.db
        .insertInto('alerts')
        .values({
          key: c.key,
          kind: c.kind,
          alert_date: c.date,
          country: c.country,
          cause: c.cause,
          level: c.level,
          event_id: c.eventId,
          value: c.value,
          previous: c.previous,
          title: c.title,
          summary: c.summary,
          details: JSON.stringify(c.details),
          triaged_by: null,
          triaged_at: null,
          note: null,
          created_at: now,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (row) out.push(alertView(row));
    }
    return out;
  }

  /** Every stored alert, as the suppression rule reads them (dismissed ones too: an analyst
   * dismissing an alert does not ask for it to be raised again). */
  async raised(): Promise<RaisedAlert[]> {
    const rows = await this.db
      .selectFrom('alerts')
      .select(['key', 'kind', 'country', 'cause', 'level', 'alert_date'])
      .execute();
    return rows.map((r) => ({
      key: r.key,
      kind: r.kind as AlertKind,
      country: r.country,
      cause: r.cause,
      level: r.level as HighLevel | null,
      date: r.alert_date,
    }));
  }

  async list(
    filter: AlertFilter = {},
    page: { limit?: number; cursor?: string | null } = {},
  ): Promise<{ items: AlertView[]; next: string | null }> {
    const limit = page.limit ?? 50;
    let q = this.db.selectFrom('alerts').selectAll();
    if (filter.status?.length) q = q.where('status', 'in', filter.status);
    if (filter.kind?.length) q = q.where('kind', 'in', filter.kind);
    if (filter.country?.length) q = q.where('country', 'in', filter.country);
    if (filter.from) q = q.where('alert_date', '>=', filter.from);
    if (filter.to) q = q.where('alert_date', '<=', filter.to);
    const after = decodeCursor(page.cursor);
    if (after) q = q.where('id', '<', Number(after[1]));
    const rows = await q
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const more = rows.length > limit;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    return { items: rows.map(alertView), next: more && last ? encodeCursor([last.id, last.id]) : null };
  }

  async get(id: number): Promise<AlertView | null> {
    const row = await this.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? alertView(row) : null;
  }

  /** Sets an alert's triage state; null when there is no such alert. */
  async triage(
    id: number,
    change: { status: AlertStatus; by: string; note?: string | null },
    now = Date.now(),
  ): Promise<AlertView | null> {
    const row = await this.db
      .updateTable('alerts')
      .set({
        status: change.status,
        triaged_by: change.by,
        triaged_at: now,
        ...(change.note !== undefined ? { note: change.note } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? alertView(row) : null;
  }
}
