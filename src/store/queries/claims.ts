// Claims as the API lists them: filtered, newest first, keyset pages; one claim with every
// report behind it, grouped into independent sources.
import { pushTo } from '../../claims/groupBy.js';
import { sql, type Kysely } from 'kysely';
import { sourceGroups } from '../../claims/independence.js';
import type { ClaimFact } from '../../claims/types.js';
import type { Database } from '../schema.js';
import { decodeTextCursor, encodeTextCursor } from './claimCursor.js';
import { loadClaimFacts } from './claimFacts.js';
import { rowToClaimView, type ClaimView } from './claimViews.js';

export interface ClaimFilter {
  country?: string[];
  term?: string[];
  termClass?: string;
  cause?: string;
  hazard?: string;
  /** YYYY-MM-DD: claims whose dates reach into [from, to]. */
  from?: string;
  to?: string;
  eventId?: string;
  minSources?: number;
}

export interface ClaimSource {
  /** Outlets of the reports that count as this one source. */
  outlets: string[];
  reports: {
    fact_id: number;
    article_id: number;
    url: string | null;
    title: string | null;
    published: string | null;
    outlet: string | null;
    copy_of: number | null;
    copies: number;
    term: string;
    figure: number | null;
    qualifier: string;
    evidence: string;
  }[];
}

export interface ClaimDetail extends ClaimView {
  sources: ClaimSource[];
}

export function groupSources(facts: ClaimFact[]): ClaimSource[] {
  return sourceGroups(facts).map((group) => ({
    outlets: [...new Set(group.map((f) => f.outlet).filter((o): o is string => o !== null))],
    reports: group.map((f) => ({
      fact_id: f.factId,
      article_id: f.articleId,
      url: f.url,
      title: f.title,
      published: f.published,
      outlet: f.outlet,
      copy_of: f.originalArticleId,
      copies: f.copies,
      term: f.term,
      figure: f.figure,
      qualifier: f.qualifier,
      evidence: f.evidence,
    })),
  }));
}

export class Claims {
  constructor(private readonly db: Kysely<Database>) {}

  async list(
    filter: ClaimFilter,
    options: { limit?: number; cursor?: string | null } = {},
  ): Promise<{ items: ClaimView[]; next: string | null }> {
    const limit = options.limit ?? 50;
    const after = decodeTextCursor(options.cursor);
    let q = this.db.selectFrom('claims').selectAll();
    if (filter.country?.length) q = q.where('country', 'in', filter.country);
    if (filter.term?.length) q = q.where('term', 'in', filter.term);
    if (filter.termClass) q = q.where('term_class', '=', filter.termClass);
    if (filter.cause) q = q.where('cause', '=', filter.cause);
    if (filter.hazard) q = q.where('hazard', '=', filter.hazard);
    if (filter.from) q = q.where('last_date', '>=', filter.from);
    if (filter.to) q = q.where('first_date', '<=', filter.to);
    if (filter.eventId) q = q.where('event_id', '=', filter.eventId);
    if (filter.minSources !== undefined) q = q.where('independent_sources', '>=', filter.minSources);
    if (after) q = q.where(sql<boolean>`(coalesce(last_date, ''), id) < (${after[0]}, ${after[1]})`);
    const rows = await q
      .orderBy(sql`coalesce(last_date, '') desc`)
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const more = rows.length > limit;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    return {
      items: rows.map(rowToClaimView),
      next: more && last ? encodeTextCursor(last.last_date, last.id) : null,
    };
  }

  async get(id: string): Promise<ClaimDetail | null> {
    const row = await this.db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const [detail] = await this.withSources([rowToClaimView(row)]);
    return detail!;
  }

  /** Every claim of an event, earliest first. */
  async forEvent(eventId: string): Promise<ClaimView[]> {
    const rows = await this.db
      .selectFrom('claims')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy(sql`coalesce(first_date, '')`)
      .orderBy('id')
      .execute();
    return rows.map(rowToClaimView);
  }

  /** The claims with the reports behind each, grouped into independent sources. */
  async withSources(claims: ClaimView[]): Promise<ClaimDetail[]> {
    if (claims.length === 0) return [];
    const links = await this.db
      .selectFrom('claim_facts')
      .select(['fact_id', 'claim_id'])
      .where(
        'claim_id',
        'in',
        claims.map((c) => c.id),
      )
      .execute();
    const facts = await loadClaimFacts(
      this.db,
      null,
      links.map((l) => l.fact_id),
    );
    const byId = new Map(facts.map((f) => [f.factId, f]));
    const byClaim = new Map<string, ClaimFact[]>();
    for (const l of links) {
      const f = byId.get(l.fact_id);
      if (f) pushTo(byClaim, l.claim_id, f);
    }
    return claims.map((c) => ({ ...c, sources: groupSources(byClaim.get(c.id) ?? []) }));
  }
}
