// Facts as the store lists them, for the export tests.
import type { FactListItem } from '../store/index.js';

export function factItem(over: Partial<FactListItem> = {}): FactListItem {
  return {
    id: 1,
    article_id: 9,
    term: 'evacuated',
    figure: 2500,
    qualifier: 'approximately',
    unit: 'people',
    people: { count: 2500, household_size: null },
    cause: 'disaster',
    hazard: 'storm',
    country: 'PHL',
    admin1: 'Bicol',
    location: { name: 'Legazpi', lat: 13.14, lon: 123.74 },
    date: null,
    fact_date: '2024-10-20',
    stock_or_flow: 'flow',
    span: [0, 10],
    quantity_span: [0, 4],
    term_span: [5, 10],
    evidence: 'About 2,500 people were evacuated, "officials" said',
    confidence: 0.8,
    reason: 'test',
    implied: [],
    extractor_version: 't',
    article: {
      url: 'https://news.example.org/x',
      title: 'Storm',
      published: '2024-10-21',
      source: 'news.example.org',
    },
    ...over,
  };
}

export async function* factStream(items: FactListItem[]): AsyncGenerator<FactListItem> {
  yield* items;
}

/** The whole export as text (the text formats) or bytes (XLSX). */
export async function collectText(chunks: AsyncIterable<string | Buffer>): Promise<string> {
  let s = '';
  for await (const c of chunks) s += typeof c === 'string' ? c : c.toString('utf8');
  return s;
}

export async function collectBytes(chunks: AsyncIterable<string | Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(parts);
}
