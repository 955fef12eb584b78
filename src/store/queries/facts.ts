// Facts: written once per (article, extractor version), read by filters with keyset pages.
import { sql, type Kysely } from 'kysely';
import { DmonError } from '../../errors.js';
import type { ExtractResult } from '../../types.js';
import type { Engine } from '../engine.js';
import type { Database, FactRow, PlaceRow } from '../schema.js';
import { factToRow, placeToRow, rowToFactView, type FactView } from '../views.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { factWhere, type FactFilter } from './filter.js';
import { CLUSTER_LOCK } from './clustering.js';
import { withGroupedSummaries } from './summaryBatch.js';
import { inTransaction } from './transaction.js';
import { insertRows } from './rowsInsert.js';

export const FACT_SORTS = [
  '-date',
  'date',
  '-figure',
  'figure',
  '-id',
  'id',
  '-confidence',
  'confidence',
] as const;
export type FactSort = (typeof FACT_SORTS)[number];

/** A fact as listed: the view plus the article it came from. */
export interface FactListItem extends FactView {
  /** source: the feed's title, else the URL's host, else the import's attribution. */
  article: { url: string | null; title: string | null; published: string | null; source: string | null };
}

/** A fact as a map draws it: a circle at its place, sized by its people, coloured by its term. */
export interface FactPoint {
  id: number;
  term: FactListItem['term'];
  figure: number | null;
  /** People counted (households converted), when known; else the map sizes by the figure. */
  people: number | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

const CHUNK = 200;

function sortSpec(sort: FactSort) {
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const column =
    key === 'date'
      ? sql.ref('facts.fact_date')
      : key === 'figure'
        ? sql.ref('facts.figure_key')
        : key === 'confidence'
          ? sql.ref('facts.confidence')
          : null;
  return { desc, key, column };
}

export class Facts {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
  ) {}

  /**
   * Replaces an article's facts with an extraction result and marks the article extracted, in
   * one transaction: running the same extraction twice leaves the same rows.
   */
  async replaceForArticle(articleId: number, result: ExtractResult, version: string): Promise<number> {
    const [count] = await this.replaceForArticles([{ articleId, result }], version);
    return count!;
  }

  /**
   * replaceForArticle for several articles in one transaction and a few statements (the
   * deletes, the inserts of every fact and place in chunks, one update per article): what
   * an extracted batch writes. Returns each article's fact count, in order.
   */
  async replaceForArticles(
    items: { articleId: number; result: ExtractResult }[],
    version: string,
  ): Promise<number[]> {
    if (items.length === 0) return [];
    return inTransaction(this.db, async (trx) => {
      // On PostgreSQL, the lock the clustering takes after the facts (clustering.ts), taken now:
      // each fact's summary triggers (migration 010) update the same roll-up rows in every
      // worker, in the order of its facts, so two workers writing batches at once deadlocked
      // (40P01) and fell back to writing article by article.
      if (this.engine === 'postgres') await sql`select pg_advisory_xact_lock(${CLUSTER_LOCK})`.execute(trx);
      const ids = items.map((i) => i.articleId);
      const articles = new Map(
        (
          await trx
            .selectFrom('articles')
            .select(['id', 'text', 'published'])
            .where('id', 'in', ids)
            .execute()
        ).map((a) => [a.id, a]),
      );
      const missing = ids.find((id) => !articles.has(id));
      if (missing !== undefined) throw new DmonError('NOT_FOUND', `article ${missing} does not exist`);
      await trx.deleteFrom('places').where('article_id', 'in', ids).execute();
      const now = Date.now();
      const results = new Map(items.map((i) => [i.articleId, i.result]));
      const rows = items.flatMap(({ articleId, result }) => {
        const article = articles.get(articleId)!;
        return result.facts.map((f, ordinal) =>
          factToRow(f, {
            articleId,
            ordinal,
            text: article.text,
            published: article.published,
            version,
            now,
          }),
        );
      });
      // The summaries (migration 010) take the deleted facts, then every inserted one, in a few
      // grouped statements (018) run once for the whole batch: chunk by chunk, the same summary
      // rows were upserted again for each chunk. (On PostgreSQL the statement triggers still run
      // per chunk and `added` does nothing.) Places are not facts, so they may come in between.
      await withGroupedSummaries(trx, this.engine, async (summaries) => {
        await summaries.deleteFactsOf(ids);
        const added: number[] = [];
        for (let i = 0; i < rows.length; i += CHUNK) {
          const chunk = rows.slice(i, i + CHUNK);
          const inserted = await insertRows(
            trx,
            'facts',
            chunk,
            { returning: ['id', 'article_id', 'ordinal'] },
            () => trx.insertInto('facts').values(chunk).returning(['id', 'article_id', 'ordinal']).execute(),
          );
          for (const r of inserted) added.push(r.id);
          const places = inserted.flatMap(({ id, article_id, ordinal }) =>
            (results.get(article_id)?.facts[ordinal]?.locations ?? []).map((p, k) =>
              placeToRow(p, { factId: id, articleId: article_id, ordinal: k }),
            ),
          );
          for (let j = 0; j < places.length; j += CHUNK) {
            const part = places.slice(j, j + CHUNK);
            await insertRows(trx, 'places', part, {}, () => trx.insertInto('places').values(part).execute());
          }
        }
        await summaries.added(added);
      });
      // One statement per chunk of articles (on PostgreSQL, one round trip instead of one each).
      for (let i = 0; i < items.length; i += CHUNK) {
        const values = items.slice(i, i + CHUNK).map(({ articleId, result }, k) => {
          const v = [
            articleId,
            result.relevance,
            result.cause,
            result.hazard,
            result.type,
            result.facts.length,
          ];
          // The first row's casts type every column (PostgreSQL types the others after it).
          return k === 0
            ? sql`select cast(${v[0]} as integer) as id, cast(${v[1]} as double precision) as relevance,
                cast(${v[2]} as text) as cause, cast(${v[3]} as text) as hazard,
                cast(${v[4]} as text) as doc_type, cast(${v[5]} as integer) as fact_count`
            : sql`select ${sql.join(v)}`;
        });
        // A failure's message goes; a stored article's note on how it was read (bad bytes replaced) stays.
        await sql`update articles set status = 'extracted',
            error = case when articles.status = 'failed' then null else articles.error end,
            relevance = v.relevance, cause = v.cause, hazard = v.hazard, doc_type = v.doc_type,
            extractor_version = ${version}, fact_count = v.fact_count, extracted_at = ${now}
          from (${sql.join(values, sql` union all `)}) as v where articles.id = v.id`.execute(trx);
      }
      return items.map((i) => i.result.facts.length);
    });
  }

