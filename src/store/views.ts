// Mapping between the fact model (src/types.ts) and stored rows, and the shapes the API and
// exports return. The stored row keeps every field of a Fact, so toFact(fromFact(f)) == f.
import type { Fact, FactDate, Place } from '../types.js';
import type { FactRow, NewFact, PlaceRow } from './schema.js';

/** The place a fact is filed under: the first location in the fact's country, else the first. */
export function primaryPlace(fact: Fact): Place | undefined {
  return fact.locations.find((p) => p.country && p.country === fact.country) ?? fact.locations[0];
}

export function factToRow(
  fact: Fact,
  ctx: {
    articleId: number;
    ordinal: number;
    text: string;
    published: string | null;
    version: string;
    now: number;
  },
): NewFact {
  const place = primaryPlace(fact);
  const [s, e] = fact.span;
  return {
    article_id: ctx.articleId,
    ordinal: ctx.ordinal,
    term: fact.term,
    figure: fact.figure,
    figure_key: fact.figure ?? -1,
    vague: fact.vague ?? null,
    range_lo: fact.range?.[0] ?? null,
    range_hi: fact.range?.[1] ?? null,
    qualifier: fact.qualifier,
    unit: fact.unit,
    people: fact.people?.count ?? null,
    household_size: fact.people?.household_size ?? null,
    cause: fact.cause,
    hazard: fact.hazard,
    country: fact.country ?? place?.country ?? null,
    admin1: place?.admin1 ?? null,
    location: place?.name ?? null,
    lat: place?.lat ?? null,
    lon: place?.lon ?? null,
    fact_date: fact.date?.start ?? ctx.published ?? '',
    date_start: fact.date?.start ?? null,
    date_end: fact.date?.end ?? null,
    date_text: fact.date?.text ?? null,
    date_year_stated: fact.date ? (fact.date.year_stated ? 1 : 0) : null,
    date_span_start: fact.date?.span[0] ?? null,
    date_span_end: fact.date?.span[1] ?? null,
    stock_or_flow: fact.stock_or_flow,
    span_start: s,
    span_end: e,
    quantity_start: fact.quantity_span[0],
    quantity_end: fact.quantity_span[1],
    term_start: fact.term_span[0],
    term_end: fact.term_span[1],
    evidence: ctx.text.slice(s, e),
    confidence: fact.confidence,
    reason: fact.reason,
    implied: JSON.stringify(fact.implied),
    extractor_version: ctx.version,
    created_at: ctx.now,
  };
}

export function placeToRow(
  place: Place,
  ctx: { factId: number; articleId: number; ordinal: number },
): Omit<PlaceRow, 'id'> {
  return {
    fact_id: ctx.factId,
    article_id: ctx.articleId,
    ordinal: ctx.ordinal,
    name: place.name,
    start: place.start,
    end: place.end,
    lat: place.lat,
    lon: place.lon,
    country: place.country,
    admin1: place.admin1 ?? null,
    geoname_id: place.geonameId ?? null,
    kind: place.kind ?? null,
  };
}

export function rowToPlace(r: PlaceRow): Place {
  const p: Place = { name: r.name, start: r.start, end: r.end, lat: r.lat, lon: r.lon, country: r.country };
  if (r.geoname_id !== null) p.geonameId = r.geoname_id;
  if (r.admin1 !== null) p.admin1 = r.admin1;
  if (r.kind !== null) p.kind = r.kind;
  return p;
}

function rowDate(r: FactRow): FactDate | null {
  if (r.date_start === null || r.date_end === null) return null;
  return {
    start: r.date_start,
    end: r.date_end,
    text: r.date_text ?? '',
    span: [r.date_span_start ?? 0, r.date_span_end ?? 0],
    year_stated: r.date_year_stated === 1,
  };
}

/** A stored fact as the API returns it: the fact model plus ids, its filing place and evidence. */
export interface FactView extends Omit<Fact, 'locations'> {
  id: number;
  article_id: number;
  admin1: string | null;
  location: { name: string; lat: number | null; lon: number | null } | null;
  /** The date the figure is filed under (its own, or the article's publication date). */
  fact_date: string | null;
  evidence: string;
  extractor_version: string;
  locations?: Place[];
  /** The review applied to the figure, with the extracted values a correction replaced. */
  review?: {
    id: number;
    status: 'confirmed' | 'corrected' | 'rejected';
    extracted?: Record<string, unknown>;
  };
}

export function rowToFactView(r: FactRow, places?: PlaceRow[]): FactView {
  const v: FactView = {
    id: r.id,
    article_id: r.article_id,
    term: r.term as Fact['term'],
    figure: r.figure,
    qualifier: r.qualifier as Fact['qualifier'],
    unit: r.unit as Fact['unit'],
    people: r.people === null ? null : { count: r.people, household_size: r.household_size },
    cause: r.cause as Fact['cause'],
    hazard: r.hazard as Fact['hazard'],
    country: r.country,
    admin1: r.admin1,
    location: r.location === null ? null : { name: r.location, lat: r.lat, lon: r.lon },
    date: rowDate(r),
    fact_date: r.fact_date || null,
    stock_or_flow: r.stock_or_flow as Fact['stock_or_flow'],
    span: [r.span_start, r.span_end],
    quantity_span: [r.quantity_start, r.quantity_end],
    term_span: [r.term_start, r.term_end],
    evidence: r.evidence,
    confidence: r.confidence,
    reason: r.reason,
    implied: JSON.parse(r.implied) as string[],
    extractor_version: r.extractor_version,
  };
  if (r.vague !== null) v.vague = r.vague;
  if (r.range_lo !== null && r.range_hi !== null) v.range = [r.range_lo, r.range_hi];
  if (places) v.locations = places.map(rowToPlace);
  if (r.review_id !== null && r.review_status !== null) {
    v.review = { id: r.review_id, status: r.review_status as 'confirmed' | 'corrected' | 'rejected' };
    if (r.review_original) v.review.extracted = JSON.parse(r.review_original) as Record<string, unknown>;
  }
  return v;
}
