// Writes the current reviews over the stored facts: each fact a review's anchor finds (see
// src/review/anchor.ts) gets the review's status and corrections, keeping the extracted values
// it replaced; a rejected figure also marks facts with the same sentence and figure in other
// articles (syndicated copies). Run inside clustering's transaction before claims are computed,
// so facts written by a new extraction get their reviews back before anything reads them.
import type { Kysely } from 'kysely';
import { anchorOf, matchAnchor, quoteKey, type QuantityAt } from '../../review/anchor.js';
import {
  correctable,
  correctRow,
  CORRECTABLE_COLUMNS,
  type CorrectableRow,
} from '../../review/corrections.js';
import type { Corrections, EventReview, FactAnchor } from '../../review/types.js';
import type { Database } from '../schema.js';

// A transaction, or the store inside one (a batch of extractions joins the caller's transaction).
type Trx = Kysely<Database>;
const CHUNK = 400;
/** What a fact's review_status says for each action. */
const STATUS: Record<string, string> = { confirm: 'confirmed', correct: 'corrected', reject: 'rejected' };

interface FactState extends CorrectableRow {
  id: number;
  article_id: number;
  span_start: number;
  quantity_start: number;
  quantity_end: number;
  evidence: string;
  review_id: number | null;
  review_status: string | null;
  review_original: string | null;
}

interface Candidate {
  reviewId: number;
  direct: boolean;
}

interface LoadedReview {
  id: number;
  action: string;
  corrections: Corrections | null;
  updatedAt: number;
}

const FACT_COLUMNS = [
  'id',
  'article_id',
  'span_start',
  'quantity_start',
  'quantity_end',
  'evidence',
  'review_id',
  'review_status',
  'review_original',
  ...CORRECTABLE_COLUMNS,
] as const;

/** The fact as extracted: the stored row with any correction undone. */
function extracted(f: FactState): FactState {
  if (!f.review_original) return f;
  return { ...f, ...(JSON.parse(f.review_original) as CorrectableRow) };
}

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/** `figure_key` is the indexed figure (facts_figure_key). */
async function factsWhere(trx: Trx, column: 'article_id' | 'figure_key' | 'id', values: number[]) {
  const out: FactState[] = [];
  for (const part of chunks([...new Set(values)]))
    out.push(
      ...((await trx
        .selectFrom('facts')
        .select(FACT_COLUMNS)
        .where(column, 'in', part)
        .execute()) as FactState[]),
    );
  return out;
}

/**
 * Whether applying the reviews to the facts of `articleIds` can change any: an anchor on one of
 * the articles, a rejection anywhere (it reaches copies by their quote), or a fact that carries
 * a review's state (to be undone when its review has gone). Without any of them each fact's
 * state is already what applyFactReviews would write (no review, the extracted values), so it
 * need not read the facts: the case of every newly extracted batch in a store without rejections
 * and of the clustering job after it.
 */
async function anyReviewReaches(trx: Trx, articleIds: number[]): Promise<boolean> {
  const rejection = await trx
    .selectFrom('review_anchors')
    .innerJoin('reviews', 'reviews.id', 'review_anchors.review_id')
    .select('review_anchors.review_id')
    .where('reviews.action', '=', 'reject')
    .limit(1)
    .executeTakeFirst();
  if (rejection) return true;
  for (const part of chunks([...new Set(articleIds)])) {
    const anchored = await trx
      .selectFrom('review_anchors')
      .select('review_id')
      .where('article_id', 'in', part)
      .limit(1)
      .executeTakeFirst();
    if (anchored) return true;
    const reviewed = await trx
      .selectFrom('facts')
      .select('id')
      .where('article_id', 'in', part)
      .where((eb) =>
        eb.or([
          eb('review_id', 'is not', null),
          eb('review_status', 'is not', null),
          eb('review_original', 'is not', null),
        ]),
      )
      .limit(1)
      .executeTakeFirst();
    if (reviewed) return true;
  }
  return false;
}

/**
 * Applies the reviews to the facts of `articleIds`, or to every fact a review touches when
 * null. Returns the ids of the articles whose facts changed.
 */
