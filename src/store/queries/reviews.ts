// Reviews: an analyst confirms, corrects or rejects a fact or a claim, or merges and splits
// events. One current review per target (a later one replaces it); every change goes into the
// audit log with the target before and after. A review, its effect on facts, claims and events,
// and its audit entry commit together.
import type { Kysely, Transaction } from 'kysely';
import { stableId } from '../../claims/stableId.js';
import { DmonError } from '../../errors.js';
import { anchorOf, quoteKey } from '../../review/anchor.js';
import { checkCorrections } from '../../review/corrections.js';
import type { Corrections, FactAnchor, ReviewAction, ReviewTarget } from '../../review/types.js';
import type { FactRow } from '../schema.js';
import type { Database } from '../schema.js';
import type { AuditRow, ReviewRow } from '../reviewsSchema.js';
import { rowToFactView, type FactView } from '../views.js';
import { rowToClaimView, rowToEventView } from './claimViews.js';
import type { Clustering } from './clustering.js';
import { decodeCursor, encodeCursor } from './cursor.js';

type Trx = Transaction<Database>;

export interface ReviewView {
  id: number;
  target_kind: ReviewTarget;
  /** The fact, claim or event id when the review was made (fact ids change on re-extraction;
   * `fact_ids` has the current ones). */
  target_id: string;
  action: ReviewAction;
  /** correct: the corrections; merge: {other, into_claims, from_claims}; split: {claims, new_event_id}. */
  changes: Record<string, unknown> | null;
  note: string | null;
  reviewer: string;
  /** The target as it was first reviewed: for facts, the rule (`reason`) and confidence. */
  snapshot: Record<string, unknown>;
  /** The stored facts the review applies to now, syndicated copies of a rejected one included. */
  fact_ids: number[];
  created_at: number;
  updated_at: number;
}

export interface AuditEntry {
  id: number;
  at: number;
  /** The token's name (or the CLI user). */
  actor: string;
  action: ReviewAction;
  target_kind: ReviewTarget;
  target_id: string;
  review_id: number | null;
  before: unknown;
  after: unknown;
}

export interface ReviewFilter {
  targetKind?: ReviewTarget;
  targetId?: string;
  action?: ReviewAction[];
  reviewer?: string;
  /** Epoch ms, inclusive, on the time the review was last changed. */
  since?: number;
  until?: number;
}

export interface AuditFilter {
  targetKind?: ReviewTarget;
  targetId?: string;
  action?: ReviewAction[];
  actor?: string;
}

export interface FactReviewInput {
  action: 'confirm' | 'correct' | 'reject';
  /** Required for correct. */
  changes?: unknown;
  note?: string | null;
}

/** A reviewed fact's outcome, for per-rule precision and calibration (src/review/precision.ts). */
export interface ReviewOutcome {
  review_id: number;
  target_kind: 'fact' | 'claim';
  action: 'confirm' | 'correct' | 'reject';
  /** The rule that produced the fact (the fact's `reason`), its term and confidence when reviewed. */
  rule: string;
  term: string;
  confidence: number;
  /** Which fields the correction changed. */
  corrected: string[];
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

function factSnapshot(f: FactRow, original: Record<string, unknown> | null) {
  const view = rowToFactView({
    ...f,
    ...(original ?? {}),
    review_id: null,
    review_status: null,
    review_original: null,
  });
  return {
    fact_id: f.id,
    article_id: f.article_id,
    term: view.term,
    figure: view.figure,
    qualifier: view.qualifier,
    unit: view.unit,
    country: view.country,
    evidence: view.evidence,
    reason: f.reason,
    confidence: f.confidence,
    extractor_version: f.extractor_version,
  };
}

export class Reviews {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clustering: Clustering,
  ) {}

  // ---- writing -------------------------------------------------------------------------

  async reviewFact(factId: number, input: FactReviewInput, actor: string): Promise<ReviewView> {
    const corrections = this.corrections(input);
    return this.db.transaction().execute(async (trx) => {
      // Two reviewers at once: one after the other, so one key never gets two rows.
      await this.clustering.lock(trx);
      const fact = await trx.selectFrom('facts').selectAll().where('id', '=', factId).executeTakeFirst();
      if (!fact) throw new DmonError('NOT_FOUND', `fact ${factId} does not exist`);
      const anchor = this.anchor(fact);
      const before = rowToFactView(fact);
      const id = await this.upsert(trx, {
        key: `fact:${anchor.articleId}:${anchor.quantityStart}:${anchor.term}`,
        target_kind: 'fact',
        target_id: String(factId),
        action: input.action,
        changes: corrections,
        note: input.note ?? null,
        actor,
        snapshot: factSnapshot(fact, parse(fact.review_original) as Record<string, unknown> | null),
        anchors: [anchor],
      });
      const current = await this.currentFact(trx, id, anchor);
      const after = current ? rowToFactView(current) : null;
      await this.audit(trx, {
        actor,
        action: input.action,
        kind: 'fact',
        target: String(factId),
        id,
        before,
        after,
      });
      return this.view(trx, id);
    });
  }

