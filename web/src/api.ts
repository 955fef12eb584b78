// The documented API (src/serve/openapi.json), as the dashboard uses it: same-origin requests
// only, every error turned into an Error carrying the API's own message.
import type { TermClass } from '../../src/claims/types.js';
import type { FigureChoice } from '../../src/figures/recommend.js';
import { filtersToQuery, type FilterKey, type Filters } from './filters.js';

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
  /** Present once a reviewer confirmed, corrected or rejected the figure. */
  review?: { id: number; status: 'confirmed' | 'corrected' | 'rejected' } | null;
  locations?: (Place & { start?: number; end?: number; admin1?: string | null })[];
  article?: {
    url: string | null;
    title: string | null;
    published: string | null;
    source: string | null;
  } | null;
}

/** A fact as the map draws it (GET /api/facts/points); GET /api/facts/:id has the rest. */
export interface FactPoint {
  id: number;
  term: string;
  figure: number | null;
  /** People counted (households converted), when known. */
  people: number | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export type ReviewAction = 'confirm' | 'correct' | 'reject';

/** The fields a correction may set (src/serve/openapi.json, Corrections). */
export interface Corrections {
  figure?: number;
  term?: string;
  unit?: 'people' | 'households';
  country?: string | null;
  date?: { start: string; end?: string } | null;
  stock_or_flow?: 'stock' | 'flow';
}

export interface Review {
  id: number;
  target_kind: 'fact' | 'claim' | 'event';
  target_id: string;
  action: ReviewAction | 'merge' | 'split';
  changes: Record<string, unknown> | null;
  note: string | null;
  reviewer: string;
  fact_ids: number[];
  created_at: number;
  updated_at: number;
}

export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  action: string;
  target_kind: string;
  target_id: string;
  review_id: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
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
  stock_or_flow: 'stock' | 'flow';
  facts: number;
  max_people: number | null;
  sum_people: number | null;
}

export interface SubmitResult {
  status: 'queued' | 'stored' | 'duplicate' | 'exists';
  article_id: number | null;
  job_id: number | null;
}

// An event's term classes and chosen figures travel as the server's own types (src/claims,
// src/figures), serialised as they are.
export type { FigureChoice, TermClass };

export interface EventPlace {
  country: string | null;
  admin1: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
}

/** The chosen figure of one kind (term class, stock or flow) of an event. */

export interface EventSummary {
  id: string;
  name: string;
  hazard_name: string | null;
  cause: string | null;
  hazard: string | null;
  countries: string[];
  places: EventPlace[];
  first_date: string | null;
  last_date: string | null;
  claims: number;
  facts: number;
  recommended: {
    figure: number;
    unit: string;
    people: number | null;
    term_class: TermClass;
    stock_or_flow: 'stock' | 'flow';
    claim_id: string;
    reason: string;
  } | null;
  figures: FigureChoice[];
}

export interface ClaimReport {
  fact_id: number;
  article_id: number;
  url: string | null;
  title: string | null;
  published: string | null;
  outlet: string | null;
  copy_of: number | null;
  copies: number;
  term: string;
  figure: number | null;
  qualifier: string;
  evidence: string;
}

export interface Claim {
  id: string;
  event_id: string | null;
  term_class: TermClass;
  term: string;
  figure: number | null;
  vague: string | null;
  qualifier: string;
  unit: string;
  people: { count: number; household_size: number | null } | null;
  stock_or_flow: 'stock' | 'flow';
  cause: string | null;
  hazard: string | null;
  country: string | null;
  admin1: string | null;
  location: Place | null;
  first_date: string | null;
  last_date: string | null;
  first_reported: string | null;
  last_reported: string | null;
  independent_sources: number;
  reports: number;
  confidence: number;
  lead_fact_id: number;
  evidence: string;
  /** The reports behind the claim, grouped into independent sources. */
  sources: { outlets: string[]; reports: ClaimReport[] }[];
}

export interface EventTimelinePoint {
  date: string | null;
  claim_id: string;
  term_class: TermClass;
  stock_or_flow: 'stock' | 'flow';
  figure: number | null;
  people: number | null;
  independent_sources: number;
}

export interface EventDetail extends EventSummary {
  claims_list: Claim[];
  timeline: EventTimelinePoint[];
}

export type AlertStatus = 'new' | 'confirmed' | 'dismissed';
export const ALERT_STATUSES: readonly AlertStatus[] = ['new', 'confirmed', 'dismissed'];
export const ALERT_KINDS = ['country_high', 'new_event', 'figure_jump'] as const;

export interface Alert {
  id: number;
  kind: (typeof ALERT_KINDS)[number];
  date: string;
  country: string | null;
  cause: string | null;
  level: string | null;
  event_id: string | null;
  value: number;
  previous: number | null;
  title: string;
  summary: string;
  details: Record<string, unknown>;
  status: AlertStatus;
  triaged_by: string | null;
  triaged_at: number | null;
  note: string | null;
  created_at: number;
}

