// Query parameters of /api/claims, /api/events and /api/figures/monthly: their JSON schemas
// (for validation and the OpenAPI document) and their parsing into store filters.
import { DmonError } from '../errors.js';
import type { ClaimFilter } from '../store/queries/claims.js';
import type { EventFilter } from '../store/queries/events.js';
import { FACT_QUERY_SCHEMA, parseFactQuery } from './params.js';

export const TERM_CLASSES = [
  'displacement',
  'evacuation',
  'shelter',
  'homeless',
  'housing_destroyed',
  'housing_damaged',
  'refugees',
  'returns',
] as const;

export const PAGE_SCHEMA = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  cursor: { type: 'string', maxLength: 400, description: 'the "next" value of the previous page' },
} as const;

const { country, cause, hazard, from, to } = FACT_QUERY_SCHEMA;

const PERIOD_SCHEMA = {
  country,
  cause,
  hazard,
  from: { ...from, description: 'YYYY-MM-DD: reported on or after this day' },
  to: { ...to, description: 'YYYY-MM-DD: first reported on or before this day' },
} as const;

export const EVENT_QUERY_SCHEMA = {
  ...PERIOD_SCHEMA,
  q: { type: 'string', minLength: 1, maxLength: 200, description: "text in the event's name" },
} as const;

export const CLAIM_QUERY_SCHEMA = {
  ...PERIOD_SCHEMA,
  term: FACT_QUERY_SCHEMA.term,
  term_class: { type: 'string', enum: [...TERM_CLASSES] },
  event: { type: 'string', pattern: '^e[0-9a-f]{12}$', description: 'an event id' },
  min_sources: { type: 'integer', minimum: 1, description: 'minimum number of independent sources' },
} as const;

export interface EventQuery {
  country?: string;
  cause?: string;
  hazard?: string;
  from?: string;
  to?: string;
  q?: string;
}

export interface ClaimQuery extends Omit<EventQuery, 'q'> {
  term?: string;
  term_class?: string;
  event?: string;
  min_sources?: number;
}

export function parseEventQuery(q: EventQuery): EventFilter {
  const f = parseFactQuery({ country: q.country, cause: q.cause, hazard: q.hazard, from: q.from, to: q.to });
  return { ...f, ...(q.q ? { q: q.q } : {}) };
}

export function parseClaimQuery(q: ClaimQuery): ClaimFilter {
  const { country, cause, hazard, from, to, term } = parseFactQuery(q);
  const f: ClaimFilter = { country, cause, hazard, from, to, term };
  for (const k of Object.keys(f) as (keyof ClaimFilter)[]) if (f[k] === undefined) delete f[k];
  if (q.term_class) {
    if (!(TERM_CLASSES as readonly string[]).includes(q.term_class))
      throw new DmonError(
        'USAGE',
        `term_class=${JSON.stringify(q.term_class)} is not one of: ${TERM_CLASSES.join(', ')}.`,
      );
    f.termClass = q.term_class;
  }
  if (q.event) f.eventId = q.event;
  if (q.min_sources !== undefined) f.minSources = Number(q.min_sources);
  return f;
}
