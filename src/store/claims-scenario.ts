// A realistic multi-article scenario for the claims and events store tests: the battle for
// Mosul reported by several outlets (one figure in different words, a syndicated copy, an
// updated figure) and, in the same country and month, a separate flood in Basra.
import type { Fact, Place } from '../types.js';
import type { Store } from './index.js';
import { newArticle } from './queries/articles.js';
import { makeFact, resultFor } from './test-fixtures.js';

const mosul = (text: string): Place => ({
  name: 'Mosul',
  start: text.indexOf('Mosul'),
  end: text.indexOf('Mosul') + 5,
  lat: 36.335,
  lon: 43.1189,
  country: 'IRQ',
  admin1: 'Nineveh',
  geonameId: 99072,
  kind: 'city',
});

const basra = (text: string): Place => ({
  name: 'Basra',
  start: text.indexOf('Basra'),
  end: text.indexOf('Basra') + 5,
  lat: 30.5085,
  lon: 47.7804,
  country: 'IRQ',
  admin1: 'Basra',
  geonameId: 99532,
  kind: 'city',
});

export interface ScenarioArticle {
  key: string;
  url: string;
  published: string;
  text: string;
  facts: (text: string) => Fact[];
  copyOf?: string;
}

const conflict = (text: string, quantity: string, termWord: string, over: Partial<Fact>): Fact =>
  makeFact(text, {
    quantity,
    termWord,
    country: 'IRQ',
    cause: 'conflict',
    locations: [mosul(text)],
    ...over,
  });

export const MOSUL_ARTICLES: ScenarioArticle[] = [
  {
    key: 'wire',
    url: 'https://wire.example/2016/10/20/mosul-displaced',
    published: '2016-10-20',
    text: 'Up to 190,000 people have been displaced by the fighting in Mosul, aid agencies said on Thursday.',
    facts: (t) => [conflict(t, 'Up to 190,000', 'displaced', { figure: 190000, qualifier: 'up_to' })],
  },
  {
    key: 'copy',
    url: 'https://regional-daily.example/news/mosul-190000',
    published: '2016-10-20',
    text: 'Up to 190,000 people have been displaced by the fighting in Mosul, aid agencies said on Thursday. (Wire)',
    facts: () => [],
    copyOf: 'wire',
  },
  {
    key: 'broadcaster',
    url: 'https://broadcaster.example/world/middle-east/mosul',
    published: '2016-10-21',
    text: 'Nearly 190,000 people have fled Mosul since the offensive began, the UN refugee agency said.',
    facts: (t) => [
      conflict(t, 'Nearly 190,000', 'fled', {
        term: 'forced_to_flee',
        figure: 190000,
        qualifier: 'approximately',
      }),
    ],
  },
  {
    key: 'update-1',
    url: 'https://broadcaster.example/world/middle-east/mosul-update',
    published: '2016-11-20',
    text: 'The number of people displaced from Mosul has risen to 250,000, the UN said.',
    facts: (t) => [conflict(t, '250,000', 'displaced', { figure: 250000 })],
  },
  {
    key: 'update-2',
    url: 'https://gulf-paper.example/iraq/mosul-250000',
    published: '2016-11-21',
    text: 'Some 250,000 residents of Mosul have now been displaced by the offensive.',
    facts: (t) => [conflict(t, 'Some 250,000', 'displaced', { figure: 250000, qualifier: 'approximately' })],
  },
  {
    key: 'flood',
    url: 'https://gulf-paper.example/iraq/basra-floods',
    published: '2016-11-05',
    text: 'Floods in Basra forced 600 families from their homes, the civil defence said.',
    facts: (t) => [
      makeFact(t, {
        quantity: '600 families',
        termWord: 'forced',
        term: 'forced_to_flee',
        figure: 600,
        unit: 'households',
        people: { count: 3600, household_size: 6 },
        cause: 'disaster',
        hazard: 'flood',
        country: 'IRQ',
        locations: [basra(t)],
      }),
    ],
  },
];

let seq = 0;

/** Stores one scenario article (a copy as a near-duplicate without facts) and returns its id. */
export async function storeScenarioArticle(
  store: Store,
  a: ScenarioArticle,
  ids: Map<string, number>,
): Promise<number> {
  seq++;
  const original = a.copyOf ? ids.get(a.copyOf)! : null;
  const { id } = await store.articles.insert(
    newArticle({
      url: a.url,
      title: a.text.slice(0, 40),
      published: a.published,
      language: 'en',
      origin: 'test',
      text: a.text,
      content_hash: `scenario-${process.pid}-${seq}-${a.key}`,
      duplicate_of: original,
      status: original === null ? 'pending' : 'duplicate',
    }),
  );
  ids.set(a.key, id);
  if (original === null) await store.facts.replaceForArticle(id, resultFor(a.facts(a.text)), 'test-1');
  await store.clustering.updateForArticles([original ?? id]);
  return id;
}
