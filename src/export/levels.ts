// Exports at the claim and event levels (`--level claim|event`, `level=claim|event`): the same
// formats as the fact export, one row per claim (a figure with every source that reports it) or
// per event (its recommended figure and its reason). HXL follows the fact export's rules: people
// only in `#affected+<term>+ind` columns and at most one such cell per row, households in `+hh`,
// houses only as the raw `#indicator+num`.
import type { TermClass } from '../claims/types.js';
import { DmonError } from '../errors.js';
import type { EventPlace } from '../events/types.js';
import type { FactFilter, Store } from '../store/index.js';
import type { ClaimView, EventView } from '../store/queries/claimViews.js';
import type { ClaimFilter } from '../store/queries/claims.js';
import type { EventFilter } from '../store/queries/events.js';
import { HOUSING_TERMS, type Term } from '../types.js';
import type { Admin1Coder } from './admin1Code.js';
import { point, type Geometry } from './formats.js';
import { col, householdsColumn, peopleColumn, PEOPLE_TERMS, type ExportColumn } from './hxl.js';

export const EXPORT_LEVELS = ['fact', 'claim', 'event'] as const;
export type ExportLevel = (typeof EXPORT_LEVELS)[number];

/** One claim as every export format writes it. */
export interface ClaimExportRow {
  id: string;
  event_id: string | null;
  country: string | null;
  admin1: string | null;
  admin1_code: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  term_class: string;
  term: string;
  figure: number | null;
  vague: string | null;
  range_low: number | null;
  range_high: number | null;
  qualifier: string;
  /** `people`, `households`, or `houses` for the housing terms. */
  unit: string;
  people: number | null;
  household_size: number | null;
  first_date: string | null;
  last_date: string | null;
  first_reported: string | null;
  last_reported: string | null;
  cause: string | null;
  hazard: string | null;
  stock_or_flow: string;
  independent_sources: number;
  reports: number;
  confidence: number;
  lead_fact_id: number;
  evidence: string;
}

export function toClaimExportRow(c: ClaimView, admin1Code?: Admin1Coder): ClaimExportRow {
  return {
    id: c.id,
    event_id: c.event_id,
    country: c.country,
    admin1: c.admin1,
    admin1_code: admin1Code ? admin1Code(c.country, c.admin1) : null,
    location: c.location?.name ?? null,
    lat: c.location?.lat ?? null,
    lon: c.location?.lon ?? null,
    term_class: c.term_class,
    term: c.term,
    figure: c.figure,
    vague: c.vague,
    range_low: c.range?.[0] ?? null,
    range_high: c.range?.[1] ?? null,
    qualifier: c.qualifier,
    unit: HOUSING_TERMS.has(c.term) ? 'houses' : c.unit,
    people: c.people?.count ?? null,
    household_size: c.people?.household_size ?? null,
    first_date: c.first_date,
    last_date: c.last_date,
    first_reported: c.first_reported,
    last_reported: c.last_reported,
    cause: c.cause,
    hazard: c.hazard,
    stock_or_flow: c.stock_or_flow,
    independent_sources: c.independent_sources,
    reports: c.reports,
    confidence: c.confidence,
    lead_fact_id: c.lead_fact_id,
    evidence: c.evidence,
  };
}

