// Hand-written reports for the claims, events and figures tests: plain ClaimFacts as the store
// would build them from articles, with only what a scenario needs spelled out.
import type { ClaimFact } from './types.js';

let nextFact = 1;

export type Report = Partial<ClaimFact> & { articleId: number; figure: number | null; evidence: string };

export function report(r: Report): ClaimFact {
  const date = r.dateStart ?? r.published ?? null;
  return {
    factId: nextFact++,
    originalArticleId: null,
    copies: 0,
    outlet: `outlet-${r.articleId}.example`,
    url: `https://outlet-${r.articleId}.example/story`,
    title: null,
    published: date,
    term: 'displaced',
    vague: null,
    range: null,
    qualifier: 'exact',
    unit: 'people',
    people: r.figure,
    householdSize: null,
    cause: 'conflict',
    hazard: null,
    country: 'IRQ',
    admin1: 'Nineveh',
    location: 'Mosul',
    lat: 36.335,
    lon: 43.1189,
    dateStart: date,
    dateEnd: r.dateEnd ?? date,
    dateStated: false,
    stockOrFlow: 'flow',
    confidence: 0.8,
    quantityStart: 10,
    ...r,
  };
}

export const MOSUL = { country: 'IRQ', admin1: 'Nineveh', location: 'Mosul', lat: 36.335, lon: 43.1189 };
export const ERBIL = { country: 'IRQ', admin1: 'Erbil', location: 'Erbil', lat: 36.19, lon: 44.01 };
export const BASRA = { country: 'IRQ', admin1: 'Basra', location: 'Basra', lat: 30.5085, lon: 47.7804 };
export const SITTWE = { country: 'MMR', admin1: 'Rakhine', location: 'Sittwe', lat: 20.1462, lon: 92.8983 };
export const COX = {
  country: 'BGD',
  admin1: 'Chittagong',
  location: "Cox's Bazar",
  lat: 21.4272,
  lon: 92.0058,
};
export const SYLHET = { country: 'BGD', admin1: 'Sylhet', location: 'Sylhet', lat: 24.8949, lon: 91.8687 };
