// The SQL of migration 026's table summary_cause_articles: each article's counted facts with a
// cause or a hazard, per cause x hazard x day x country, without the term (migration 022's
// summary_cause_days keeps the term, so an article with facts of several terms has a row per
// term there). The statements a change to one fact row runs (in a trigger), the grouped
// statements for many inserted or deleted rows at once, and the statement that fills the table
// from the facts already stored. Part of a shipped migration once landed: never edit; a later
// change is a new migration.
//
// A fact counts as in migration 022: unless rejected by a review, with a country and a date, and
// with a cause or a hazard. '' is no cause or no hazard. A row whose count falls to 0 is deleted
// in the same statements, so every row stored counts (the distinct articles are read from the
// primary key alone).

const T = 'summary_cause_articles';
const counted = (r: string) =>
  `(${r}.review_id IS NULL OR ${r}.review_status IS NULL OR ${r}.review_status <> 'rejected')`;
const cause = (r: string) => `coalesce(${r}.cause, '')`;
const hazard = (r: string) => `coalesce(${r}.hazard, '')`;
const kept = (r: string) =>
  `${r}.country IS NOT NULL AND ${r}.fact_date IS NOT NULL AND ${r}.fact_date <> '' AND ${counted(r)}
   AND (${cause(r)} <> '' OR ${hazard(r)} <> '')`;
/** The key columns, in the primary key's order. */
export const CAUSE_ARTICLES_KEY = ['cause', 'hazard', 'day', 'country', 'article_id'] as const;
const KEY = CAUSE_ARTICLES_KEY.join(', ');
/** Row `r`'s cell as the key columns' values. */
const cellOf = (r: string) => [cause(r), hazard(r), `${r}.fact_date`, `${r}.country`, `${r}.article_id`];

/** The statement that adds fact row NEW. */
export function addCauseArticleFact(): string[] {
  return [
    `INSERT INTO ${T} (${KEY}, n)
     SELECT ${cellOf('NEW').join(', ')}, 1
     WHERE ${kept('NEW')}
     ON CONFLICT (${KEY}) DO UPDATE SET n = ${T}.n + 1`,
  ];
}

/** The statements that take fact row OLD out (its cell goes when no fact is left in it). */
export function removeCauseArticleFact(): string[] {
  const same = CAUSE_ARTICLES_KEY.map((k, i) => `${T}.${k} = ${cellOf('OLD')[i]}`).join(' AND ');
  return [
    `UPDATE ${T} SET n = ${T}.n - 1 WHERE ${kept('OLD')} AND ${same}`,
    `DELETE FROM ${T} WHERE ${T}.n <= 0 AND ${same}`,
  ];
}

/** The cells of relation `rows`, grouped. */
const cells = (rows: string) => `SELECT ${cellOf('r')
  .map((e, i) => `${e} AS ${CAUSE_ARTICLES_KEY[i]}`)
  .join(', ')}, count(*) AS n
       FROM ${rows} r WHERE ${kept('r')}
       GROUP BY ${cellOf('r').join(', ')}`;

/** The statement that adds the fact rows of relation `rows`. */
export function addCauseArticleRows(rows: string): string[] {
  return [
    `INSERT INTO ${T} (${KEY}, n)
     SELECT ${CAUSE_ARTICLES_KEY.map((k) => `c.${k}`).join(', ')}, c.n
     FROM (${cells(rows)}) c
     WHERE true
     ON CONFLICT (${KEY}) DO UPDATE SET n = ${T}.n + excluded.n`,
  ];
}

/** The statements that take the fact rows of relation `rows`, already deleted from facts, out. */
export function removeCauseArticleRows(rows: string): string[] {
  const same = CAUSE_ARTICLES_KEY.map((k) => `${T}.${k} = c.${k}`).join(' AND ');
  return [
    `UPDATE ${T} SET n = ${T}.n - c.n
     FROM (${cells(rows)}) c
     WHERE ${same}`,
    `DELETE FROM ${T} WHERE ${T}.n <= 0
       AND (${KEY}) IN (SELECT ${KEY} FROM (${cells(rows)}) c)`,
  ];
}

/** The INSERT … SELECT that fills the empty table from the stored facts. */
export function backfillCauseArticles(): string[] {
  return [
    `INSERT INTO ${T} (${KEY}, n)
     SELECT ${cellOf('facts').join(', ')}, count(*)
     FROM facts WHERE ${kept('facts')}
     GROUP BY ${cellOf('facts').join(', ')}`,
  ];
}