export function claimColumns(terms?: readonly Term[] | null): ExportColumn<ClaimExportRow>[] {
  const wanted = terms?.length ? PEOPLE_TERMS.filter((t) => terms.includes(t)) : PEOPLE_TERMS;
  const c = col<ClaimExportRow>;
  return [
    c('id', '#meta+id', 'text', 'the claim id (`GET /api/claims/{id}`)'),
    c('event_id', '#event+id', 'text', 'the event it belongs to (`GET /api/events/{id}`)'),
    c('country', '#country+code', 'text', 'ISO 3166-1 alpha-3 country code'),
    c('admin1', '#adm1+name', 'text', 'first-level administrative area'),
    c('admin1_code', '#adm1+code', 'text', 'its GeoNames admin1 code'),
    c('location', '#loc+name', 'text', 'the place the figure refers to'),
    c('lat', '#geo+lat', 'number', 'its latitude (WGS 84)'),
    c('lon', '#geo+lon', 'number', 'its longitude (WGS 84)'),
    c(
      'term_class',
      '#indicator+class',
      'text',
      'the class of terms counting the same people (`displacement`, …)',
    ),
    c('term', '#indicator+term', 'text', 'the strongest wording among its reports'),
    c('figure', '#indicator+num', 'integer', 'the figure as written, in its unit'),
    c('vague', '#indicator+text', 'text', 'the words of a vague quantity'),
    c('range_low', '#indicator+num+min', 'integer', 'low end of a stated range'),
    c('range_high', '#indicator+num+max', 'integer', 'high end of a stated range'),
    c('qualifier', '#indicator+qualifier', 'text', '`exact`, `approximately`, `at_least`, …'),
    c('unit', '#indicator+unit', 'text', '`people`, `households` or `houses`'),
    c('household_size', '#indicator+hhsize', 'number', 'household size used for people'),
    ...wanted.map((t) => peopleColumn<ClaimExportRow>(t)),
    ...wanted.map((t) => householdsColumn<ClaimExportRow>(t)),
    c('first_date', '#date+start', 'date', 'earliest date the figure refers to'),
    c('last_date', '#date+end', 'date', 'latest date it refers to'),
    c('first_reported', '#date+reported+first', 'date', 'first publication reporting it'),
    c('last_reported', '#date+reported+last', 'date', 'latest publication reporting it'),
    c('cause', '#cause', 'text', '`conflict`, `disaster` or `other`'),
    c('hazard', '#event+type', 'text', 'the hazard'),
    c('stock_or_flow', '#indicator+type', 'text', '`stock` or `flow`'),
    c(
      'independent_sources',
      '#meta+sources+num',
      'integer',
      'independent sources (syndicated copies count once)',
    ),
    c('reports', '#meta+reports+num', 'integer', 'facts (reports) behind the claim'),
    c(
      'confidence',
      '#meta+confidence',
      'number',
      'the highest confidence among its reports (calibrated, 0..1)',
    ),
    c('lead_fact_id', '#meta+fact', 'integer', 'the fact whose wording it keeps (`GET /api/facts/{id}`)'),
    c('evidence', '#description', 'text', "that fact's sentence"),
  ];
}

/** The HXL attribute of each class that counts people (housing classes count houses). */
const CLASS_ATTRIBUTES: Partial<Record<TermClass, string>> = {
  displacement: 'displaced',
  evacuation: 'evacuated',
  shelter: 'sheltered',
  homeless: 'homeless',
  refugees: 'refugees',
  returns: 'returnees',
};
export const PEOPLE_CLASSES = Object.keys(CLASS_ATTRIBUTES) as TermClass[];

/** One event as every export format writes it: its recommended figure and reason. */
export interface EventExportRow {
  id: string;
  name: string;
  hazard_name: string | null;
  cause: string | null;
  hazard: string | null;
  /** ISO3 codes, `; `-separated (a cyclone can cross two countries). */
  countries: string;
  admin1: string | null;
  places: string | null;
  /** The first place with coordinates (GeoJSON has them all). */
  lat: number | null;
  lon: number | null;
  first_date: string | null;
  last_date: string | null;
  term_class: string | null;
  figure: number | null;
  unit: string | null;
  people: number | null;
  stock_or_flow: string | null;
  claim_id: string | null;
  reason: string | null;
  claims: number;
  facts: number;
}

const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];

export function toEventExportRow(e: EventView): EventExportRow {
  const located = e.places.find((p) => p.lat !== null && p.lon !== null);
  const r = e.recommended;
  const housing = r !== null && CLASS_ATTRIBUTES[r.term_class] === undefined;
  return {
    id: e.id,
    name: e.name,
    hazard_name: e.hazard_name,
    cause: e.cause,
    hazard: e.hazard,
    countries: e.countries.join('; '),
    admin1: uniq(e.places.map((p) => p.admin1)).join('; ') || null,
    places: uniq(e.places.map((p) => p.location)).join('; ') || null,
    lat: located?.lat ?? null,
    lon: located?.lon ?? null,
    first_date: e.first_date,
    last_date: e.last_date,
    term_class: r?.term_class ?? null,
    figure: r?.figure ?? null,
    unit: r ? (housing ? 'houses' : r.unit) : null,
    people: r && !housing ? r.people : null,
    stock_or_flow: r?.stock_or_flow ?? null,
    claim_id: r?.claim_id ?? null,
    reason: r?.reason ?? null,
    claims: e.claims,
    facts: e.facts,
  };
}

/** Every located place of an event: a point, or several for an event over several places. */
export function eventGeometry(places: readonly EventPlace[]): Geometry | null {
  const seen = new Set<string>();
  const coords: [number, number][] = [];
  for (const p of places) {
    if (p.lat === null || p.lon === null) continue;
    const k = `${p.lon},${p.lat}`;
    if (seen.has(k)) continue;
    seen.add(k);
    coords.push([p.lon, p.lat]);
  }
  if (coords.length === 0) return null;
  if (coords.length === 1) return point(coords[0]![1], coords[0]![0]);
  return { type: 'MultiPoint', coordinates: coords };
}

