// Stored claim and event rows as the API returns them, and back to the plain Claim shape the
// figure rules read.
import type { Claim, TermClass } from '../../claims/types.js';
import type { EventPlace } from '../../events/types.js';
import type { FigureChoice } from '../../figures/recommend.js';
import type { Cause, Hazard, Qualifier, Term, Unit } from '../../types.js';
import type { ClaimRow, EventRow } from '../claimsSchema.js';

export interface ClaimView {
  id: string;
  event_id: string | null;
  term_class: TermClass;
  term: Term;
  figure: number | null;
  vague: string | null;
  range: [number, number] | null;
  qualifier: Qualifier;
  unit: Unit;
  people: { count: number; household_size: number | null } | null;
  stock_or_flow: 'stock' | 'flow';
  cause: Cause | null;
  hazard: Hazard | null;
  country: string | null;
  admin1: string | null;
  location: { name: string; lat: number | null; lon: number | null } | null;
  first_date: string | null;
  last_date: string | null;
  first_reported: string | null;
  last_reported: string | null;
  independent_sources: number;
  reports: number;
  confidence: number;
  /** The fact whose wording the claim keeps, and its sentence. */
  lead_fact_id: number;
  evidence: string;
}

export interface EventView {
  id: string;
  name: string;
  hazard_name: string | null;
  cause: Cause | null;
  hazard: Hazard | null;
  countries: string[];
  places: EventPlace[];
  first_date: string | null;
  last_date: string | null;
  claims: number;
  facts: number;
  recommended: {
    figure: number;
    unit: Unit;
    people: number | null;
    term_class: TermClass;
    stock_or_flow: 'stock' | 'flow';
    claim_id: string;
    reason: string;
  } | null;
  /** The chosen figure of every kind the event has. */
  figures: FigureChoice[];
}

export function rowToClaimView(r: ClaimRow): ClaimView {
  return {
    id: r.id,
    event_id: r.event_id,
    term_class: r.term_class as TermClass,
    term: r.term as Term,
    figure: r.figure,
    vague: r.vague,
    range: r.range_lo !== null && r.range_hi !== null ? [r.range_lo, r.range_hi] : null,
    qualifier: r.qualifier as Qualifier,
    unit: r.unit as Unit,
    people: r.people === null ? null : { count: r.people, household_size: r.household_size },
    stock_or_flow: r.stock_or_flow as 'stock' | 'flow',
    cause: r.cause as Cause | null,
    hazard: r.hazard as Hazard | null,
    country: r.country,
    admin1: r.admin1,
    location: r.location === null ? null : { name: r.location, lat: r.lat, lon: r.lon },
    first_date: r.first_date,
    last_date: r.last_date,
    first_reported: r.first_reported,
    last_reported: r.last_reported,
    independent_sources: r.independent_sources,
    reports: r.reports,
    confidence: r.confidence,
    lead_fact_id: r.lead_fact_id,
    evidence: r.evidence,
  };
}

export function rowToEventView(r: EventRow): EventView {
  return {
    id: r.id,
    name: r.name,
    hazard_name: r.hazard_name,
    cause: r.cause as Cause | null,
    hazard: r.hazard as Hazard | null,
    countries: JSON.parse(r.countries) as string[],
    places: JSON.parse(r.places) as EventPlace[],
    first_date: r.first_date,
    last_date: r.last_date,
    claims: r.claim_count,
    facts: r.fact_count,
    recommended:
      r.figure === null || r.figure_claim_id === null
        ? null
        : {
            figure: r.figure,
            unit: r.figure_unit as Unit,
            people: r.figure_people,
            term_class: r.figure_term_class as TermClass,
            stock_or_flow: r.figure_stock_or_flow as 'stock' | 'flow',
            claim_id: r.figure_claim_id,
            reason: r.figure_reason ?? '',
          },
    figures: JSON.parse(r.figures) as FigureChoice[],
  };
}

/** A stored claim as the figure rules read it (without its facts). */
export function rowToClaim(r: ClaimRow): Claim {
  return {
    id: r.id,
    termClass: r.term_class as TermClass,
    term: r.term as Term,
    figure: r.figure,
    vague: r.vague,
    range: r.range_lo !== null && r.range_hi !== null ? [r.range_lo, r.range_hi] : null,
    qualifier: r.qualifier as Qualifier,
    unit: r.unit as Unit,
    people: r.people,
    householdSize: r.household_size,
    stockOrFlow: r.stock_or_flow as 'stock' | 'flow',
    cause: r.cause as Cause | null,
    hazard: r.hazard as Hazard | null,
    country: r.country,
    admin1: r.admin1,
    location: r.location,
    lat: r.lat,
    lon: r.lon,
    firstDate: r.first_date,
    lastDate: r.last_date,
    firstReported: r.first_reported,
    lastReported: r.last_reported,
    independentSources: r.independent_sources,
    reports: r.reports,
    confidence: r.confidence,
    leadFactId: r.lead_fact_id,
    evidence: r.evidence,
    facts: [],
  };
}
