// The documented API (src/serve/openapi.json), as the dashboard uses it: same-origin requests
// only, every error turned into an Error carrying the API's own message.
import { filtersToQuery, type Filters } from './filters.js';

export interface Place {
  name: string;
  lat: number | null;
  lon: number | null;
}

export interface Fact {
  id: number;
  article_id: number;
  term: string;
  figure: number | null;
  vague?: string | null;
  qualifier: string;
  unit: string;
  people: { count: number | null; household_size: number | null } | null;
  cause: string | null;
  hazard: string | null;
  country: string | null;
  admin1: string | null;
  location: Place | null;
  date: unknown;
  fact_date: string | null;
  stock_or_flow: string;
  span: [number, number];
  quantity_span: [number, number];
  term_span: [number, number];
  evidence: string;
  confidence: number;
  reason: string;
  implied: string[];
  locations?: (Place & { start?: number; end?: number; admin1?: string | null })[];
  article?: {
    url: string | null;
    title: string | null;
    published: string | null;
    source: string | null;
  } | null;
}

export interface Article {
  id: number;
  url: string | null;
  original_url: string | null;
  title: string | null;
  published: string | null;
  attribution: string | null;
  text: string | null;
  status: string;
  error: string | null;
  relevance: number | null;
  cause: string | null;
  hazard: string | null;
  fact_count: number | null;
  facts: Fact[];
}

export interface CountrySummary {
  country: string;
  facts: number;
  articles: number;
  max_people: number | null;
  first_date: string | null;
  last_date: string | null;
  terms: Record<string, number>;
}

export interface TimeseriesPoint {
  period: string;
  term: string;
  facts: number;
  max_people: number | null;
  sum_people: number | null;
}

export interface SubmitResult {
  status: 'queued' | 'stored' | 'duplicate' | 'exists';
  article_id: number | null;
  job_id: number | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message =
      (body as { error?: { message?: string } } | null)?.error?.message ?? `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, message);
  }
  return body as T;
}

const withQuery = (path: string, f: Filters, extra: Record<string, string> = {}) => {
  const q = filtersToQuery(f, extra);
  return q ? `${path}?${q}` : path;
};

export const api = {
  countries: (f: Filters) => request<{ items: CountrySummary[] }>(withQuery('/api/countries', f)),
  timeseries: (f: Filters, interval: 'week' | 'month') =>
    request<{ interval: string; items: TimeseriesPoint[] }>(withQuery('/api/timeseries', f, { interval })),
  facts: (f: Filters, sort = '-figure', limit = 500) =>
    request<{ items: Fact[]; next: string | null }>(
      withQuery('/api/facts', f, { sort, limit: String(limit) }),
    ),
  fact: (id: number) => request<Fact>(`/api/facts/${id}`),
  article: (id: number) => request<Article>(`/api/articles/${id}`),
  submit: (token: string, body: { url?: string; text?: string; title?: string }) =>
    request<SubmitResult>('/api/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }),
  exportUrl: (f: Filters, format: 'csv' | 'geojson') => withQuery('/api/export', f, { format }),
};
