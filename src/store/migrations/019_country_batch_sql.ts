// The SQL of migration 019: migration 017's country summaries updated for many inserted or deleted
// facts at once, by a few grouped statements, as 018 does for 010's tables. `rows` is a relation of
// the inserted or deleted fact rows (a transition table on PostgreSQL; on SQLite the facts of the
// given ids, or a copy of the rows taken before deleting them). Every column of these tables adds
// up across facts (counts, sums) or is an extreme, so no distinct count is involved; a removed
// extreme is looked up again among the facts left in the cell, as 017's row statements do.
// Part of a shipped migration: never edit; a later change is a new migration.
import type { SummarySqlDialect } from './010_summary_sql.js';

const month = (d: string) => `(substr(${d}, 1, 7) || '-01')`;
const counted = (r: string) =>
  `(${r}.review_id IS NULL OR ${r}.review_status IS NULL OR ${r}.review_status <> 'rejected')`;
const cause = (r: string) => `coalesce(${r}.cause, '')`;
const hazard = (r: string) => `coalesce(${r}.hazard, '')`;
const kept = (r: string) =>
  `${r}.country IS NOT NULL AND ${r}.fact_date IS NOT NULL AND ${r}.fact_date <> '' AND ${counted(r)}`;
/** The fact's own term and '*' (any term). */
const TERMS = `(SELECT 0 AS t UNION ALL SELECT 1 AS t)`;
const termOf = (r: string) => `CASE WHEN x.t = 1 THEN '*' ELSE ${r}.term END`;

const GRAINS = ['week', 'month'] as const;

function periodOf(d: SummarySqlDialect, grain: (typeof GRAINS)[number], date: string): string {
  return grain === 'week' ? d.week(date) : month(date);
}

/** Grouped rows per series cell of one grain. */
function seriesCells(d: SummarySqlDialect, grain: (typeof GRAINS)[number], rows: string): string {
  return `SELECT g.country AS country, g.period AS period, g.term AS term, g.stock_or_flow AS stock_or_flow,
         g.cause AS cause, g.hazard AS hazard, count(*) AS facts, count(g.people) AS people_n,
         coalesce(sum(g.people), 0) AS sum_people, max(g.people) AS max_people
       FROM (
         SELECT r.country AS country, ${periodOf(d, grain, 'r.fact_date')} AS period, r.term AS term,
           r.stock_or_flow AS stock_or_flow, ${cause('r')} AS cause, ${hazard('r')} AS hazard, r.people AS people
         FROM ${rows} r WHERE ${kept('r')}
       ) g
       WHERE g.period IS NOT NULL
       GROUP BY g.country, g.period, g.term, g.stock_or_flow, g.cause, g.hazard`;
}

const monthCells = (rows: string) => `SELECT ${termOf('r')} AS term, ${month('r.fact_date')} AS month,
         r.country AS country, count(*) AS facts, max(r.people) AS max_people,
         min(r.fact_date) AS first_date, max(r.fact_date) AS last_date
       FROM ${rows} r CROSS JOIN ${TERMS} x
       WHERE ${kept('r')}
       GROUP BY ${termOf('r')}, ${month('r.fact_date')}, r.country`;

const dayCells = (rows: string) => `SELECT ${termOf('r')} AS term, r.fact_date AS day, r.country AS country,
         r.article_id AS article_id, count(*) AS n
       FROM ${rows} r CROSS JOIN ${TERMS} x
       WHERE ${kept('r')}
       GROUP BY ${termOf('r')}, r.fact_date, r.country, r.article_id`;

