// A typed client for the Displacement Monitor API: openapi-fetch, typed by examples/api-types.ts,
// which openapi-typescript generates from the OpenAPI document the server serves
// (src/serve/openapi.json; regenerate both with `REGEN=1 node scripts/test.mjs src/serve/openapi
// src/serve/clientExample` and review the diff). Paths, query parameters, request bodies and
// response fields are checked by the compiler: a misspelt filter, a sort the API does not know
// or a field it does not return is a type error, not a surprise at run time.
//
//   node --import tsx examples/client.ts http://localhost:8080 [TOKEN]
//
// prints one JSON line: the store's health, the five largest figures in Mozambique and, given
// a token with scope review, the article it submitted.
import createClient from 'openapi-fetch';
import type { paths } from './api-types.js';

export function dmonClient(baseUrl: string, token?: string) {
  return createClient<paths>({
    baseUrl,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

async function main(baseUrl: string, token?: string): Promise<void> {
  const api = dmonClient(baseUrl, token);

  const health = await api.GET('/api/health');
  if (!health.data) throw new Error(`GET /api/health answered ${health.response.status}`);

  const facts = await api.GET('/api/facts', {
    params: { query: { country: 'MOZ', sort: '-figure', limit: 5 } },
  });
  if (!facts.data) throw new Error(`GET /api/facts: ${facts.error?.error.message}`);
  const largest = facts.data.items.map((f) => ({
    id: f.id,
    figure: f.figure,
    term: f.term,
    admin1: f.admin1,
  }));

  let submitted: { status: number; location: string | null } | null = null;
  if (token) {
    const posted = await api.POST('/api/articles', {
      body: {
        text: 'Floods forced 2,300 people from their homes in Chokwe, Mozambique, on 3 February 2025.',
        published: '2025-02-03',
      },
    });
    if (posted.error) throw new Error(`POST /api/articles: ${posted.error.error.message}`);
    submitted = { status: posted.response.status, location: posted.response.headers.get('location') };
  }

  console.log(
    JSON.stringify({ health: health.data.status, articles: health.data.articles, largest, submitted }),
  );
}

const [baseUrl, token] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node --import tsx examples/client.ts BASE_URL [TOKEN]');
  process.exit(2);
}
await main(baseUrl, token);
