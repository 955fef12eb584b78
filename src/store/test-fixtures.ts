// Small hand-written facts and articles for store, API and export tests.
import type { ExtractResult, Fact } from '../types.js';
import type { Store } from './index.js';
import { newArticle } from './queries/articles.js';

export function makeFact(text: string, over: Partial<Fact> & { quantity: string; termWord: string }): Fact {
  const q = text.indexOf(over.quantity);
  const t = text.indexOf(over.termWord);
  if (q < 0 || t < 0) throw new Error(`fixture: ${over.quantity} / ${over.termWord} not in text`);
  const { quantity: _q, termWord: _t, ...rest } = over;
  return {
    term: 'displaced',
    figure: 1000,
    qualifier: 'exact',
    unit: 'people',
    people: { count: rest.figure ?? 1000, household_size: null },
    cause: 'conflict',
    hazard: null,
    country: null,
    locations: [],
    date: null,
    stock_or_flow: 'flow',
    span: [0, text.length],
    quantity_span: [q, q + over.quantity.length],
    term_span: [t, t + over.termWord.length],
    confidence: 0.9,
    reason: 'test:fixture',
    implied: ['date'],
    ...rest,
  };
}

export const TEXT_A = 'Floods in Ruritania forced 12,500 people from their homes in Northtown last week.';
export const TEXT_B =
  'Fighting near Eastport displaced up to 40,000 residents, officials in Freedonia said on 3 March 2024.';

export function resultFor(facts: Fact[]): ExtractResult {
  return {
    relevant: facts.length > 0,
    relevance: facts.length ? 0.95 : 0.1,
    cause: facts[0]?.cause ?? null,
    hazard: facts[0]?.hazard ?? null,
    type: 'news',
    facts,
  };
}

export function factA(): Fact {
  return makeFact(TEXT_A, {
    quantity: '12,500',
    termWord: 'forced',
    term: 'forced_to_flee',
    figure: 12500,
    people: { count: 12500, household_size: null },
    cause: 'disaster',
    hazard: 'flood',
    country: 'RUR',
    locations: [
      {
        name: 'Northtown',
        start: TEXT_A.indexOf('Northtown'),
        end: TEXT_A.indexOf('Northtown') + 9,
        lat: 10.5,
        lon: 20.25,
        country: 'RUR',
        admin1: 'North',
        geonameId: 111,
        kind: 'city',
      },
    ],
    date: {
      start: '2024-02-19',
      end: '2024-02-25',
      text: 'last week',
      span: [TEXT_A.indexOf('last week'), TEXT_A.indexOf('last week') + 9],
      year_stated: false,
    },
  });
}

export function factB(): Fact {
  return makeFact(TEXT_B, {
    quantity: 'up to 40,000',
    termWord: 'displaced',
    figure: 40000,
    qualifier: 'up_to',
    people: { count: 40000, household_size: null },
    country: 'FRE',
    locations: [
      {
        name: 'Eastport',
        start: TEXT_B.indexOf('Eastport'),
        end: TEXT_B.indexOf('Eastport') + 8,
        lat: -3.5,
        lon: 35.75,
        country: 'FRE',
        admin1: 'East',
      },
    ],
    date: {
      start: '2024-03-03',
      end: '2024-03-03',
      text: '3 March 2024',
      span: [TEXT_B.indexOf('3 March'), TEXT_B.indexOf('3 March') + 12],
      year_stated: true,
    },
  });
}

let seq = 0;
/** Inserts an article with the given facts and returns its id. */
export async function seedArticle(
  store: Store,
  text: string,
  facts: Fact[],
  over: { url?: string | null; published?: string | null } = {},
): Promise<number> {
  seq++;
  const { id } = await store.articles.insert(
    newArticle({
      url: over.url === undefined ? `https://news.example.org/a/${process.pid}-${seq}` : over.url,
      title: `Test article ${seq}`,
      published: over.published === undefined ? '2024-03-04' : over.published,
      language: 'en',
      origin: 'test',
      text,
      content_hash: `hash-${process.pid}-${seq}`,
    }),
  );
  await store.facts.replaceForArticle(id, resultFor(facts), 'test-1');
  return id;
}