  async reviewClaim(claimId: string, input: FactReviewInput, actor: string): Promise<ReviewView> {
    const corrections = this.corrections(input);
    return this.db.transaction().execute(async (trx) => {
      // Two reviewers at once: one after the other, so one key never gets two rows.
      await this.clustering.lock(trx);
      const claim = await trx.selectFrom('claims').selectAll().where('id', '=', claimId).executeTakeFirst();
      if (!claim) throw new DmonError('NOT_FOUND', `claim ${claimId} does not exist`);
      const facts = await trx
        .selectFrom('facts')
        .innerJoin('claim_facts', 'claim_facts.fact_id', 'facts.id')
        .selectAll('facts')
        .where('claim_facts.claim_id', '=', claimId)
        .orderBy('facts.id')
        .execute();
      if (facts.length === 0)
        throw new DmonError('CONFLICT', `claim ${claimId} has no stored facts left; list claims again`);
      const before = rowToClaimView(claim);
      const lead = facts.find((f) => f.id === claim.lead_fact_id) ?? facts[0]!;
      const id = await this.upsert(trx, {
        key: `claim:${claimId}`,
        target_kind: 'claim',
        target_id: claimId,
        action: input.action,
        changes: corrections,
        note: input.note ?? null,
        actor,
        snapshot: {
          ...before,
          fact_count: facts.length,
          lead: factSnapshot(lead, parse(lead.review_original) as Record<string, unknown> | null),
        },
        anchors: facts.map((f) => this.anchor(f)),
      });
      const leadAnchor = this.anchor(lead);
      const leadNow = await this.currentFact(trx, id, leadAnchor);
      const link = leadNow
        ? await trx
            .selectFrom('claim_facts')
            .select('claim_id')
            .where('fact_id', '=', leadNow.id)
            .executeTakeFirst()
        : undefined;
      const claimNow = link
        ? await trx.selectFrom('claims').selectAll().where('id', '=', link.claim_id).executeTakeFirst()
        : undefined;
      await this.audit(trx, {
        actor,
        action: input.action,
        kind: 'claim',
        target: claimId,
        id,
        before,
        after: claimNow ? rowToClaimView(claimNow) : null,
      });
      return this.view(trx, id);
    });
  }

  /** Merges event `otherId` into `eventId`, which keeps its id. */
  async merge(eventId: string, otherId: string, note: string | null, actor: string): Promise<ReviewView> {
    if (eventId === otherId) throw new DmonError('USAGE', `cannot merge event ${eventId} with itself`);
    return this.db.transaction().execute(async (trx) => {
      // Two reviewers at once: one after the other, so one key never gets two rows.
      await this.clustering.lock(trx);
      const [into, from] = [await this.eventRow(trx, eventId), await this.eventRow(trx, otherId)];
      const intoClaims = await this.claimIds(trx, eventId);
      const fromClaims = await this.claimIds(trx, otherId);
      const before = { event: rowToEventView(into), other: rowToEventView(from) };
      const id = await this.upsertEventReview(trx, {
        key: `merge:${eventId}:${otherId}`,
        action: 'merge',
        target: eventId,
        changes: { other: otherId, into_claims: intoClaims, from_claims: fromClaims },
        note,
        actor,
        snapshot: before,
        articles: await this.eventArticles(trx, [eventId, otherId]),
      });
      const after = await trx.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
      await this.audit(trx, {
        actor,
        action: 'merge',
        kind: 'event',
        target: eventId,
        id,
        before,
        after: after ? rowToEventView(after) : null,
      });
      return this.view(trx, id);
    });
  }