export async function applyFactReviews(trx: Trx, articleIds: number[] | null): Promise<Set<number>> {
  // 1. The facts in question.
  let facts: FactState[];
  if (articleIds) {
    if (!(await anyReviewReaches(trx, articleIds))) return new Set();
    facts = await factsWhere(trx, 'article_id', articleIds);
  }
  else {
    const anchored = await trx.selectFrom('review_anchors').select('article_id').distinct().execute();
    const reviewed = await trx
      .selectFrom('facts')
      .select('article_id')
      .distinct()
      .where('review_id', 'is not', null)
      .execute();
    const rejectedFigures = await trx
      .selectFrom('review_anchors')
      .innerJoin('reviews', 'reviews.id', 'review_anchors.review_id')
      .select('review_anchors.figure')
      .distinct()
      .where('reviews.action', '=', 'reject')
      .where('review_anchors.figure', 'is not', null)
      .execute();
    const byArticle = await factsWhere(
      trx,
      'article_id',
      [...anchored, ...reviewed].map((r) => r.article_id),
    );
    const byFigure = await factsWhere(
      trx,
      'figure_key',
      rejectedFigures.map((r) => r.figure!),
    );
    const seen = new Map<number, FactState>();
    for (const f of [...byArticle, ...byFigure]) seen.set(f.id, f);
    facts = [...seen.values()];
  }
  if (facts.length === 0) return new Set();
  const originals = new Map(facts.map((f) => [f.id, extracted(f)]));
  const keyOf = new Map([...originals.values()].map((f) => [f.id, quoteKey(f.evidence, f.figure, f.vague)]));

  // 2. The anchors that can reach them: of their articles, and rejections quoting them.
  const anchorRows = [];
  for (const part of chunks([...new Set(facts.map((f) => f.article_id))]))
    anchorRows.push(
      ...(await trx.selectFrom('review_anchors').selectAll().where('article_id', 'in', part).execute()),
    );
  for (const part of chunks([...new Set(keyOf.values())]))
    anchorRows.push(
      ...(await trx
        .selectFrom('review_anchors')
        .innerJoin('reviews', 'reviews.id', 'review_anchors.review_id')
        .selectAll('review_anchors')
        .where('reviews.action', '=', 'reject')
        .where('review_anchors.quote_key', 'in', part)
        .execute()),
    );
  const reviews = new Map<number, LoadedReview>();
  for (const part of chunks([...new Set(anchorRows.map((a) => a.review_id))]))
    for (const r of await trx.selectFrom('reviews').selectAll().where('id', 'in', part).execute())
      reviews.set(r.id, {
        id: r.id,
        action: r.action,
        corrections: r.action === 'correct' && r.changes ? (JSON.parse(r.changes) as Corrections) : null,
        updatedAt: Number(r.updated_at),
      });

  // 3. Which review each fact gets: its own (the latest) over a copy's rejection.
  const positions: QuantityAt[] = [...originals.values()].map((f) => ({
    id: f.id,
    articleId: f.article_id,
    quantityStart: f.quantity_start,
    quantityEnd: f.quantity_end,
    term: f.term,
  }));
  const byArticle = new Map<number, QuantityAt[]>();
  for (const p of positions) byArticle.set(p.articleId, [...(byArticle.get(p.articleId) ?? []), p]);
  const candidates = new Map<number, Candidate[]>();
  const push = (factId: number, c: Candidate) =>
    candidates.set(factId, [...(candidates.get(factId) ?? []), c]);
  const seenAnchor = new Set<string>();
  for (const a of anchorRows) {
    const k = `${a.review_id}:${a.article_id}:${a.quantity_start}:${a.term}`;
    if (seenAnchor.has(k)) continue;
    seenAnchor.add(k);
    const anchor: FactAnchor = {
      articleId: a.article_id,
      quantityStart: a.quantity_start,
      quantityEnd: a.quantity_end,
      quantity: a.quantity,
      term: a.term,
      figure: a.figure,
      vague: a.vague,
      quoteKey: a.quote_key,
    };
    const hit = matchAnchor(anchor, byArticle.get(a.article_id) ?? []);
    if (hit !== null) push(hit, { reviewId: a.review_id, direct: true });
    if (reviews.get(a.review_id)?.action === 'reject')
      for (const [id, key] of keyOf)
        if (key === a.quote_key && id !== hit) push(id, { reviewId: a.review_id, direct: false });
  }

  // 4. Write the facts whose state changes.
  const changed = new Set<number>();
  const stored = new Map(facts.map((f) => [f.id, f]));
  for (const [id, original] of originals) {
    const current = stored.get(id)!;
    const win = (candidates.get(id) ?? [])
      .map((c) => ({ ...c, review: reviews.get(c.reviewId)! }))
      .filter((c) => c.review)
      .sort(
        (a, b) =>
          Number(b.direct) - Number(a.direct) ||
          b.review.updatedAt - a.review.updatedAt ||
          b.review.id - a.review.id,
      )[0];
    const status = win ? (STATUS[win.review.action] ?? null) : null;
    const row = win?.review.corrections
      ? correctRow(original, win.review.corrections)
      : correctable(original);
    const next = {
      ...correctable(row),
      review_id: win?.review.id ?? null,
      review_status: status,
      review_original: win?.review.corrections ? JSON.stringify(correctable(original)) : null,
    };
    const same =
      next.review_id === current.review_id &&
      next.review_status === current.review_status &&
      next.review_original === current.review_original &&
      CORRECTABLE_COLUMNS.every((k) => next[k] === current[k]);
    if (same) continue;
    await trx.updateTable('facts').set(next).where('id', '=', id).execute();
    changed.add(current.article_id);
  }
  return changed;
}

/** Every merge and split, for clustering to apply to the events it computes. */
export async function loadEventReviews(trx: Trx): Promise<EventReview[]> {
  const rows = await trx
    .selectFrom('reviews')
    .select(['id', 'action', 'target_id', 'changes'])
    .where('action', 'in', ['merge', 'split'])
    .orderBy('id')
    .execute();
  return rows.map((r): EventReview => {
    const c = JSON.parse(r.changes ?? '{}') as Record<string, unknown>;
    return r.action === 'merge'
      ? {
          id: r.id,
          action: 'merge',
          eventId: r.target_id,
          intoClaims: c.into_claims as string[],
          fromClaims: c.from_claims as string[],
        }
      : {
          id: r.id,
          action: 'split',
          eventId: r.target_id,
          newEventId: c.new_event_id as string,
          claims: c.claims as string[],
        };
  });
}

export { anchorOf };
