// Events as the API lists them (newest first, keyset pages), one event with its claims,
// sources and timeline, and the per country-month figures computed from the stored claims.
import { pushTo } from '../../claims/groupBy.js';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DisplacementEvent } from '../../events/types.js';
import { countryMonthFigures, type CountryMonth } from '../../figures/monthly.js';
import type { EventRow } from '../claimsSchema.js';
import { UNKNOWN_SPAN_DAYS } from '../migrations/015_events_list_indexes.js';
import type { Database } from '../schema.js';
import { decodeTextCursor, encodeTextCursor } from './claimCursor.js';
import type { ClaimDetail, Claims } from './claims.js';
import { rowToClaim, rowToEventView, type EventView } from './claimViews.js';
import { containsText } from './like.js';
import type { Engine } from '../engine.js';

export interface EventFilter {
  country?: string[];
  cause?: string;
  hazard?: string;
  /** YYYY-MM-DD: events whose period reaches into [from, to]. */
  from?: string;
  to?: string;
  /** Text in the event's name. */
  q?: string;
}

export interface TimelinePoint {
  date: string | null;
  claim_id: string;
  term_class: string;
  stock_or_flow: 'stock' | 'flow';
  figure: number | null;
  people: number | null;
  independent_sources: number;
}

export interface EventDetail extends EventView {
  claims_list: ClaimDetail[];
  timeline: TimelinePoint[];
}