  /** Moves `claimIds` out of event `eventId` into a new event; returns the review (its
   * changes.new_event_id names the new event). */
  async split(eventId: string, claimIds: string[], note: string | null, actor: string): Promise<ReviewView> {
    const moving = [...new Set(claimIds)].sort();
    if (moving.length === 0) throw new DmonError('USAGE', 'a split needs at least one claim to move');
    return this.db.transaction().execute(async (trx) => {
      // Two reviewers at once: one after the other, so one key never gets two rows.
      await this.clustering.lock(trx);
      const event = await this.eventRow(trx, eventId);
      const claims = await this.claimIds(trx, eventId);
      const foreign = moving.filter((c) => !claims.includes(c));
      if (foreign.length)
        throw new DmonError(
          'USAGE',
          `claim ${foreign[0]} is not in event ${eventId}; its claims are ${claims.slice(0, 5).join(', ')}${claims.length > 5 ? ', …' : ''}`,
        );
      if (moving.length === claims.length)
        throw new DmonError('USAGE', `a split must leave at least one claim in event ${eventId}`);
      const newEventId = stableId('e', `split:${eventId}:${moving.join(',')}`);
      const before = { event: rowToEventView(event) };
      const id = await this.upsertEventReview(trx, {
        key: `split:${eventId}:${newEventId}`,
        action: 'split',
        target: eventId,
        changes: { claims: moving, new_event_id: newEventId },
        note,
        actor,
        snapshot: before,
        articles: await this.eventArticles(trx, [eventId]),
      });
      const rows = await trx
        .selectFrom('events')
        .selectAll()
        .where('id', 'in', [eventId, newEventId])
        .execute();
      const find = (x: string) => rows.find((r) => r.id === x);
      await this.audit(trx, {
        actor,
        action: 'split',
        kind: 'event',
        target: eventId,
        id,
        before,
        after: {
          event: find(eventId) ? rowToEventView(find(eventId)!) : null,
          new_event: find(newEventId) ? rowToEventView(find(newEventId)!) : null,
        },
      });
      return this.view(trx, id);
    });
  }

  // ---- reading -------------------------------------------------------------------------

  async get(id: number): Promise<ReviewView | null> {
    const row = await this.db.selectFrom('reviews').select('id').where('id', '=', id).executeTakeFirst();
    return row ? this.view(this.db, id) : null;
  }

  /** Current reviews, most recently changed first, keyset pages. */
  async list(
    filter: ReviewFilter,
    options: { limit?: number; cursor?: string | null } = {},
  ): Promise<{ items: ReviewView[]; next: string | null }> {
    const limit = options.limit ?? 50;
    const after = decodeCursor(options.cursor);
    let q = this.db.selectFrom('reviews').selectAll();
    if (filter.targetKind) q = q.where('target_kind', '=', filter.targetKind);
    if (filter.targetId) q = q.where('target_id', '=', filter.targetId);
    if (filter.action?.length) q = q.where('action', 'in', filter.action);
    if (filter.reviewer) q = q.where('reviewer', '=', filter.reviewer);
    if (filter.since !== undefined) q = q.where('updated_at', '>=', filter.since);
    if (filter.until !== undefined) q = q.where('updated_at', '<=', filter.until);
    if (after)
      q = q.where((eb) =>
        eb.or([
          eb('updated_at', '<', Number(after[0])),
          eb.and([eb('updated_at', '=', Number(after[0])), eb('id', '<', after[1])]),
        ]),
      );
    const rows = await q
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const more = rows.length > limit;
    if (more) rows.pop();
    const items = await this.views(this.db, rows);
    const last = rows[rows.length - 1];
    return { items, next: more && last ? encodeCursor([Number(last.updated_at), last.id]) : null };
  }

  /** The audit log, newest first, keyset pages. */
  async log(
    filter: AuditFilter,
    options: { limit?: number; cursor?: string | null } = {},
  ): Promise<{ items: AuditEntry[]; next: string | null }> {
    const limit = options.limit ?? 50;
    const after = decodeCursor(options.cursor);
    let q = this.db.selectFrom('audit_log').selectAll();
    if (filter.targetKind) q = q.where('target_kind', '=', filter.targetKind);
    if (filter.targetId) q = q.where('target_id', '=', filter.targetId);
    if (filter.action?.length) q = q.where('action', 'in', filter.action);
    if (filter.actor) q = q.where('actor', '=', filter.actor);
    if (after) q = q.where('id', '<', after[1]);
    const rows = await q
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const more = rows.length > limit;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    return { items: rows.map(auditView), next: more && last ? encodeCursor([null, last.id]) : null };
  }

