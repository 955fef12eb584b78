// Loads stored facts as the plain ClaimFacts that corroboration works on: each fact with its
// article's outlet, publication date, title, near-duplicate link and number of stored copies.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ClaimFact } from '../../claims/types.js';
import type { Cause, Hazard, Qualifier, Term, Unit } from '../../types.js';
import type { Database } from '../schema.js';
import { hostOf } from './facts.js';

type Db = Kysely<Database> | Transaction<Database>;

const FACT_COLUMNS = [
  'facts.id',
  'facts.article_id',
  'facts.term',
  'facts.figure',
  'facts.vague',
  'facts.range_lo',
  'facts.range_hi',
  'facts.qualifier',
  'facts.unit',
  'facts.people',
  'facts.household_size',
  'facts.cause',
  'facts.hazard',
  'facts.country',
  'facts.admin1',
  'facts.location',
  'facts.lat',
  'facts.lon',
  'facts.fact_date',
  'facts.date_start',
  'facts.date_end',
  'facts.stock_or_flow',
  'facts.confidence',
  'facts.evidence',
  'facts.quantity_start',
  'facts.review_original',
] as const;

/** Facts of the given countries ('' stands for facts without a country), or the given facts;
 * all facts if neither is given; only those filed on or after `from` (YYYY-MM-DD) if given. */
export async function loadClaimFacts(
  db: Db,
  countries: string[] | null,
  factIds?: number[],
  from?: string,
  options: { rejected?: boolean; asExtracted?: boolean } = {},
): Promise<ClaimFact[]> {
  let q = db
    .selectFrom('facts')
    .innerJoin('articles', 'articles.id', 'facts.article_id')
    .leftJoin('sources', 'sources.id', 'articles.source_id')
    // The columns a ClaimFact is made of (below), not the extraction's record (spans, reason,
    // implied): read for every fact of a country, they were most of what this query carried.
    .select(FACT_COLUMNS)
    .select([
      'articles.url as a_url',
      'articles.title as a_title',
      'articles.published as a_published',
      'articles.duplicate_of as a_duplicate_of',
      'sources.title as s_title',
      sql<number>`(select count(*) from articles copies where copies.duplicate_of = articles.id)`.as(
        'a_copies',
      ),
    ]);
  if (countries) {
    const named = countries.filter(Boolean);
    const withoutCountry = countries.includes('');
    q = q.where((eb) =>
      eb.or([
        ...(named.length ? [eb('facts.country', 'in', named)] : []),
        ...(withoutCountry ? [eb('facts.country', 'is', null)] : []),
        ...(named.length || withoutCountry ? [] : [sql<boolean>`1 = 0`]),
      ]),
    );
  }
  if (factIds) q = q.where('facts.id', 'in', factIds.length ? factIds : [-1]);
  // fact_date is the figure's date as corroboration reads it (dateStart below, '' for none).
  if (from) q = q.where('facts.fact_date', '>=', from);
  // A figure a reviewer rejected (or its syndicated copy) stands behind no claim.
  if (!options.rejected)
    q = q.where((eb) =>
      eb.or([eb('facts.review_status', 'is', null), eb('facts.review_status', '!=', 'rejected')]),
    );
  const stored = await q.orderBy('facts.id').execute();
  // As extracted: a correction's values undone (what a later report of the figure would say).
  const rows = options.asExtracted
    ? stored.map((r) => (r.review_original ? { ...r, ...(JSON.parse(r.review_original) as object) } : r))
    : stored;
  // An article's facts share its URL: its host is parsed once.
  const hosts = new Map<string, string | null>();
  const host = (url: string | null) => {
    if (!url) return null;
    let h = hosts.get(url);
    if (h === undefined) hosts.set(url, (h = hostOf(url)));
    return h;
  };
  return rows.map((r): ClaimFact => ({
    factId: r.id,
    articleId: r.article_id,
    originalArticleId: r.a_duplicate_of,
    copies: Number(r.a_copies),
    outlet: host(r.a_url) ?? r.s_title,
    url: r.a_url,
    title: r.a_title,
    published: r.a_published,
    term: r.term as Term,
    figure: r.figure,
    vague: r.vague,
    range: r.range_lo !== null && r.range_hi !== null ? [r.range_lo, r.range_hi] : null,
    qualifier: r.qualifier as Qualifier,
    unit: r.unit as Unit,
    people: r.people,
    householdSize: r.household_size,
    cause: r.cause as Cause | null,
    hazard: r.hazard as Hazard | null,
    country: r.country,
    admin1: r.admin1,
    location: r.location,
    lat: r.lat,
    lon: r.lon,
    dateStart: r.date_start ?? (r.fact_date || null),
    dateEnd: r.date_end ?? (r.fact_date || null),
    dateStated: r.date_start !== null,
    stockOrFlow: r.stock_or_flow as 'stock' | 'flow',
    confidence: r.confidence,
    evidence: r.evidence,
    quantityStart: r.quantity_start,
  }));
}
