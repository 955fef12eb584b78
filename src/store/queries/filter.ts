// The fact filter shared by the list, summary and export queries (and so by the API and
// `dmon export`): one definition of what "country=SDN&term=displaced&from=…" means.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Engine } from '../engine.js';
import type { Database } from '../schema.js';
import { containsText } from './like.js';

export interface FactFilter {
  /** ISO3 codes; any of them. */
  country?: string[];
  admin1?: string;
  term?: string[];
  cause?: string;
  hazard?: string;
  /** YYYY-MM-DD, inclusive, on the fact's date (or the article's when none was stated). */
  from?: string;
  to?: string;
  /** Minimum figure (in the fact's own unit). */
  minFigure?: number;
  minConfidence?: number;
  /** Substring of the evidence sentence. */
  q?: string;
  articleId?: number;
}

export interface FactWhereOptions {
  /**
   * On SQLite, test the dates on each row read rather than search an index by them (`+fact_date`):
   * for a read sorted by another column through an index that holds the date (see facts.ts).
   */
  datesTested?: boolean;
}

export function factWhere(engine: Engine, f: FactFilter, options: FactWhereOptions = {}) {
  const date =
    options.datesTested && engine === 'sqlite' ? sql`+facts.fact_date` : sql.ref('facts.fact_date');
  return (eb: ExpressionBuilder<Database, 'facts'>): Expression<SqlBool> => {
    const and: Expression<SqlBool>[] = [];
    if (f.country?.length)
      and.push(
        f.country.length === 1
          ? eb('facts.country', '=', f.country[0]!)
          : eb('facts.country', 'in', f.country),
      );
    if (f.admin1) and.push(eb('facts.admin1', '=', f.admin1));
    if (f.term?.length)
      and.push(f.term.length === 1 ? eb('facts.term', '=', f.term[0]!) : eb('facts.term', 'in', f.term));
    if (f.cause) and.push(eb('facts.cause', '=', f.cause));
    if (f.hazard) and.push(eb('facts.hazard', '=', f.hazard));
    if (f.from) and.push(eb(date, '>=', f.from));
    if (f.to) and.push(eb(date, '<=', f.to), eb(date, '!=', ''));
    if (f.minFigure !== undefined) and.push(eb('facts.figure', '>=', f.minFigure));
    if (f.minConfidence !== undefined) and.push(eb('facts.confidence', '>=', f.minConfidence));
    if (f.q) and.push(containsText(engine, 'facts.evidence', f.q));
    if (f.articleId !== undefined) and.push(eb('facts.article_id', '=', f.articleId));
    // A rejected figure (or its syndicated copy) is not listed, counted or exported; it stays
    // readable by id and through its review (GET /api/reviews). Asked as "not among the
    // rejected ids" (found through the facts_review index) rather than of each row's status,
    // so the country summary still reads only its covering index: 4-10× faster on 50,000 facts.
    and.push(
      eb(
        'facts.id',
        'not in',
        eb
          .selectFrom('facts as rejected')
          .select('rejected.id')
          .where('rejected.review_id', 'is not', null)
          .where('rejected.review_status', '=', 'rejected'),
      ),
    );
    return eb.and(and);
  };
}
