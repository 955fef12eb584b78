// Events as the API lists them (newest first, keyset pages), one event with its claims,
// sources and timeline, and the per country-month figures computed from the stored claims.
import { pushTo } from '../../claims/groupBy.js';
import { sql, type Kysely } from 'kysely';
import type { DisplacementEvent } from '../../events/types.js';
import { countryMonthFigures, type CountryMonth } from '../../figures/monthly.js';
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
    if (filter.cause) q = q.where('events.cause', '=', filter.cause);
    if (filter.hazard) q = q.where('events.hazard', '=', filter.hazard);
    if (filter.from) q = q.where('events.last_date', '>=', filter.from);
    if (filter.to) q = q.where('events.first_date', '<=', filter.to);
    if (filter.q) q = q.where(containsText(this.engine, 'events.name', filter.q));
    return q;
  }

  async list(
    filter: EventFilter,
    options: { limit?: number; cursor?: string | null } = {},
  ): Promise<{ items: EventView[]; next: string | null }> {
    const limit = options.limit ?? 50;
    const after = decodeTextCursor(options.cursor);
    let q = this.filtered(filter);
    if (after)
      q = q.where(sql<boolean>`(coalesce(events.last_date, ''), events.id) < (${after[0]}, ${after[1]})`);
    const rows = await q
      .orderBy(sql`coalesce(events.last_date, '') desc`)
      .orderBy('events.id', 'desc')
      .limit(limit + 1)
      .execute();
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
