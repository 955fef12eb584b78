// Articles: the text snapshot of everything ingested, keyed by canonical URL and content hash.
import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import type { ArticleRow, ArticleStatus, Database, NewArticle } from '../schema.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { containsText } from './like.js';
import { insertRows } from './rowsInsert.js';
import type { BandedSimhashRow } from '../../dedup/batchOriginals.js';
import { simhashHalves, type SimhashBands, type SimhashRow } from '../../dedup/policy.js';

export type ArticleSummary = Omit<ArticleRow, 'text' | 'sh0' | 'sh1' | 'sh2' | 'sh3'>;

/**
 * A new article row: the given fields, every other column empty, pending extraction. The
 * extraction columns (relevance, cause, facts…) are filled in when its extract job runs.
 */
export function newArticle(
  fields: Pick<NewArticle, 'text' | 'origin' | 'content_hash'> & Partial<NewArticle>,
): NewArticle {
  return {
    url: null,
    original_url: null,
    title: null,
    published: null,
    language: null,
    source_id: null,
    external_id: null,
    attribution: null,
    simhash: null,
    sh0: null,
    sh1: null,
    sh2: null,
    sh3: null,
    duplicate_of: null,
    status: 'pending',
    error: null,
    fetch_status: null,
    relevance: null,
    cause: null,
    hazard: null,
    doc_type: null,
    extractor_version: null,
    fact_count: 0,
    created_at: Date.now(),
    extracted_at: null,
    ...fields,
  };
}

export interface ArticleListOptions {
  status?: ArticleStatus;
  sourceId?: number;
  /** Substring of the title. */
  q?: string;
  limit?: number;
  cursor?: string | null;
}

const SUMMARY_COLUMNS = [
  'id',
  'url',
  'original_url',
  'title',
  'published',
  'language',
  'source_id',
  'origin',
  'external_id',
  'attribution',
  'content_hash',
  'simhash',
  'duplicate_of',
  'status',
  'error',
  'fetch_status',
  'relevance',
  'cause',
  'hazard',
  'doc_type',
  'extractor_version',
  'fact_count',
  'created_at',
  'extracted_at',
] as const;