export function eventColumns(): ExportColumn<EventExportRow>[] {
  const c = col<EventExportRow>;
  const people = (cls: TermClass): ExportColumn<EventExportRow> => ({
    header: `people_${cls}`,
    tag: `#affected+${CLASS_ATTRIBUTES[cls]!}+ind`,
    type: 'integer',
    doc: `people, when the recommended figure is of the ${cls} class; empty otherwise`,
    value: (r) => (r.term_class === cls ? r.people : null),
  });
  const households = (cls: TermClass): ExportColumn<EventExportRow> => ({
    header: `households_${cls}`,
    tag: `#affected+${CLASS_ATTRIBUTES[cls]!}+hh`,
    type: 'integer',
    doc: `households, when the recommended ${cls} figure was stated in households`,
    value: (r) => (r.term_class === cls && r.unit === 'households' ? r.figure : null),
  });
  return [
    c('id', '#event+id', 'text', 'the event id (`GET /api/events/{id}`)'),
    c('name', '#event+name', 'text', 'its name ("Cyclone Mocha", "Conflict — Nineveh, Iraq, Oct 2016")'),
    c('hazard_name', '#event+name+hazard', 'text', "the hazard's own name when the text gives one"),
    c('cause', '#cause', 'text', '`conflict`, `disaster` or `other`'),
    c('hazard', '#event+type', 'text', 'the hazard'),
    c('countries', '#country+code', 'text', 'ISO3 codes, `; `-separated'),
    c('admin1', '#adm1+name', 'text', 'its first-level areas, `; `-separated'),
    c('places', '#loc+name', 'text', 'its places, `; `-separated'),
    c('lat', '#geo+lat', 'number', 'latitude of its first located place'),
    c('lon', '#geo+lon', 'number', 'longitude of its first located place'),
    c('first_date', '#date+start', 'date', 'first date'),
    c('last_date', '#date+end', 'date', 'last date'),
    c('term_class', '#indicator+class', 'text', 'the class of the recommended figure'),
    c('figure', '#indicator+num', 'integer', 'the recommended figure as written, in its unit'),
    c('unit', '#indicator+unit', 'text', '`people`, `households` or `houses`'),
    ...PEOPLE_CLASSES.map(people),
    ...PEOPLE_CLASSES.map(households),
    c('stock_or_flow', '#indicator+type', 'text', '`stock` or `flow`'),
    c('claim_id', '#meta+claim', 'text', 'the claim the recommended figure comes from'),
    c('claims', '#meta+claims+num', 'integer', 'claims in the event'),
    c('facts', '#meta+facts+num', 'integer', 'facts in the event'),
    c('reason', '#description', 'text', 'why this figure is recommended, in a sentence'),
  ];
}

function unsupported(level: ExportLevel, f: FactFilter, names: (keyof FactFilter)[]): void {
  const label: Partial<Record<keyof FactFilter, string>> = {
    minFigure: 'min',
    minConfidence: 'min_confidence',
  };
  const used = names.filter((k) => f[k] !== undefined && !(Array.isArray(f[k]) && f[k].length === 0));
  if (used.length)
    throw new DmonError(
      'USAGE',
      `the ${used.map((k) => label[k] ?? k).join(', ')} filter${used.length > 1 ? 's apply' : ' applies'} to facts only; level=${level} takes country, cause, hazard, from, to${level === 'claim' ? ' and term' : ''}.`,
    );
}

/** The claim filter a fact filter stands for; fact-only filters are refused, not ignored. */
export function claimFilterOf(f: FactFilter): ClaimFilter {
  unsupported('claim', f, ['admin1', 'minFigure', 'minConfidence', 'q', 'articleId']);
  const { country, term, cause, hazard, from, to } = f;
  return dropUndefined({ country, term, cause, hazard, from, to });
}

export function eventFilterOf(f: FactFilter): EventFilter {
  unsupported('event', f, ['admin1', 'term', 'minFigure', 'minConfidence', 'q', 'articleId']);
  const { country, cause, hazard, from, to } = f;
  return dropUndefined({ country, cause, hazard, from, to });
}

function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** Every claim matching `filter`, page by page. */
export async function* iterateClaims(store: Store, filter: ClaimFilter): AsyncGenerator<ClaimView> {
  let cursor: string | null = null;
  do {
    const page: { items: ClaimView[]; next: string | null } = await store.claims.list(filter, {
      limit: 500,
      cursor,
    });
    yield* page.items;
    cursor = page.next;
  } while (cursor);
}

export async function* iterateEvents(store: Store, filter: EventFilter): AsyncGenerator<EventView> {
  let cursor: string | null = null;
  do {
    const page: { items: EventView[]; next: string | null } = await store.events.list(filter, {
      limit: 500,
      cursor,
    });
    yield* page.items;
    cursor = page.next;
  } while (cursor);
}