/** The parameters /api/events accepts (the page's other filters do not apply to events). */
export const EVENT_FILTER_KEYS = ['country', 'cause', 'hazard', 'from', 'to', 'q'] as const;

export function eventFilters(f: Filters): Filters {
  const out: Filters = {};
  for (const k of EVENT_FILTER_KEYS) if (f[k]) out[k] = f[k];
  return out;
}

export type ExportLevel = 'fact' | 'claim' | 'event';

/** The filters GET /api/export takes at the claim and event levels; any other is a 400 there
 * (src/export/levels.ts), so the page offers those exports only when no other filter is set. */
export const EXPORT_LEVEL_KEYS = {
  claim: ['country', 'term', 'cause', 'hazard', 'from', 'to'],
  event: ['country', 'cause', 'hazard', 'from', 'to'],
} as const satisfies Record<Exclude<ExportLevel, 'fact'>, readonly FilterKey[]>;

/** The filters set that `level`'s export cannot take. */
export function filtersOutside(f: Filters, level: Exclude<ExportLevel, 'fact'>): FilterKey[] {
  const keys: readonly FilterKey[] = EXPORT_LEVEL_KEYS[level];
  return (Object.keys(f) as FilterKey[]).filter((k) => f[k] && !keys.includes(k));
}

function only(f: Filters, keys: readonly FilterKey[]): Filters {
  const out: Filters = {};
  for (const k of keys) if (f[k]) out[k] = f[k];
  return out;
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

// The reads a filter change makes take an AbortSignal: a newer change cancels the requests of
// the one before instead of waiting for answers nobody will draw.
export const api = {
  countries: (f: Filters, signal?: AbortSignal) =>
    request<{ items: CountrySummary[] }>(withQuery('/api/countries', f), { signal }),
  timeseries: (f: Filters, interval: 'week' | 'month', signal?: AbortSignal) =>
    request<{ interval: string; items: TimeseriesPoint[] }>(withQuery('/api/timeseries', f, { interval }), {
      signal,
    }),
  facts: (f: Filters, sort = '-figure', limit = 500, cursor?: string | null, signal?: AbortSignal) =>
    request<{ items: Fact[]; next: string | null }>(
      withQuery('/api/facts', f, { sort, limit: String(limit), ...(cursor ? { cursor } : {}) }),
      { signal },
    ),
  /** The largest facts as map points: a few dozen bytes each instead of a full fact. */
  points: (f: Filters, limit = 500, signal?: AbortSignal) =>
    request<{ items: FactPoint[]; next: string | null }>(
      withQuery('/api/facts/points', f, { sort: '-figure', limit: String(limit) }),
      { signal },
    ),
  fact: (id: number, signal?: AbortSignal) => request<Fact>(`/api/facts/${id}`, { signal }),
  article: (id: number) => request<Article>(`/api/articles/${id}`),
  submit: (token: string, body: { url?: string; text?: string; title?: string }) =>
    request<SubmitResult>('/api/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }),
  events: (f: Filters, cursor?: string | null, limit = 50) =>
    request<{ items: EventSummary[]; next: string | null }>(
      withQuery('/api/events', eventFilters(f), {
        limit: String(limit),
        ...(cursor ? { cursor } : {}),
      }),
    ),
  event: (id: string) => request<EventDetail>(`/api/events/${encodeURIComponent(id)}`),
  alerts: (query: string) => request<{ items: Alert[]; next: string | null }>(`/api/alerts${query}`),
  triage: (token: string, id: number, body: { status: AlertStatus; note?: string }) =>
    request<Alert>(`/api/alerts/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }),
  review: (
    token: string,
    body: {
      target_kind: 'fact';
      target_id: string;
      action: ReviewAction;
      changes?: Corrections;
      note?: string;
    },
  ) =>
    request<Review>('/api/reviews', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }),
  auditLog: (token: string, limit = 20) =>
    request<{ items: AuditEntry[]; next: string | null }>(`/api/reviews/log?limit=${limit}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
  mergeEvents: (token: string, id: string, other: string, note?: string) =>
    request<{ review: Review; event: EventDetail | null }>(`/api/events/${encodeURIComponent(id)}/merge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ other, ...(note ? { note } : {}) }),
    }),
  splitEvent: (token: string, id: string, claims: string[], note?: string) =>
    request<{ review: Review; event: EventDetail | null; new_event: EventDetail | null }>(
      `/api/events/${encodeURIComponent(id)}/split`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ claims, ...(note ? { note } : {}) }),
      },
    ),
  exportUrl: (f: Filters, format: 'csv' | 'geojson', level: ExportLevel = 'fact') =>
    withQuery('/api/export', level === 'fact' ? f : only(f, EXPORT_LEVEL_KEYS[level]), {
      format,
      ...(level === 'fact' ? {} : { level }),
    }),
};