  /** Every fact and claim review with what the reviewed facts were: the input of per-rule
   * precision and of calibration from reviews. A claim review counts once, for its lead fact. */
  async outcomes(): Promise<ReviewOutcome[]> {
    const rows = await this.db
      .selectFrom('reviews')
      .select(['id', 'target_kind', 'action', 'changes', 'snapshot'])
      .where('target_kind', 'in', ['fact', 'claim'])
      .orderBy('id')
      .execute();
    return rows.map((r) => {
      const snap = JSON.parse(r.snapshot) as Record<string, unknown>;
      const fact = (r.target_kind === 'claim' ? snap.lead : snap) as Record<string, unknown>;
      return {
        review_id: r.id,
        target_kind: r.target_kind as 'fact' | 'claim',
        action: r.action as 'confirm' | 'correct' | 'reject',
        rule: String(fact.reason ?? 'unknown'),
        term: String(fact.term ?? 'unknown'),
        confidence: Number(fact.confidence ?? 0),
        corrected: r.changes ? Object.keys(JSON.parse(r.changes) as object) : [],
      };
    });
  }

  // ---- helpers -------------------------------------------------------------------------

  private corrections(input: FactReviewInput): Corrections | null {
    if (input.action === 'correct') {
      if (input.changes === undefined || input.changes === null)
        throw new DmonError('USAGE', 'a correction needs "changes", e.g. {"figure": 19000}');
      return checkCorrections(input.changes);
    }
    if (input.changes !== undefined && input.changes !== null)
      throw new DmonError('USAGE', `"changes" go with action "correct" only, not "${input.action}"`);
    return null;
  }

  /** The anchor of a stored fact, from what was extracted (a correction undone). */
  private anchor(f: FactRow): FactAnchor {
    const original = parse(f.review_original) as Partial<FactRow> | null;
    return anchorOf({ ...f, ...(original ?? {}) });
  }

