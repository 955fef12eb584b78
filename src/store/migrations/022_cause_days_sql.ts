// The SQL of migration 022's table summary_cause_days: each article's counted facts with a cause or
// a hazard, per cause x hazard x day x term x country, with their largest figure. The statements a
// change to one fact row runs (in a trigger), the grouped statements for many inserted or deleted
// rows at once (as 018 and 019 do for the other tables), and the statement that fills the table
// from the facts already stored. Part of a shipped migration once landed: never edit; a later
// change is a new migration.
//
// A fact counts as in migrations 010 and 017: unless rejected by a review, with a country and a
// date. A fact with neither cause nor hazard has no row: no filter of cause or hazard matches it,
// and the other filters are answered by 017's tables. '' is no cause or no hazard.
import type { SummarySqlDialect } from './010_summary_sql.js';

const T = 'summary_cause_days';
const counted = (r: string) =>
  `(${r}.review_id IS NULL OR ${r}.review_status IS NULL OR ${r}.review_status <> 'rejected')`;
const cause = (r: string) => `coalesce(${r}.cause, '')`;
const hazard = (r: string) => `coalesce(${r}.hazard, '')`;
const kept = (r: string) =>
  `${r}.country IS NOT NULL AND ${r}.fact_date IS NOT NULL AND ${r}.fact_date <> '' AND ${counted(r)}
   AND (${cause(r)} <> '' OR ${hazard(r)} <> '')`;
/** The key columns, in the primary key's order. */
export const CAUSE_DAYS_KEY = ['cause', 'day', 'hazard', 'term', 'country', 'article_id'] as const;
const KEY = CAUSE_DAYS_KEY.join(', ');
/** Row `r`'s cell as the key columns' values. */
const cellOf = (r: string) => [
  cause(r),
  `${r}.fact_date`,
  hazard(r),
  `${r}.term`,
  `${r}.country`,
  `${r}.article_id`,
];
/** Facts f in cell t of the table, for recomputing its largest figure after a removal. */
const inCell = (t: string) =>
  `f.article_id = ${t}.article_id AND f.fact_date = ${t}.day AND f.country = ${t}.country
   AND f.term = ${t}.term AND ${cause('f')} = ${t}.cause AND ${hazard('f')} = ${t}.hazard AND ${counted('f')}`;

/** The statement that adds fact row NEW. */
export function addCauseDayFact(d: SummarySqlDialect): string[] {
  return [
    `INSERT INTO ${T} (${KEY}, n, max_people)
     SELECT ${cellOf('NEW').join(', ')}, 1, NEW.people
     WHERE ${kept('NEW')}
     ON CONFLICT (${KEY}) DO UPDATE SET
       n = ${T}.n + 1,
       max_people = ${d.greatest(`${T}.max_people`, 'excluded.max_people')}`,
  ];
}

/** The statements that take fact row OLD out (its cell goes when no fact is left in it). */
export function removeCauseDayFact(): string[] {
  const same = CAUSE_DAYS_KEY.map((k, i) => `${T}.${k} = ${cellOf('OLD')[i]}`).join(' AND ');
  return [
    `UPDATE ${T} SET
       n = ${T}.n - 1,
       max_people = CASE WHEN OLD.people >= ${T}.max_people
         THEN (SELECT max(f.people) FROM facts f WHERE ${inCell(T)}) ELSE ${T}.max_people END
     WHERE ${kept('OLD')} AND ${same}`,
    `DELETE FROM ${T} WHERE ${T}.n <= 0 AND ${same}`,
  ];
}

/** The cells of relation `rows`, grouped. */
const cells = (rows: string) => `SELECT ${cellOf('r')
  .map((e, i) => `${e} AS ${CAUSE_DAYS_KEY[i]}`)
  .join(', ')}, count(*) AS n, max(r.people) AS max_people
       FROM ${rows} r WHERE ${kept('r')}
       GROUP BY ${cellOf('r').join(', ')}`;

/** The statement that adds the fact rows of relation `rows`. */
export function addCauseDayRows(d: SummarySqlDialect, rows: string): string[] {
  return [
    `INSERT INTO ${T} (${KEY}, n, max_people)
     SELECT ${CAUSE_DAYS_KEY.map((k) => `c.${k}`).join(', ')}, c.n, c.max_people
     FROM (${cells(rows)}) c
     WHERE true
     ON CONFLICT (${KEY}) DO UPDATE SET
       n = ${T}.n + excluded.n,
       max_people = ${d.greatest(`${T}.max_people`, 'excluded.max_people')}`,
  ];
}

/** The statements that take the fact rows of relation `rows`, already deleted from facts, out. */
export function removeCauseDayRows(rows: string): string[] {
  const same = CAUSE_DAYS_KEY.map((k) => `${T}.${k} = c.${k}`).join(' AND ');
  return [
    `UPDATE ${T} SET
       n = ${T}.n - c.n,
       max_people = CASE WHEN c.max_people >= ${T}.max_people
         THEN (SELECT max(f.people) FROM facts f WHERE ${inCell(T)}) ELSE ${T}.max_people END
     FROM (${cells(rows)}) c
     WHERE ${same}`,
    `DELETE FROM ${T} WHERE ${T}.n <= 0
       AND (${KEY}) IN (SELECT ${KEY} FROM (${cells(rows)}) c)`,
  ];
}

/** The INSERT … SELECT that fills the empty table from the stored facts. */
export function backfillCauseDays(): string[] {
  return [
    `INSERT INTO ${T} (${KEY}, n, max_people)
     SELECT ${cellOf('facts').join(', ')}, count(*), max(facts.people)
     FROM facts WHERE ${kept('facts')}
     GROUP BY ${cellOf('facts').join(', ')}`,
  ];
}
