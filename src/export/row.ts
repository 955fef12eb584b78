// The flat record every export format writes: one fact, its place, date and source.
import type { FactListItem } from '../store/index.js';
import { HOUSING_TERMS } from '../types.js';
import type { Admin1Coder } from './admin1Code.js';

export interface ExportRow {
  id: number;
  country: string | null;
  admin1: string | null;
  admin1_code: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  term: string;
  figure: number | null;
  vague: string | null;
  qualifier: string;
  /** `people`, `households`, or `houses` for the housing terms (homes are no households). */
  unit: string;
  people: number | null;
  household_size: number | null;
  date: string | null;
  date_end: string | null;
  cause: string | null;
  hazard: string | null;
  stock_or_flow: string;
  confidence: number;
  source: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  evidence: string;
  article_id: number;
}

export function toExportRow(f: FactListItem, admin1Code?: Admin1Coder): ExportRow {
  return {
    id: f.id,
    country: f.country,
    admin1: f.admin1,
    admin1_code: admin1Code ? admin1Code(f.country, f.admin1) : null,
    location: f.location?.name ?? null,
    lat: f.location?.lat ?? null,
    lon: f.location?.lon ?? null,
    term: f.term,
    figure: f.figure,
    vague: f.vague ?? null,
    qualifier: f.qualifier,
    unit: HOUSING_TERMS.has(f.term) ? 'houses' : f.unit,
    people: f.people?.count ?? null,
    household_size: f.people?.household_size ?? null,
    date: f.date?.start ?? f.fact_date,
    date_end: f.date?.end ?? f.fact_date,
    cause: f.cause,
    hazard: f.hazard,
    stock_or_flow: f.stock_or_flow,
    confidence: f.confidence,
    source: f.article.source,
    url: f.article.url,
    title: f.article.title,
    published: f.article.published,
    evidence: f.evidence,
    article_id: f.article_id,
  };
}

/** The facts as export rows. */
export async function* factRows(
  facts: AsyncIterable<FactListItem>,
  admin1Code?: Admin1Coder,
): AsyncGenerator<ExportRow> {
  for await (const f of facts) yield toExportRow(f, admin1Code);
}
