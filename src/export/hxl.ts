// HXL hashtags (https://hxlstandard.org) for the tabular exports' second row, so a file drops
// into HXL-aware tools (HDX, HXL Proxy, libhxl) as is and means what it says there:
// - people are counted only in `#affected+<term>+ind` columns, one column per term, so a tool
//   that sums `#affected+displaced+ind` adds up displaced people and nothing else, and each row
//   fills at most one `+ind` cell (nobody is counted twice under two terms);
// - households stay households (`#affected+<term>+hh`), never summed as people;
// - houses (the housing terms) are no people: their number is only in `#indicator+num`;
// - the raw figure as written is `#indicator+num`, vague words ("hundreds") `#indicator+text`.
// Tags follow the HXL dictionary and IDMC's own IDU feed on HDX (`#event+type`, `#date+reported`,
// core attributes such as `+incamp`).
import { HOUSING_TERMS, TERMS, type Term } from '../types.js';
import type { ExportRow } from './row.js';

/** The HXL attribute that names each term (core attributes where the dictionary has one). */
export const TERM_ATTRIBUTES: Record<Term, string> = {
  displaced: 'displaced',
  forced_to_flee: 'fled',
  relocated: 'relocated',
  homeless: 'homeless',
  evacuated: 'evacuated',
  sheltered: 'sheltered',
  in_relief_camp: 'incamp',
  destroyed_housing: 'destroyed',
  partially_destroyed_housing: 'damaged',
  uninhabitable_housing: 'uninhabitable',
  refugees: 'refugees',
  returns: 'returnees',
  evicted: 'evicted',
};

/** Terms that count people or households (the housing terms count houses). */
export const PEOPLE_TERMS: readonly Term[] = TERMS.filter((t) => !HOUSING_TERMS.has(t));

export type CellType = 'integer' | 'number' | 'text' | 'date';

/** One column of a tabular export: its header, its hashtag, its type and how to read its cell. */
export interface ExportColumn<R = ExportRow> {
  header: string;
  tag: string;
  type: CellType;
  value(r: R): string | number | null;
  /** What the column holds, for the README's column table. */
  doc: string;
}

export const col = <R = ExportRow>(
  header: keyof R & string,
  tag: string,
  type: CellType,
  doc: string,
): ExportColumn<R> => ({
  header,
  tag,
  type,
  doc,
  value: (r) => r[header] as string | number | null,
});

/** What the per-term people and households columns read from a row (a fact's or a claim's). */
export interface TermFigure {
  term: string;
  figure: number | null;
  unit: string;
  people: number | null;
}

/** The people column of a term: the row's people count when it is that term's, else empty. */
export function peopleColumn<R extends TermFigure = ExportRow>(term: Term): ExportColumn<R> {
  return {
    header: `people_${term}`,
    tag: `#affected+${TERM_ATTRIBUTES[term]}+ind`,
    type: 'integer',
    doc: `people ${term.replace(/_/g, ' ')}: the figure in people (households × household size); empty on other terms' rows`,
    value: (r) => (r.term === term ? r.people : null),
  };
}

/** The households column of a term: the figure when it was stated in households. */
export function householdsColumn<R extends TermFigure = ExportRow>(term: Term): ExportColumn<R> {
  return {
    header: `households_${term}`,
    tag: `#affected+${TERM_ATTRIBUTES[term]}+hh`,
    type: 'integer',
    doc: `households ${term.replace(/_/g, ' ')}: the figure when the text counts families or households; empty otherwise`,
    value: (r) => (r.term === term && r.unit === 'households' ? r.figure : null),
  };
}

/**
 * Column order and hashtags. `terms` narrows the per-term people and households columns to the
 * terms an export is filtered to (all people terms when absent or empty).
 */
export function exportColumns(terms?: readonly Term[] | null): ExportColumn[] {
  const wanted = terms?.length ? PEOPLE_TERMS.filter((t) => terms.includes(t)) : PEOPLE_TERMS;
  return [
    col('id', '#meta+id', 'integer', 'the fact id (`GET /api/facts/{id}`)'),
    col('country', '#country+code', 'text', 'ISO 3166-1 alpha-3 country code'),
    col('admin1', '#adm1+name', 'text', 'first-level administrative area'),
    col('admin1_code', '#adm1+code', 'text', 'its GeoNames admin1 code, e.g. `IQ.18`'),
    col('location', '#loc+name', 'text', 'the place the figure refers to'),
    col('lat', '#geo+lat', 'number', 'its latitude (WGS 84)'),
    col('lon', '#geo+lon', 'number', 'its longitude (WGS 84)'),
    col('term', '#indicator+term', 'text', 'the term (`displaced`, `evacuated`, …, `destroyed_housing`)'),
    col(
      'figure',
      '#indicator+num',
      'integer',
      'the figure as written, in its unit (people, households or houses)',
    ),
    col(
      'vague',
      '#indicator+text',
      'text',
      'the words of a vague quantity ("hundreds of families"); `figure` is then empty',
    ),
    col(
      'qualifier',
      '#indicator+qualifier',
      'text',
      '`exact`, `approximately`, `at_least`, `more_than`, `up_to`, `less_than`',
    ),
    col('unit', '#indicator+unit', 'text', '`people`, `households` or `houses` (housing terms)'),
    col(
      'household_size',
      '#indicator+hhsize',
      'number',
      'the average household size used to turn households into people',
    ),
    ...wanted.map((t) => peopleColumn(t)),
    ...wanted.map((t) => householdsColumn(t)),
    col(
      'date',
      '#date+start',
      'date',
      'start of the period the figure refers to (else the publication date)',
    ),
    col('date_end', '#date+end', 'date', 'end of that period'),
    col('cause', '#cause', 'text', '`conflict`, `disaster` or `other`'),
    col('hazard', '#event+type', 'text', 'the hazard: `flood`, `storm`, `earthquake`, …'),
    col('stock_or_flow', '#indicator+type', 'text', '`stock` (displaced now) or `flow` (new movements)'),
    col('confidence', '#meta+confidence', 'number', 'calibrated confidence 0..1 (see Evaluation)'),
    col('source', '#meta+source', 'text', 'the publisher (feed title or host)'),
    col('url', '#meta+url', 'text', 'the article'),
    col('title', '#meta+title', 'text', 'its title'),
    col('published', '#date+reported', 'date', 'the date the article was published'),
    col('evidence', '#description', 'text', 'the sentence the figure was read from'),
    col('article_id', '#meta+article', 'integer', 'the article id (`GET /api/articles/{id}`)'),
  ];
}
