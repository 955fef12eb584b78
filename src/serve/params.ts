// The fact filter parameters shared by the API (query strings) and the CLI (options):
// validated here, once, into a FactFilter. Each error names the parameter and what is allowed.
import { DmonError } from '../errors.js';
import type { FactFilter } from '../store/index.js';
import { CAUSES, HAZARDS, TERMS } from '../types.js';

export interface FactQuery {
  country?: string;
  admin1?: string;
  term?: string;
  cause?: string;
  hazard?: string;
  from?: string;
  to?: string;
  min?: number | string;
  min_confidence?: number | string;
  q?: string;
}

export { CAUSES, HAZARDS };

/** The largest row id: ids are 32-bit integer columns on PostgreSQL (serial). */
export const ID_MAX = 2_147_483_647;

/** JSON schema of one row id, in a path or a query string. */
export const ID_SCHEMA = { type: 'integer', minimum: 1, maximum: ID_MAX } as const;

/** Path parameters of the routes that take one id (`/api/facts/:id`). */
export const ID_PARAMS = {
  type: 'object',
  properties: { id: ID_SCHEMA },
  required: ['id'],
  additionalProperties: false,
} as const;

/** JSON-schema properties of the filter, for route schemas and the OpenAPI document. */
export const FACT_QUERY_SCHEMA = {
  country: {
    type: 'string',
    pattern: '^[A-Za-z0-9]{3}(,[A-Za-z0-9]{3})*$',
    description: 'ISO 3166-1 alpha-3 codes, comma-separated',
  },
  admin1: { type: 'string', maxLength: 200, description: 'first-level administrative division name' },
  term: { type: 'string', maxLength: 400, description: `comma-separated terms: ${TERMS.join(', ')}` },
  cause: { type: 'string', enum: [...CAUSES] },
  hazard: { type: 'string', enum: [...HAZARDS] },
  from: { type: 'string', format: 'date', description: 'YYYY-MM-DD, inclusive' },
  to: { type: 'string', format: 'date', description: 'YYYY-MM-DD, inclusive' },
  min: { type: 'integer', minimum: 0, description: 'minimum figure' },
  min_confidence: { type: 'number', minimum: 0, maximum: 1 },
  q: { type: 'string', minLength: 1, maxLength: 200, description: 'text in the evidence sentence' },
} as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(name: string, v: string): string {
  const d = new Date(`${v}T00:00:00Z`);
  if (!DATE.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v)
    throw new DmonError(
      'DATE_INVALID',
      `${name}=${JSON.stringify(v)} is not a date; use YYYY-MM-DD, e.g. 2024-03-01.`,
    );
  return v;
}

function number(name: string, v: number | string, min: number, max: number, integer: boolean): number {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n)))
    throw new DmonError(
      'USAGE',
      `${name}=${JSON.stringify(v)} must be ${integer ? 'an integer' : 'a number'} between ${min} and ${max}.`,
    );
  return n;
}

function oneOf(name: string, v: string, allowed: readonly string[]): string {
  if (!allowed.includes(v))
    throw new DmonError('USAGE', `${name}=${JSON.stringify(v)} is not one of: ${allowed.join(', ')}.`);
  return v;
}

export function parseFactQuery(q: FactQuery): FactFilter {
  const f: FactFilter = {};
  if (q.country) {
    f.country = q.country.split(',').map((c) => c.trim().toUpperCase());
    for (const c of f.country)
      if (!/^[A-Z0-9]{3}$/.test(c))
        throw new DmonError(
          'USAGE',
          `country=${JSON.stringify(c)} is not an ISO 3166-1 alpha-3 code (e.g. SDN).`,
        );
  }
  if (q.admin1) f.admin1 = q.admin1;
  if (q.term) f.term = q.term.split(',').map((t) => oneOf('term', t.trim(), TERMS));
  if (q.cause) f.cause = oneOf('cause', q.cause, CAUSES);
  if (q.hazard) f.hazard = oneOf('hazard', q.hazard, HAZARDS);
  if (q.from) f.from = validDate('from', q.from);
  if (q.to) f.to = validDate('to', q.to);
  if (f.from && f.to && f.from > f.to) throw new DmonError('USAGE', `from=${f.from} is after to=${f.to}.`);
  if (q.min !== undefined && q.min !== '')
    f.minFigure = number('min', q.min, 0, Number.MAX_SAFE_INTEGER, true);
  if (q.min_confidence !== undefined && q.min_confidence !== '')
    f.minConfidence = number('min_confidence', q.min_confidence, 0, 1, false);
  if (q.q) f.q = q.q;
  return f;
}