export class Events {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
    private readonly claims: Claims,
  ) {}

  /** The filter's conditions on the events table (the country filter aside). */
  private conditions(filter: EventFilter): RawBuilder<boolean>[] {
    const c: RawBuilder<boolean>[] = [];
    if (filter.cause) c.push(sql<boolean>`events.cause = ${filter.cause}`);
    if (filter.hazard) c.push(sql<boolean>`events.hazard = ${filter.hazard}`);
    if (filter.from) c.push(sql<boolean>`events.last_date >= ${filter.from}`);
    if (filter.to) c.push(sql<boolean>`events.first_date <= ${filter.to}`);
    if (filter.q) c.push(containsText(this.engine, 'events.name', filter.q));
    return c;
  }

  private filtered(filter: EventFilter) {
    let q = this.db.selectFrom('events').selectAll('events');
    if (filter.country?.length) {
      const countries = filter.country;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('event_countries')
            .select('event_countries.event_id')
            .whereRef('event_countries.event_id', '=', 'events.id')
            .where('event_countries.country', 'in', countries),
        ),
      );
    }
    for (const c of this.conditions(filter)) q = q.where(c);
    return q;
  }

  /** The latest last date an event that began by `to` can have: `to` plus the longest span of
   * any event (an index lookup, migration 015); null when nothing bounds it. */
  private async lastDateBound(to: string): Promise<string | null> {
    const r = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('span_days').as('m'))
      .executeTakeFirst();
    const longest = r?.m === null || r?.m === undefined ? 0 : Number(r.m);
    const day = Date.parse(to.slice(0, 10));
    if (!Number.isFinite(day) || longest >= UNKNOWN_SPAN_DAYS) return null;
    // One day more than needed, in case a stored date carries a time.
    return new Date(day + (longest + 1) * 86_400_000).toISOString().slice(0, 10);
  }

  /**
   * A page of events, newest `coalesce(last_date, '')` first, then id. Every filter reads its
   * page from an index in this order (migrations 013, 015), so a page costs about its rows
   * whatever the number of events: one country through event_countries' copy of the key; cause
   * and hazard through their own indexes; `from` and `to` as a range of the key (`to` widened
   * by the longest event). Several countries or a name alone still walk the events newest first.
   */
  async list(
    filter: EventFilter,
    options: { limit?: number; cursor?: string | null } = {},
  ): Promise<{ items: EventView[]; next: string | null }> {
    const limit = options.limit ?? 50;
    const after = decodeTextCursor(options.cursor);
    const toBound = filter.to ? await this.lastDateBound(filter.to) : null;
    const page = (key: RawBuilder<string>, id: RawBuilder<string>): RawBuilder<boolean>[] => {
      const c: RawBuilder<boolean>[] = [];
      if (filter.from) c.push(sql<boolean>`${key} >= ${filter.from}`);
      if (toBound) c.push(sql<boolean>`${key} <= ${toBound}`);
      if (after) c.push(sql<boolean>`(${key}, ${id}) < (${after[0]}, ${after[1]})`);
      return c;
    };
    let rows: EventRow[];
    if (filter.country?.length === 1) {
      const key = sql<string>`event_countries.last_key`;
      const id = sql<string>`event_countries.event_id`;
      let q = this.db
        .selectFrom('event_countries')
        .innerJoin('events', 'events.id', 'event_countries.event_id')
        .selectAll('events')
        .where('event_countries.country', '=', filter.country[0]!);
      for (const c of [...this.conditions(filter), ...page(key, id)]) q = q.where(c);
      rows = await q
        .orderBy(key, 'desc')
        .orderBy(id, 'desc')
        .limit(limit + 1)
        .execute();
    } else {
      const key = sql<string>`coalesce(events.last_date, '')`;
      let q = this.filtered(filter);
      for (const c of page(key, sql<string>`events.id`)) q = q.where(c);
      rows = await q
        .orderBy(key, 'desc')
        .orderBy('events.id', 'desc')
        .limit(limit + 1)
        .execute();
    }
    const more = rows.length > limit;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    return {
      items: rows.map(rowToEventView),
      next: more && last ? encodeTextCursor(last.last_date, last.id) : null,
    };
  }

  async get(id: string): Promise<EventDetail | null> {
    const row = await this.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const claims = await this.claims.withSources(await this.claims.forEvent(id));
    const timeline = claims
      .filter((c) => c.figure !== null)
      .map((c) => ({
        date: c.stock_or_flow === 'stock' ? c.last_date : c.first_date,
        claim_id: c.id,
        term_class: c.term_class,
        stock_or_flow: c.stock_or_flow,
        figure: c.figure,
        people: c.people?.count ?? null,
        independent_sources: c.independent_sources,
      }))
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.claim_id.localeCompare(b.claim_id));
    return { ...rowToEventView(row), claims_list: claims, timeline };
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Figures per country and month from the matching events (src/figures/monthly.ts). */
  async countryMonths(filter: EventFilter): Promise<CountryMonth[]> {
    const events = await this.filtered({ ...filter, from: undefined, to: undefined }).execute();
    const ids = events.map((e) => e.id);
    const claimRows = ids.length
      ? await this.db
          .selectFrom('claims')
          .selectAll()
          .where('event_id', 'in', ids)
          .orderBy(sql`coalesce(first_date, '')`)
          .orderBy('id')
          .execute()
      : [];
    const byEvent = new Map<string, ReturnType<typeof rowToClaim>[]>();
    for (const r of claimRows) pushTo(byEvent, r.event_id!, rowToClaim(r));
    const plain: DisplacementEvent[] = events.map((e) => {
      const v = rowToEventView(e);
      return {
        id: v.id,
        name: v.name,
        hazardName: v.hazard_name,
        cause: v.cause,
        hazard: v.hazard,
        countries: v.countries,
        places: v.places,
        firstDate: v.first_date,
        lastDate: v.last_date,
        claims: byEvent.get(e.id) ?? [],
      };
    });
    const fromMonth = filter.from?.slice(0, 7);
    const toMonth = filter.to?.slice(0, 7);
    return countryMonthFigures(plain).filter(
      (r) =>
        (!filter.country?.length || filter.country.includes(r.country)) &&
        (!fromMonth || r.month >= fromMonth) &&
        (!toMonth || r.month <= toMonth),
    );
  }
}
