// A reviewer's corrections: checked once (the API's schema and the CLI both end here), then
// written over a stored fact's fields. What they replace is kept so that a later review (a
// confirmation instead, or other corrections) starts again from what the extractor read.
import { DmonError } from '../errors.js';
import { CAUSES, HAZARDS, TERMS } from '../types.js';
import { CORRECTION_FIELDS, QUALIFIERS, UNITS, type Corrections } from './types.js';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function bad(field: string, what: string): never {
  throw new DmonError('USAGE', `correction "${field}" ${what}`);
}

function oneOf<T>(field: string, v: unknown, allowed: readonly T[], nullable = false): T | null {
  if (v === null && nullable) return null;
  if (!allowed.includes(v as T))
    bad(field, `must be one of: ${allowed.join(', ')}${nullable ? ', or null' : ''}`);
  return v as T;
}

function coordinate(field: string, v: unknown, limit: number): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > limit)
    bad(field, `must be a number between -${limit} and ${limit}`);
  return v;
}

/** Checks a corrections object from the API or the CLI; throws USAGE naming the bad field. */
export function checkCorrections(input: unknown): Corrections {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new DmonError('USAGE', 'corrections must be an object, e.g. {"figure": 19000}');
  const c = input as Record<string, unknown>;
  const out: Corrections = {};
  for (const k of Object.keys(c))
    if (!(CORRECTION_FIELDS as readonly string[]).includes(k))
      bad(k, `is not a field a review can correct; use: ${CORRECTION_FIELDS.join(', ')}`);
  if (Object.keys(c).length === 0)
    throw new DmonError('USAGE', `a correction must change at least one of: ${CORRECTION_FIELDS.join(', ')}`);
  if ('figure' in c) {
    if (!Number.isSafeInteger(c.figure) || (c.figure as number) < 0)
      bad('figure', 'must be a whole number of 0 or more');
    out.figure = c.figure as number;
  }
  if ('term' in c) out.term = oneOf('term', c.term, TERMS)!;
  if ('unit' in c) out.unit = oneOf('unit', c.unit, UNITS)!;
  if ('qualifier' in c) out.qualifier = oneOf('qualifier', c.qualifier, QUALIFIERS)!;
  if ('cause' in c) out.cause = oneOf('cause', c.cause, CAUSES, true);
  if ('hazard' in c) out.hazard = oneOf('hazard', c.hazard, HAZARDS, true);
  if ('stock_or_flow' in c)
    out.stock_or_flow = oneOf('stock_or_flow', c.stock_or_flow, ['stock', 'flow'] as const)!;
  if ('country' in c) {
    if (c.country !== null && (typeof c.country !== 'string' || !/^[A-Z]{2}[A-Z0-9]$/.test(c.country)))
      bad('country', 'must be an ISO 3166-1 alpha-3 code such as "IRQ", or null');
    out.country = c.country as string | null;
  }
  if ('admin1' in c) {
    if (c.admin1 !== null && (typeof c.admin1 !== 'string' || !c.admin1.trim() || c.admin1.length > 100))
      bad('admin1', 'must be a non-empty name or code of at most 100 characters, or null');
    out.admin1 = c.admin1 as string | null;
  }
  if ('place' in c) {
    const p = c.place as Record<string, unknown> | null;
    if (p === null) out.place = null;
    else {
      if (typeof p !== 'object' || typeof p.name !== 'string' || !p.name.trim() || p.name.length > 200)
        bad('place', 'must be {name, lat?, lon?} with a name of at most 200 characters, or null');
      out.place = {
        name: p.name,
        lat: coordinate('place.lat', p.lat, 90),
        lon: coordinate('place.lon', p.lon, 180),
      };
    }
  }
  if ('date' in c) {
    const d = c.date as Record<string, unknown> | null;
    if (d === null) out.date = null;
    else {
      if (typeof d !== 'object' || typeof d.start !== 'string' || !DAY.test(d.start))
        bad('date', 'must be {start: "YYYY-MM-DD", end?: "YYYY-MM-DD"}, or null');
      const end = d.end === undefined ? d.start : d.end;
      if (typeof end !== 'string' || !DAY.test(end) || end < d.start)
        bad('date.end', 'must be a YYYY-MM-DD day on or after date.start');
      out.date = { start: d.start, end };
    }
  }
  return out;
}

/** The stored fact columns a correction can change. */
export interface CorrectableRow {
  term: string;
  figure: number | null;
  figure_key: number;
  vague: string | null;
  range_lo: number | null;
  range_hi: number | null;
  qualifier: string;
  unit: string;
  people: number | null;
  household_size: number | null;
  cause: string | null;
  hazard: string | null;
  country: string | null;
  admin1: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  fact_date: string | null;
  date_start: string | null;
  date_end: string | null;
  stock_or_flow: string;
}

export const CORRECTABLE_COLUMNS: readonly (keyof CorrectableRow)[] = [
  'term',
  'figure',
  'figure_key',
  'vague',
  'range_lo',
  'range_hi',
  'qualifier',
  'unit',
  'people',
  'household_size',
  'cause',
  'hazard',
  'country',
  'admin1',
  'location',
  'lat',
  'lon',
  'fact_date',
  'date_start',
  'date_end',
  'stock_or_flow',
];

/** The row with the corrections written over it. People follow a new figure or unit: the
 * figure itself for people, households times the row's household size (null when unknown). */
export function correctRow(row: CorrectableRow, c: Corrections): CorrectableRow {
  const out = { ...row };
  if (c.figure !== undefined) {
    out.figure = c.figure;
    out.figure_key = c.figure;
    out.vague = null;
    out.range_lo = null;
    out.range_hi = null;
  }
  if (c.term !== undefined) out.term = c.term;
  if (c.unit !== undefined) out.unit = c.unit;
  if (c.qualifier !== undefined) out.qualifier = c.qualifier;
  if (c.cause !== undefined) out.cause = c.cause;
  if (c.hazard !== undefined) out.hazard = c.hazard;
  if (c.country !== undefined) out.country = c.country;
  if (c.admin1 !== undefined) out.admin1 = c.admin1;
  if (c.place !== undefined) {
    out.location = c.place?.name ?? null;
    out.lat = c.place?.lat ?? null;
    out.lon = c.place?.lon ?? null;
  }
  if (c.date !== undefined) {
    out.date_start = c.date?.start ?? null;
    out.date_end = c.date ? (c.date.end ?? c.date.start) : null;
    if (c.date) out.fact_date = c.date.start;
  }
  if (c.stock_or_flow !== undefined) out.stock_or_flow = c.stock_or_flow;
  if (c.figure !== undefined || c.unit !== undefined) {
    if (out.figure === null) out.people = null;
    else if (out.unit === 'people') out.people = out.figure;
    else out.people = out.household_size === null ? null : Math.round(out.figure * out.household_size);
  }
  return out;
}

/** The row's correctable columns only (what is kept to undo a correction). */
export function correctable(row: CorrectableRow): CorrectableRow {
  const out = {} as Record<string, unknown>;
  for (const k of CORRECTABLE_COLUMNS) out[k] = row[k];
  return out as unknown as CorrectableRow;
}
