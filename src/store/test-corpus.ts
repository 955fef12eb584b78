// A seeded, generated corpus for clustering tests: articles whose facts repeat a few figures
// across outlets and weeks, in neighbouring countries, with floods, conflict and named and
// unnamed storms, so that claims gather several reports and events span borders and months.
// Rows are written directly (as bench/store-generate.mjs does); clustering is left to the test.
import type { Store } from './index.js';
import { queryBuilderForTests } from './index.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Neighbours, so that a storm's reports fall within reach across borders.
const COUNTRIES = [
  { iso: 'BGD', lat: 22.5, lon: 90.5 },
  { iso: 'MMR', lat: 20.5, lon: 93.5 },
  { iso: 'IND', lat: 22.0, lon: 88.0 },
  { iso: 'IRQ', lat: 36.0, lon: 43.0 },
];
const TERMS = ['displaced', 'evacuated', 'destroyed_housing'];
const FIGURES = [4500, 12000, 30000, 190000];
const NAMES = ['Cyclone Mocha', 'Cyclone Sitrang', null, null, null];

export interface CorpusOptions {
  seed: number;
  articles: number;
  /** Share of facts without any date (they make clustering fall back to whole countries). */
  undated?: number;
}

export interface CorpusArticle {
  published: string;
  /** Index of the article this one is a copy of (a copy has no facts of its own). */
  copyOf: number | null;
  write(store: Store, copyOf: number | null): Promise<number>;
}

/** The corpus, not yet stored: each article writes itself (and its facts) when asked. */
export function makeCorpus(o: CorpusOptions): CorpusArticle[] {
  const rand = rng(o.seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const out: CorpusArticle[] = [];
  for (let a = 0; a < o.articles; a++) {
    const day = Math.floor(rand() * 150);
    const published = new Date(Date.UTC(2023, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const country = pick(COUNTRIES);
    const storm = country.iso !== 'IRQ' && rand() < 0.5;
    const name = storm ? pick(NAMES) : null;
    const copyOf = a > 3 && rand() < 0.1 ? Math.floor(rand() * a) : null;
    const outlet = Math.floor(rand() * 6);
    const facts =
      copyOf !== null
        ? []
        : Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, k) => {
            const undated = rand() < (o.undated ?? 0);
            const shift = Math.floor(rand() * 5) - 2;
            const date = new Date(Date.UTC(2023, 0, 1) + (day + shift) * 86_400_000)
              .toISOString()
              .slice(0, 10);
            const figure = pick(FIGURES);
            const admin1 = rand() < 0.2 ? null : `Area ${Math.floor(rand() * 3)}`;
            const cause = storm || rand() < 0.4 ? 'disaster' : rand() < 0.9 ? 'conflict' : null;
            const hazard = storm ? 'storm' : cause === 'disaster' ? pick(['flood', 'flood', null]) : null;
            const evidence = `${name ?? 'The crisis'} displaced ${figure} people in ${admin1 ?? country.iso}.`;
            return {
              ordinal: k,
              term: pick(TERMS),
              figure,
              figure_key: figure,
              vague: null,
              range_lo: null,
              range_hi: null,
              qualifier: pick(['exact', 'approximately', 'at_least']),
              unit: 'people',
              people: figure,
              household_size: null,
              cause,
              hazard,
              country: country.iso,
              admin1,
              location: admin1 ? `${admin1} town` : null,
              lat: country.lat + (rand() - 0.5) * 6,
              lon: country.lon + (rand() - 0.5) * 6,
              fact_date: undated ? '' : date,
              date_start: undated ? null : date,
              date_end: undated ? null : date,
              date_text: 'generated',
              date_year_stated: 1,
              date_span_start: 0,
              date_span_end: 0,
              stock_or_flow: rand() < 0.3 ? 'stock' : 'flow',
              span_start: 0,
              span_end: evidence.length,
              quantity_start: k * 10,
              quantity_end: k * 10 + 5,
              term_start: 0,
              term_end: 1,
              evidence,
              confidence: Math.round(rand() * 100) / 100,
              reason: 'test',
              implied: '[]',
              extractor_version: 'test',
            };
          });
    out.push({
      published,
      copyOf,
      async write(store, original) {
        const db = queryBuilderForTests(store);
        const now = Date.now();
        const { id } = await db
          .insertInto('articles')
          .values({
            url: `https://outlet${outlet}.example/${o.seed}/${a}`,
            original_url: null,
            title: name ? `${name} makes landfall` : `Report ${a}`,
            published,
            language: 'en',
            source_id: null,
            origin: 'test',
            external_id: null,
            attribution: null,
            text: `Generated article ${a}.`,
            content_hash: `corpus-${o.seed}-${a}`,
            simhash: null,
            sh0: null,
            sh1: null,
            sh2: null,
            sh3: null,
            duplicate_of: original,
            status: 'extracted',
            error: null,
            fetch_status: 200,
            relevance: 0.9,
            cause: null,
            hazard: null,
            doc_type: 'news',
            extractor_version: 'test',
            fact_count: facts.length,
            created_at: now,
            extracted_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (facts.length)
          await db
            .insertInto('facts')
            .values(facts.map((f) => ({ ...f, article_id: id, created_at: now })))
            .execute();
        return id;
      },
    });
  }
  return out;
}

/**
 * Stores the corpus articles at the given indexes, as the ingest path does: each with its
 * facts, a copy linked to its original when that is stored; returns the articles to cluster
 * again (the new ones, and the originals whose copies arrived). `stored` maps index to id.
 */
export async function storeCorpus(
  store: Store,
  corpus: readonly CorpusArticle[],
  indexes: readonly number[],
  stored: Map<number, number>,
): Promise<number[]> {
  const touched: number[] = [];
  for (const i of indexes) {
    const a = corpus[i]!;
    const original = a.copyOf === null ? null : (stored.get(a.copyOf) ?? null);
    const id = await a.write(store, original);
    stored.set(i, id);
    touched.push(original ?? id);
  }
  return [...new Set(touched)];
}

/** Inserts the whole corpus unclustered; returns the article ids in insertion order. */
export async function insertCorpus(store: Store, o: CorpusOptions): Promise<number[]> {
  const corpus = makeCorpus(o);
  const stored = new Map<number, number>();
  await storeCorpus(
    store,
    corpus,
    corpus.map((_, i) => i),
    stored,
  );
  return corpus.map((_, i) => stored.get(i)!);
}

/** The claims, their facts, events and event countries as comparable text (write times left out). */
export async function clusteringSnapshot(store: Store): Promise<Record<string, string[]>> {
  const db = queryBuilderForTests(store);
  const rows = (xs: Record<string, unknown>[]) =>
    xs
      .map((x) => {
        const { updated_at: _u, ...rest } = x;
        return JSON.stringify(
          Object.keys(rest)
            .sort()
            .map((k) => [k, rest[k] ?? null]),
        );
      })
      .sort();
  return {
    claims: rows(await db.selectFrom('claims').selectAll().execute()),
    claim_facts: rows(await db.selectFrom('claim_facts').selectAll().execute()),
    events: rows(await db.selectFrom('events').selectAll().execute()),
    event_countries: rows(await db.selectFrom('event_countries').selectAll().execute()),
  };
}