  private async upsert(
    trx: Trx,
    r: {
      key: string;
      target_kind: 'fact' | 'claim';
      target_id: string;
      action: 'confirm' | 'correct' | 'reject';
      changes: Corrections | null;
      note: string | null;
      actor: string;
      snapshot: unknown;
      anchors: FactAnchor[];
    },
  ): Promise<number> {
    const now = Date.now();
    const existing = await trx.selectFrom('reviews').select('id').where('key', '=', r.key).executeTakeFirst();
    const previousArticles = existing ? await this.touchedArticles(trx, existing.id) : [];
    let id: number;
    if (existing) {
      id = existing.id;
      await trx
        .updateTable('reviews')
        .set({ action: r.action, changes: json(r.changes), note: r.note, reviewer: r.actor, updated_at: now })
        .where('id', '=', id)
        .execute();
      await trx.deleteFrom('review_anchors').where('review_id', '=', id).execute();
    } else {
      const row = await trx
        .insertInto('reviews')
        .values({
          key: r.key,
          target_kind: r.target_kind,
          target_id: r.target_id,
          action: r.action,
          changes: json(r.changes),
          note: r.note,
          reviewer: r.actor,
          snapshot: JSON.stringify(r.snapshot),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    await trx
      .insertInto('review_anchors')
      .values(
        r.anchors.map((a) => ({
          review_id: id,
          article_id: a.articleId,
          quantity_start: a.quantityStart,
          quantity_end: a.quantityEnd,
          quantity: a.quantity,
          term: a.term,
          figure: a.figure,
          vague: a.vague,
          quote_key: a.quoteKey,
        })),
      )
      .execute();
    // The articles whose facts change: the anchors', the copies a rejection reaches, and those
    // the review applied to before (a rejection replaced by a confirmation frees its copies).
    const articles = new Set([...previousArticles, ...r.anchors.map((a) => a.articleId)]);
    if (r.action === 'reject') for (const a of await this.copyArticles(trx, r.anchors)) articles.add(a);
    await this.clustering.updateInTransaction(trx, [...articles]);
    return id;
  }

  private async upsertEventReview(
    trx: Trx,
    r: {
      key: string;
      action: 'merge' | 'split';
      target: string;
      changes: Record<string, unknown>;
      note: string | null;
      actor: string;
      snapshot: unknown;
      articles: number[];
    },
  ): Promise<number> {
    const now = Date.now();
    const existing = await trx.selectFrom('reviews').select('id').where('key', '=', r.key).executeTakeFirst();
    let id: number;
    if (existing) {
      id = existing.id;
      await trx
        .updateTable('reviews')
        .set({ changes: json(r.changes), note: r.note, reviewer: r.actor, updated_at: now })
        .where('id', '=', id)
        .execute();
    } else {
      const row = await trx
        .insertInto('reviews')
        .values({
          key: r.key,
          target_kind: 'event',
          target_id: r.target,
          action: r.action,
          changes: json(r.changes),
          note: r.note,
          reviewer: r.actor,
          snapshot: JSON.stringify(r.snapshot),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    await this.clustering.updateInTransaction(trx, r.articles);
    return id;
  }

  /** Articles with facts carrying the same sentence and figure as a rejected anchor. */
  private async copyArticles(trx: Trx, anchors: FactAnchor[]): Promise<number[]> {
    const out = new Set<number>();
    for (const a of anchors) {
      if (a.figure === null) continue;
      const rows = await trx
        .selectFrom('facts')
        .select(['article_id', 'evidence', 'figure', 'vague', 'review_original'])
        // figure_key: the figure's indexed column.
        .where('figure_key', '=', a.figure)
        .execute();
      for (const f of rows) {
        const o = parse(f.review_original) as { figure?: number | null; vague?: string | null } | null;
        const key = quoteKey(f.evidence, o ? (o.figure ?? null) : f.figure, o ? (o.vague ?? null) : f.vague);
        if (key === a.quoteKey) out.add(f.article_id);
      }
    }
    return [...out];
  }

  private async touchedArticles(trx: Trx | Kysely<Database>, reviewId: number): Promise<number[]> {
    const rows = await trx
      .selectFrom('facts')
      .select('article_id')
      .distinct()
      .where('review_id', '=', reviewId)
      .execute();
    return rows.map((r) => r.article_id);
  }

  private async currentFact(trx: Trx, reviewId: number, anchor: FactAnchor): Promise<FactRow | undefined> {
    const rows = await trx
      .selectFrom('facts')
      .selectAll()
      .where('review_id', '=', reviewId)
      .where('article_id', '=', anchor.articleId)
      .execute();
    return (
      rows.find((r) => r.quantity_start < anchor.quantityEnd && anchor.quantityStart < r.quantity_end) ??
      rows[0]
    );
  }

  private async eventRow(trx: Trx, id: string) {
    const row = await trx.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new DmonError('NOT_FOUND', `event ${id} does not exist`);
    return row;
  }

  private async claimIds(trx: Trx, eventId: string): Promise<string[]> {
    const rows = await trx
      .selectFrom('claims')
      .select('id')
      .where('event_id', '=', eventId)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  private async eventArticles(trx: Trx, eventIds: string[]): Promise<number[]> {
    const rows = await trx
      .selectFrom('claim_facts')
      .innerJoin('claims', 'claims.id', 'claim_facts.claim_id')
      .select('claim_facts.article_id')
      .distinct()
      .where('claims.event_id', 'in', eventIds)
      .execute();
    return rows.map((r) => r.article_id);
  }

  private async audit(
    trx: Trx,
    e: {
      actor: string;
      action: ReviewAction;
      kind: ReviewTarget;
      target: string;
      id: number;
      before: unknown;
      after: unknown;
    },
  ): Promise<void> {
    await trx
      .insertInto('audit_log')
      .values({
        at: Date.now(),
        actor: e.actor,
        action: e.action,
        target_kind: e.kind,
        target_id: e.target,
        review_id: e.id,
        before: json(e.before),
        after: json(e.after),
      })
      .execute();
  }

  private async view(db: Trx | Kysely<Database>, id: number): Promise<ReviewView> {
    const row = await db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return (await this.views(db, [row]))[0]!;
  }

  private async views(db: Trx | Kysely<Database>, rows: ReviewRow[]): Promise<ReviewView[]> {
    if (rows.length === 0) return [];
    const facts = await db
      .selectFrom('facts')
      .select(['id', 'review_id'])
      .where(
        'review_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      target_kind: r.target_kind as ReviewTarget,
      target_id: r.target_id,
      action: r.action as ReviewAction,
      changes: parse(r.changes) as Record<string, unknown> | null,
      note: r.note,
      reviewer: r.reviewer,
      snapshot: JSON.parse(r.snapshot) as Record<string, unknown>,
      fact_ids: facts.filter((f) => f.review_id === r.id).map((f) => f.id),
      created_at: Number(r.created_at),
      updated_at: Number(r.updated_at),
    }));
  }
}

function auditView(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: Number(r.at),
    actor: r.actor,
    action: r.action as ReviewAction,
    target_kind: r.target_kind as ReviewTarget,
    target_id: r.target_id,
    review_id: r.review_id,
    before: parse(r.before),
    after: parse(r.after),
  };
}

export type { FactView };