  async get(id: number): Promise<FactView | null> {
    const row = await this.db.selectFrom('facts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const places = await this.db
      .selectFrom('places')
      .selectAll()
      .where('fact_id', '=', id)
      .orderBy('ordinal')
      .execute();
    return rowToFactView(row, places);
  }

  /** Every fact of one article, in reading order, with its places. */
  async forArticle(articleId: number): Promise<FactView[]> {
    const rows = await this.db
      .selectFrom('facts')
      .selectAll()
      .where('article_id', '=', articleId)
      .orderBy('ordinal')
      .execute();
    const places = await this.db
      .selectFrom('places')
      .selectAll()
      .where('article_id', '=', articleId)
      .orderBy('fact_id')
      .orderBy('ordinal')
      .execute();
    const byFact = new Map<number, PlaceRow[]>();
    for (const p of places) byFact.set(p.fact_id, [...(byFact.get(p.fact_id) ?? []), p]);
    return rows.map((r) => rowToFactView(r, byFact.get(r.id) ?? []));
  }

  /** One page of facts matching a filter, sorted, with a cursor to the next page. */
  async list(
    filter: FactFilter,
    options: { sort?: FactSort; limit?: number; cursor?: string | null } = {},
  ): Promise<{ items: FactListItem[]; next: string | null }> {
    const { query, limit, next } = this.keyset(filter, options);
    const rows = await query
      .selectAll('facts')
      .leftJoin('articles', 'articles.id', 'facts.article_id')
      .leftJoin('sources', 'sources.id', 'articles.source_id')
      .select([
        'articles.url as a_url',
        'articles.title as a_title',
        'articles.published as a_published',
        'articles.attribution as a_attr',
        'sources.title as s_title',
      ])
      .execute();
    const more = rows.length > limit;
    if (more) rows.pop();
    const items = rows.map((r) => ({
      ...rowToFactView(r as FactRow),
      article: {
        url: r.a_url,
        title: r.a_title,
        published: r.a_published,
        source: r.s_title ?? hostOf(r.a_url) ?? r.a_attr,
      },
    }));
    return { items, next: more ? next(rows[rows.length - 1]!) : null };
  }

  /**
   * The same page as `list` (same filter, sort, cursor), each fact reduced to what a map draws:
   * its id, term, figure, people, country and coordinates. No article join, no evidence or
   * spans: a few dozen bytes a fact instead of a kilobyte or more.
   */
  async points(
    filter: FactFilter,
    options: { sort?: FactSort; limit?: number; cursor?: string | null } = {},
  ): Promise<{ items: FactPoint[]; next: string | null }> {
    const { query, limit, next } = this.keyset(filter, options);
    const rows = await query
      .select([
        'facts.id',
        'facts.term',
        'facts.figure',
        'facts.figure_key',
        'facts.people',
        'facts.country',
        'facts.lat',
        'facts.lon',
        'facts.fact_date',
        'facts.confidence',
      ])
      .execute();
    const more = rows.length > limit;
    if (more) rows.pop();
    const items = rows.map((r) => ({
      id: r.id,
      term: r.term as FactPoint['term'],
      figure: r.figure,
      people: r.people,
      country: r.country,
      lat: r.lat,
      lon: r.lon,
    }));
    return { items, next: more ? next(rows[rows.length - 1]!) : null };
  }

  /** The filtered, sorted, cursor-bounded query of a page (one row more than the page, to tell
   * whether another follows), and the cursor of the page that ends at a given row. */
  private keyset(filter: FactFilter, options: { sort?: FactSort; limit?: number; cursor?: string | null }) {
    const sort = options.sort ?? '-date';
    const limit = options.limit ?? 50;
    const { desc, key, column } = sortSpec(sort);
    const after = decodeCursor(options.cursor);
    if (
      after &&
      (key === 'date'
        ? typeof after[0] !== 'string'
        : key === 'figure'
          ? !Number.isSafeInteger(after[0]) // a bigint column: a fraction is a type error
          : key !== 'id' && typeof after[0] !== 'number')
    )
      throw new DmonError('USAGE', `cursor does not belong to sort=${sort}; start again without a cursor.`);
    const cmp = desc ? '<' : '>';
    let q = this.db
      .selectFrom('facts')
      .where(factWhere(this.engine, filter, { datesTested: key === 'figure' && !narrowDates(filter) }));
    if (after) {
      q = column
        ? q.where(sql<boolean>`(${column}, facts.id) ${sql.raw(cmp)} (${after[0]}, ${after[1]})`)
        : q.where('facts.id', cmp, after[1]);
    }
    const dir = desc ? sql`desc` : sql`asc`;
    if (column) q = q.orderBy(sql`${column} ${dir}`);
    q = q.orderBy(sql`facts.id ${dir}`).limit(limit + 1);
    const next = (last: Pick<FactRow, 'id' | 'fact_date' | 'figure_key' | 'confidence'>) =>
      encodeCursor([
        key === 'date'
          ? last.fact_date
          : key === 'figure'
            ? last.figure_key
            : key === 'confidence'
              ? last.confidence
              : last.id,
        last.id,
      ]);
    return { query: q, limit, next };
  }

  /** Every matching fact, page by page (keyset), so that a million rows never sit in memory. */
  async *iterate(filter: FactFilter, pageSize = 1000): AsyncGenerator<FactListItem> {
    let cursor: string | null = null;
    do {
      const page: { items: FactListItem[]; next: string | null } = await this.list(filter, {
        sort: 'id',
        limit: pageSize,
        cursor,
      });
      yield* page.items;
      cursor = page.next;
    } while (cursor);
  }

  async count(filter: FactFilter = {}): Promise<number> {
    const r = await this.db
      .selectFrom('facts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(factWhere(this.engine, filter))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

/**
 * A range of dates that a figure-sorted page reads through the date index: a month or less. Over a
 * wider or open range SQLite still took the date index (it cannot tell that the range holds most of
 * a facet) and sorted every fact in the range: 60-150 ms of CPU for one year of ten at 1,000,000
 * facts. The figure indexes hold the date (migration 024), so such a page is read from them in
 * order, the date tested on the index, until the page is full (3-11 ms). Read that way, one day
 * costs up to ~90 ms (nearly a whole index read to fill a page), a month 7-9 ms; from the date
 * index a month costs 3-13 ms. PostgreSQL keeps histograms of the dates and is left to choose (its
 * plan reads the figure indexes with the date as an index condition: pointsPlan.test.ts).
 */
export const NARROW_DATES_DAYS = 31;

function narrowDates(f: FactFilter): boolean {
  if (!f.from || !f.to) return false;
  const days = (Date.parse(f.to) - Date.parse(f.from)) / 86_400_000;
  return days <= NARROW_DATES_DAYS;
}

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