export class Articles {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
  ) {}

  /**
   * Inserts an article unless one with the same canonical URL (or, without a URL, the same
   * text) exists; returns the id of the stored row either way, so that concurrent ingestion
   * of one URL stores it once.
   */
  async insert(article: NewArticle): Promise<{ id: number; created: boolean }> {
    const row = await this.db
      .insertInto('articles')
      .values(article)
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) return { id: row.id, created: true };
    const existing = article.url
      ? await this.findByUrl(article.url)
      : await this.findByHash(article.content_hash);
    if (!existing) throw new Error(`article insert returned no row for ${article.url ?? '(no url)'}`);
    return { id: existing.id, created: false };
  }

  /**
   * Inserts new articles in one statement per 500 rows, in order, and returns their ids in the
   * same order; null (nothing kept of the call's work is then trusted: the caller rolls its
   * transaction back) when any row met an existing one. The rows must not share a URL, nor,
   * for rows without one, a text.
   */
  async insertMany(articles: NewArticle[]): Promise<number[] | null> {
    const ids: number[] = [];
    for (let i = 0; i < articles.length; i += 500) {
      const chunk = articles.slice(i, i + 500);
      const rows = await insertRows(
        this.db,
        'articles',
        chunk,
        { onConflictDoNothing: true, returning: ['id', 'url', 'content_hash'] },
        () =>
          this.db
            .insertInto('articles')
            .values(chunk)
            .onConflict((oc) => oc.doNothing())
            .returning(['id', 'url', 'content_hash'])
            .execute(),
      );
      if (rows.length !== chunk.length) return null;
      const key = (r: { url?: string | null; content_hash: string }) =>
        r.url == null ? `#${r.content_hash}` : `u${r.url}`;
      const byKey = new Map(rows.map((r) => [key(r), r.id]));
      for (const a of chunk) {
        const id = byKey.get(key(a));
        if (id === undefined) return null;
        ids.push(id);
      }
    }
    return ids;
  }

  async get(id: number): Promise<ArticleRow | null> {
    return (await this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** Some articles, by id (those that exist). */
  async getMany(ids: number[]): Promise<Map<number, ArticleRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('articles').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** An article without its text. */
  async findById(id: number): Promise<ArticleSummary | null> {
    return (
      (await this.db
        .selectFrom('articles')
        .select(SUMMARY_COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst()) ?? null
    );
  }

  async findByUrl(url: string): Promise<ArticleSummary | null> {
    return (
      (await this.db
        .selectFrom('articles')
        .select(SUMMARY_COLUMNS)
        .where('url', '=', url)
        .executeTakeFirst()) ?? null
    );
  }

  /** The articles with these URLs (those that exist), by URL. */
  async findByUrls(urls: string[]): Promise<Map<string, ArticleSummary>> {
    const out = new Map<string, ArticleSummary>();
    const unique = [...new Set(urls)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.db
        .selectFrom('articles')
        .select(SUMMARY_COLUMNS)
        .where('url', 'in', unique.slice(i, i + 500))
        .execute();
      for (const r of rows) if (r.url !== null) out.set(r.url, r);
    }
    return out;
  }

  /** For each content hash, the first stored original (not itself a duplicate) that has it. */
  async firstOriginalsByHash(hashes: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const unique = [...new Set(hashes)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.db
        .selectFrom('articles')
        .select(['content_hash', (eb) => eb.fn.min<number>('id').as('id')])
        .where('content_hash', 'in', unique.slice(i, i + 500))
        .where('duplicate_of', 'is', null)
        .groupBy('content_hash')
        .execute();
      for (const r of rows) out.set(r.content_hash, Number(r.id));
    }
    return out;
  }

  /** The first stored original (not itself a duplicate) with this content hash. */
  async findByHash(hash: string): Promise<ArticleSummary | null> {
    return (
      (await this.db
        .selectFrom('articles')
        .select(SUMMARY_COLUMNS)
        .where('content_hash', '=', hash)
        .where('duplicate_of', 'is', null)
        .orderBy('id')
        .executeTakeFirst()) ?? null
    );
  }

  /** Candidates for near-duplicate text: originals sharing at least one 16-bit SimHash band. */
  async simhashCandidates(
    bands: [number, number, number, number],
    limit = 200,
  ): Promise<{ id: number; simhash: string }[]> {
    const rows = await this.db
      .selectFrom('articles')
      .select(['id', 'simhash'])
      .where('duplicate_of', 'is', null)
      .where('simhash', 'is not', null)
      .where((eb) =>
        eb.or([
          eb('sh0', '=', bands[0]),
          eb('sh1', '=', bands[1]),
          eb('sh2', '=', bands[2]),
          eb('sh3', '=', bands[3]),
        ]),
      )
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.filter((r): r is { id: number; simhash: string } => r.simhash !== null);
  }

  /** The texts of some articles, by id. */
  async texts(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('articles').select(['id', 'text']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.text]));
  }

  /** The SimHashes of the most recent originals, newest first. */
  recentSimhashes(limit: number): Promise<SimhashRow[]> {
    return this.originalsAfter(0, limit);
  }

  /**
   * Every original (not a duplicate, with a SimHash) whose band `i` is one of `values[i]`, by
   * id: the near-duplicate candidates of a batch of documents in one query (BatchOriginals).
   */
  async originalsSharingBands(values: number[][]): Promise<BandedSimhashRow[]> {
    const columns = ['sh0', 'sh1', 'sh2', 'sh3'] as const;
    if (values.every((v) => v.length === 0)) return [];
    const rows = await this.db
      .selectFrom('articles')
      .select(['id', 'simhash', 'sh0', 'sh1', 'sh2', 'sh3'])
      .where('duplicate_of', 'is', null)
      .where('simhash', 'is not', null)
      .where((eb) => eb.or(columns.flatMap((c, i) => (values[i]?.length ? [eb(c, 'in', values[i])] : []))))
      .orderBy('id')
      .execute();
    return rows.flatMap((r) =>
      r.simhash === null || r.sh0 === null || r.sh1 === null || r.sh2 === null || r.sh3 === null
        ? []
        : [{ id: r.id, simhash: r.simhash, bands: [r.sh0, r.sh1, r.sh2, r.sh3] as SimhashBands }],
    );
  }

  /** Originals after an id, newest first, their SimHashes parsed once (the window is compared often). */
  private async originalsAfter(afterId: number, limit: number): Promise<SimhashRow[]> {
    let q = this.db
      .selectFrom('articles')
      .select(['id', 'simhash'])
      .where('duplicate_of', 'is', null)
      .where('simhash', 'is not', null);
    if (afterId > 0) q = q.where('id', '>', afterId);
    const rows = await q.orderBy('id', 'desc').limit(limit).execute();
    return rows.flatMap((r) =>
      r.simhash === null ? [] : [{ id: r.id, simhash: r.simhash, halves: simhashHalves(r.simhash) }],
    );
  }

  async list(options: ArticleListOptions = {}): Promise<{ items: ArticleSummary[]; next: string | null }> {
    const limit = options.limit ?? 50;
    let q = this.db.selectFrom('articles').select(SUMMARY_COLUMNS);
    if (options.status) q = q.where('status', '=', options.status);
    if (options.sourceId !== undefined) q = q.where('source_id', '=', options.sourceId);
    if (options.q) q = q.where(containsText(this.engine, 'title', options.q));
    const after = decodeCursor(options.cursor);
    if (after) q = q.where('id', '<', Number(after[1]));
    const items = await q
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const more = items.length > limit;
    if (more) items.pop();
    const last = items[items.length - 1];
    return { items, next: more && last ? encodeCursor([last.id, last.id]) : null };
  }

  /** Fills the row a URL that failed before left, now that it was fetched. */
  async replace(id: number, article: NewArticle): Promise<void> {
    await this.db.updateTable('articles').set(article).where('id', '=', id).execute();
  }

  /** A failed URL's latest error (the row keeps its failed status). */
  async recordFetchError(id: number, error: string, fetchStatus: number | null): Promise<void> {
    await this.db
      .updateTable('articles')
      .set({ error: error.slice(0, 2000), fetch_status: fetchStatus })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .execute();
  }

  /** Originals not yet extracted by this extractor version (failed ones excepted). */
  async idsToExtract(extractorVersion: string): Promise<number[]> {
    const rows = await this.db
      .selectFrom('articles')
      .select('id')
      .where('duplicate_of', 'is', null)
      .where('status', '!=', 'failed')
      .where((eb) =>
        eb.or([eb('extractor_version', 'is', null), eb('extractor_version', '!=', extractorVersion)]),
      )
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.db
      .updateTable('articles')
      .set({ status: 'failed', error: error.slice(0, 2000) })
      .where('id', '=', id)
      .execute();
  }

  async count(): Promise<Record<ArticleStatus, number>> {
    const rows = await this.db
      .selectFrom('articles')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const out: Record<ArticleStatus, number> = { pending: 0, extracted: 0, duplicate: 0, failed: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }
}