/** The statements that add the fact rows of relation `rows` to migration 017's tables. */
export function addCountryRows(d: SummarySqlDialect, rows: string): string[] {
  const t = 'summary_country_series';
  const s = 'summary_country_months';
  const out = GRAINS.map(
    (
      grain,
    ) => `INSERT INTO ${t} (grain, country, period, term, stock_or_flow, cause, hazard, facts, people_n, sum_people, max_people)
     SELECT '${grain}', c.country, c.period, c.term, c.stock_or_flow, c.cause, c.hazard, c.facts, c.people_n,
       c.sum_people, c.max_people
     FROM (${seriesCells(d, grain, rows)}) c
     WHERE true
     ON CONFLICT (grain, country, period, term, stock_or_flow, cause, hazard) DO UPDATE SET
       facts = ${t}.facts + excluded.facts,
       people_n = ${t}.people_n + excluded.people_n,
       sum_people = ${t}.sum_people + excluded.sum_people,
       max_people = ${d.greatest(`${t}.max_people`, 'excluded.max_people')}`,
  );
  out.push(
    `INSERT INTO ${s} (term, month, country, facts, max_people, first_date, last_date)
     SELECT c.term, c.month, c.country, c.facts, c.max_people, c.first_date, c.last_date
     FROM (${monthCells(rows)}) c
     WHERE true
     ON CONFLICT (month, country, term) DO UPDATE SET
       facts = ${s}.facts + excluded.facts,
       max_people = ${d.greatest(`${s}.max_people`, 'excluded.max_people')},
       first_date = ${d.least(`${s}.first_date`, 'excluded.first_date')},
       last_date = ${d.greatest(`${s}.last_date`, 'excluded.last_date')}`,
    `INSERT INTO summary_article_days (term, day, country, article_id, n)
     SELECT c.term, c.day, c.country, c.article_id, c.n
     FROM (${dayCells(rows)}) c
     WHERE true
     ON CONFLICT (term, day, country, article_id) DO UPDATE SET n = summary_article_days.n + excluded.n`,
  );
  return out;
}

/** The statements that take the fact rows of relation `rows`, already deleted from facts, out of
 * migration 017's tables. */
export function removeCountryRows(d: SummarySqlDialect, rows: string): string[] {
  const t = 'summary_country_series';
  const out = GRAINS.map((grain) => {
    const next = grain === 'week' ? d.nextWeek(`${t}.period`) : d.nextMonth(`${t}.period`);
    return `UPDATE ${t} SET
       facts = ${t}.facts - c.facts,
       people_n = ${t}.people_n - c.people_n,
       sum_people = ${t}.sum_people - c.sum_people,
       max_people = CASE WHEN c.max_people >= ${t}.max_people THEN (
         SELECT max(f.people) FROM facts f
         WHERE f.country = ${t}.country AND f.term = ${t}.term
           AND f.fact_date >= ${t}.period AND f.fact_date < ${next}
           AND ${periodOf(d, grain, 'f.fact_date')} = ${t}.period
           AND f.stock_or_flow = ${t}.stock_or_flow
           AND coalesce(f.cause, '') = ${t}.cause AND coalesce(f.hazard, '') = ${t}.hazard AND ${counted('f')}
       ) ELSE ${t}.max_people END
     FROM (${seriesCells(d, grain, rows)}) c
     WHERE ${t}.grain = '${grain}' AND ${t}.country = c.country AND ${t}.period = c.period
       AND ${t}.term = c.term AND ${t}.stock_or_flow = c.stock_or_flow AND ${t}.cause = c.cause
       AND ${t}.hazard = c.hazard`;
  });
  const s = 'summary_country_months';
  const inCell = `f.country = ${s}.country AND (${s}.term = '*' OR f.term = ${s}.term)
           AND f.fact_date >= ${s}.month AND f.fact_date < ${d.nextMonth(`${s}.month`)}
           AND ${month('f.fact_date')} = ${s}.month AND ${counted('f')}`;
  const a = 'summary_article_days';
  out.push(
    `UPDATE ${s} SET
       facts = ${s}.facts - c.facts,
       max_people = CASE WHEN c.max_people >= ${s}.max_people
         THEN (SELECT max(f.people) FROM facts f WHERE ${inCell}) ELSE ${s}.max_people END,
       first_date = CASE WHEN c.first_date <= ${s}.first_date
         THEN (SELECT min(f.fact_date) FROM facts f WHERE ${inCell}) ELSE ${s}.first_date END,
       last_date = CASE WHEN c.last_date >= ${s}.last_date
         THEN (SELECT max(f.fact_date) FROM facts f WHERE ${inCell}) ELSE ${s}.last_date END
     FROM (${monthCells(rows)}) c
     WHERE ${s}.term = c.term AND ${s}.month = c.month AND ${s}.country = c.country`,
    `UPDATE ${a} SET n = ${a}.n - c.n
     FROM (${dayCells(rows)}) c
     WHERE ${a}.term = c.term AND ${a}.day = c.day AND ${a}.country = c.country AND ${a}.article_id = c.article_id`,
    `DELETE FROM ${a} WHERE ${a}.n <= 0
       AND EXISTS (SELECT 1 FROM ${rows} r WHERE r.country = ${a}.country AND r.article_id = ${a}.article_id
         AND r.fact_date = ${a}.day)`,
  );
  return out;
}
