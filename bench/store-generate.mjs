// Generates a synthetic store of N facts (default 1,000,000) for the store benchmarks:
// articles of 5 facts each, spread over 60 countries, 13 terms, 10 years, log-uniform figures.
// Deterministic (seeded). Usage from code: await generate(store, { facts, onProgress }); `from`
// and `days` set the publication dates (default: the ten years from 2015-01-01).
import { sql } from 'kysely';

const COUNTRIES = (
  'AFG AGO BDI BFA BGD BRA CAF CHN CMR COD COG COL CUB ECU ERI ETH FJI GTM HND HTI IDN IND IRN IRQ JPN KEN LBN LBY ' +
  'MDG MLI MMR MOZ MWI NER NGA NPL PAK PER PHL PNG PSE RWA SDN SEN SLB SOM SSD SYR TCD THA TUR TZA UGA UKR USA VEN VNM YEM ZMB ZWE'
).split(' ');
// The fact model's terms, from the built package (the benchmarks run after `dmon --version` builds dist/).
const { TERMS } = await import('../dist/types.js');
// The store keeps its query builder to itself; generating rows in bulk is one of the few uses that
// must reach under it (as the tests do).
const { queryBuilderForTests } = await import('../dist/store/index.js');
const HAZARDS = ['flood', 'storm', 'earthquake', 'landslide', 'wildfire', 'drought'];
const FACTS_PER_ARTICLE = 5;

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generate(
  store,
  { facts = 1_000_000, seed = 42, onProgress, from = '2015-01-01', days = 3650, analyze = true } = {},
) {
  const rand = rng(seed);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const day0 = Date.parse(`${from}T00:00:00Z`);
  const articleIds = [];
  const articles = Math.ceil(facts / FACTS_PER_ARTICLE);
  const batchArticles = 200;
  const now = Date.now();
  let made = 0;
  for (let a0 = 0; a0 < articles; a0 += batchArticles) {
    await queryBuilderForTests(store)
      .transaction()
      .execute(async (trx) => {
        const arts = [];
        for (let a = a0; a < Math.min(articles, a0 + batchArticles); a++) {
          const published = new Date(day0 + Math.floor(rand() * days) * 86_400_000)
            .toISOString()
            .slice(0, 10);
          arts.push({
            url: `https://bench.example.org/${seed}/${a}`,
            original_url: null,
            title: `Generated article ${a}`,
            published,
            language: 'en',
            source_id: null,
            origin: 'bench',
            external_id: null,
            attribution: null,
            text: `Generated article ${a}.`,
            content_hash: `bench-${seed}-${a}`,
            simhash: null,
            sh0: null,
            sh1: null,
            sh2: null,
            sh3: null,
            duplicate_of: null,
            status: 'extracted',
            error: null,
            fetch_status: 200,
            relevance: 0.9,
            cause: null,
            hazard: null,
            doc_type: 'news',
            extractor_version: 'bench',
            fact_count: FACTS_PER_ARTICLE,
            created_at: now,
            extracted_at: now,
          });
        }
        const ids = await trx.insertInto('articles').values(arts).returning(['id', 'published']).execute();
        articleIds.push(...ids.map((r) => r.id));
        const rows = [];
        for (const { id, published } of ids) {
          const country = pick(COUNTRIES);
          for (let k = 0; k < FACTS_PER_ARTICLE && made < facts; k++, made++) {
            const term = pick(TERMS);
            const disaster = rand() < 0.6;
            const figure = rand() < 0.05 ? null : Math.round(10 ** (1 + rand() * 5));
            const admin1 = `Region ${Math.floor(rand() * 20)}`;
            const evidence = `Generated sentence ${made}: ${figure ?? 'hundreds of'} people ${term.replace(/_/g, ' ')} in ${admin1}, ${country}.`;
            rows.push({
              article_id: id,
              ordinal: k,
              term,
              figure,
              figure_key: figure ?? -1,
              vague: figure === null ? 'hundreds' : null,
              range_lo: null,
              range_hi: null,
              qualifier: pick(['exact', 'approximately', 'at_least', 'more_than', 'up_to']),
              unit: 'people',
              people: figure,
              household_size: null,
              cause: disaster ? 'disaster' : 'conflict',
              hazard: disaster ? pick(HAZARDS) : null,
              country,
              admin1,
              location: `${admin1} town`,
              lat: -40 + rand() * 80,
              lon: -180 + rand() * 360,
              fact_date: published,
              date_start: published,
              date_end: published,
              date_text: 'generated',
              date_year_stated: 1,
              date_span_start: 0,
              date_span_end: 0,
              stock_or_flow: rand() < 0.5 ? 'stock' : 'flow',
              span_start: 0,
              span_end: evidence.length,
              quantity_start: 0,
              quantity_end: 1,
              term_start: 0,
              term_end: 1,
              evidence,
              confidence: Math.round(rand() * 100) / 100,
              reason: 'bench',
              implied: '[]',
              extractor_version: 'bench',
              created_at: now,
            });
          }
        }
        for (let i = 0; i < rows.length; i += 250)
          await trx
            .insertInto('facts')
            .values(rows.slice(i, i + 250))
            .execute();
      });
    onProgress?.(made);
  }
  if (analyze) await sql`ANALYZE`.execute(queryBuilderForTests(store));
  return { facts: made, articles, articleIds, countries: COUNTRIES, terms: TERMS };
}

export { COUNTRIES, TERMS };
