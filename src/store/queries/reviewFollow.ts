// A claim review covers the later reports of its figure. When a reviewer confirms, corrects or
// rejects a claim, the review is anchored to the claim's facts of that moment; a report that
// arrives later is another fact, which no anchor names. So after clustering, each new fact no
// review covers yet is given a claim review when it reports the reviewed figure: it agrees with
// the reviewed facts as extracted (same figure up to rounding, place, date: the corroboration
// rule), or, for a confirmation or correction, it joined the reviewed claim. It is anchored to
// that review like the others, so the review also survives its re-extraction; a rejected figure
// thus stays out of the claims wherever it recurs, in copies or in new wording.
import type { Kysely } from 'kysely';
import { factOrder, joinsClaim } from '../../claims/corroborate.js';
import type { ClaimFact } from '../../claims/types.js';
import { anchorOf } from '../../review/anchor.js';
import type { Database } from '../schema.js';
import { loadClaimFacts } from './claimFacts.js';
import { CHUNK } from './clusterRows.js';

type Trx = Kysely<Database>;

/** Anchors the articles' uncovered facts to the claim reviews whose figure they report;
 * returns the articles whose facts now have a review (to apply it and cluster them again). */
export async function followClaimReviews(trx: Trx, articleIds: number[]): Promise<number[]> {
  const reviews = await trx
    .selectFrom('reviews')
    .select(['id', 'action', 'updated_at'])
    .where('target_kind', '=', 'claim')
    .where('action', 'in', ['confirm', 'correct', 'reject'])
    .execute();
  if (reviews.length === 0 || articleIds.length === 0) return [];
  const fresh: { id: number; country: string | null }[] = [];
  for (let i = 0; i < articleIds.length; i += CHUNK)
    fresh.push(
      ...(await trx
        .selectFrom('facts')
        .select(['id', 'country'])
        .where('article_id', 'in', articleIds.slice(i, i + CHUNK))
        .where('review_id', 'is', null)
        .execute()),
    );
  if (fresh.length === 0) return [];
  const countries = [...new Set(fresh.map((f) => f.country ?? ''))];
  // The reviewed facts, as extracted, in the countries of the new ones.
  const reviewed = await trx
    .selectFrom('facts')
    .select(['id', 'review_id'])
    .where(
      'review_id',
      'in',
      reviews.map((r) => r.id),
    )
    .execute();
  const reviewOf = new Map(reviewed.map((r) => [r.id, r.review_id!]));
  const members = new Map<number, ClaimFact[]>();
  for (const f of await loadClaimFacts(trx, countries, [...reviewOf.keys()], undefined, {
    rejected: true,
    asExtracted: true,
  })) {
    const r = reviewOf.get(f.factId)!;
    members.set(r, [...(members.get(r) ?? []), f]);
  }
  for (const list of members.values()) list.sort(factOrder);
  // Claims holding a confirmed or corrected fact: a new fact in one of them is covered too.
  const claimReview = new Map<string, number>();
  const kept = reviews.filter((r) => r.action !== 'reject').map((r) => r.id);
  if (kept.length) {
    const rows = await trx
      .selectFrom('claim_facts')
      .innerJoin('facts', 'facts.id', 'claim_facts.fact_id')
      .select(['claim_facts.claim_id', 'facts.review_id'])
      .where('facts.review_id', 'in', kept)
      .execute();
    for (const r of rows) claimReview.set(r.claim_id, r.review_id!);
  }
  const latest = [...reviews].sort((a, b) => Number(b.updated_at) - Number(a.updated_at) || b.id - a.id);
  const newFacts = await loadClaimFacts(
    trx,
    null,
    fresh.map((f) => f.id),
  );
  const links = new Map<number, string>();
  if (claimReview.size)
    for (let i = 0; i < newFacts.length; i += CHUNK)
      for (const l of await trx
        .selectFrom('claim_facts')
        .select(['fact_id', 'claim_id'])
        .where(
          'fact_id',
          'in',
          newFacts.slice(i, i + CHUNK).map((f) => f.factId),
        )
        .execute())
        links.set(l.fact_id, l.claim_id);
  const anchored = new Map<number, number>();
  for (const f of newFacts) {
    const inClaim = claimReview.get(links.get(f.factId) ?? '');
    const r = latest.find((x) => x.id === inClaim || joinsClaim(members.get(x.id) ?? [], f));
    if (r) anchored.set(f.factId, r.id);
  }
  if (anchored.size === 0) return [];
  const rows = await trx
    .selectFrom('facts')
    .select([
      'id',
      'article_id',
      'term',
      'figure',
      'vague',
      'span_start',
      'quantity_start',
      'quantity_end',
      'evidence',
    ])
    .where('id', 'in', [...anchored.keys()])
    .execute();
  await trx
    .insertInto('review_anchors')
    .values(
      rows.map((f) => {
        const a = anchorOf(f);
        return {
          review_id: anchored.get(f.id)!,
          article_id: a.articleId,
          quantity_start: a.quantityStart,
          quantity_end: a.quantityEnd,
          quantity: a.quantity,
          term: a.term,
          figure: a.figure,
          vague: a.vague,
          quote_key: a.quoteKey,
        };
      }),
    )
    .execute();
  return [...new Set(rows.map((f) => f.article_id))];
}
