// The SQL of migration 018: migration 010's summaries updated for many inserted or deleted facts
// at once, by a few grouped statements, instead of 010's statements once per fact (17 upserts a
// fact, most of the cost of writing facts on PostgreSQL). `rows` is a relation of the inserted
// or deleted fact rows: the transition table of a statement trigger on PostgreSQL; on SQLite the
// facts of the given ids, or a copy of the rows taken before deleting them (queries/summaryBatch.ts). The result is what 010's per-row statements give, in any store:
// an article joins a roll-up's distinct articles unless it already had a fact in it (read from
// summary_article_cells before that table is updated, hence the order of the statements).
// Part of a shipped migration: never edit; a later change is a new migration.
import type { SummarySqlDialect } from './010_summary_sql.js';

const month = (d: string) => `(substr(${d}, 1, 7) || '-01')`;
const counted = (r: string) =>
  `(${r}.review_id IS NULL OR ${r}.review_status IS NULL OR ${r}.review_status <> 'rejected')`;
const cause = (r: string) => `coalesce(${r}.cause, '')`;
const hazard = (r: string) => `coalesce(${r}.hazard, '')`;

/** Every combination of the flags (1 = rolled up into '*'), as a relation x(t, c, h). */
function rollups(dims: ('t' | 'c' | 'h')[]): string {
  const all = ['t', 'c', 'h'] as const;
  return Array.from(
    { length: 1 << dims.length },
    (_, mask) =>
      `SELECT ${all.map((n) => `${dims.includes(n) && mask & (1 << dims.indexOf(n)) ? 1 : 0} AS ${n}`).join(', ')}`,
  ).join(' UNION ALL ');
}

const GRAINS = ['week', 'month'] as const;

/** Fact f inside country cube cell s (to recompute its extremes when they may have gone). */
const inCountryCell = (s: string) =>
  `f.country = ${s}.country AND (${s}.term = '*' OR f.term = ${s}.term) AND (${s}.cause = '*' OR coalesce(f.cause, '') = ${s}.cause) AND (${s}.hazard = '*' OR coalesce(f.hazard, '') = ${s}.hazard) AND ${counted('f')}`;

/** The statements that add the fact rows of relation `rows` to migration 010's summaries, in order. */
export function addFactRows(d: SummarySqlDialect, rows: string): string[] {
  const s = 'summary_countries';
  const t = 'summary_timeseries';
  const out = [
    `INSERT INTO ${s} (term, cause, hazard, country, facts, articles, max_people, first_date, last_date)
     SELECT g.term, g.cause, g.hazard, g.country, count(*),
       count(DISTINCT CASE WHEN g.known = 0 THEN g.article_id END),
       max(g.people), min(nullif(g.fact_date, '')), max(nullif(g.fact_date, ''))
     FROM (
       SELECT CASE WHEN x.t = 1 THEN '*' ELSE r.term END AS term,
         CASE WHEN x.c = 1 THEN '*' ELSE ${cause('r')} END AS cause,
         CASE WHEN x.h = 1 THEN '*' ELSE ${hazard('r')} END AS hazard,
         r.country AS country, r.article_id AS article_id, r.people AS people, r.fact_date AS fact_date,
         CASE WHEN EXISTS (SELECT 1 FROM summary_article_cells o
           WHERE o.country = r.country AND o.article_id = r.article_id AND o.n > 0
             AND (x.t = 1 OR o.term = r.term) AND (x.c = 1 OR o.cause = ${cause('r')})
             AND (x.h = 1 OR o.hazard = ${hazard('r')})) THEN 1 ELSE 0 END AS known
       FROM ${rows} r CROSS JOIN (${rollups(['t', 'c', 'h'])}) x
       WHERE r.country IS NOT NULL AND ${counted('r')}
     ) g
     WHERE true
     GROUP BY g.term, g.cause, g.hazard, g.country
     ON CONFLICT (term, cause, hazard, country) DO UPDATE SET
       facts = ${s}.facts + excluded.facts,
       articles = ${s}.articles + excluded.articles,
       max_people = ${d.greatest(`${s}.max_people`, 'excluded.max_people')},
       first_date = ${d.least(`${s}.first_date`, 'excluded.first_date')},
       last_date = ${d.greatest(`${s}.last_date`, 'excluded.last_date')}`,
    `INSERT INTO summary_article_cells (country, article_id, term, cause, hazard, n)
     SELECT r.country, r.article_id, r.term, ${cause('r')}, ${hazard('r')}, count(*)
     FROM ${rows} r
     WHERE r.country IS NOT NULL AND ${counted('r')}
     GROUP BY r.country, r.article_id, r.term, ${cause('r')}, ${hazard('r')}
     ON CONFLICT (country, article_id, term, cause, hazard) DO UPDATE SET n = summary_article_cells.n + excluded.n`,
  ];
  for (const grain of GRAINS)
    out.push(`INSERT INTO ${t} (grain, cause, hazard, period, term, stock_or_flow, facts, people_n, sum_people, max_people)
     SELECT '${grain}', g.cause, g.hazard, g.period, g.term, g.stock_or_flow, count(*), count(g.people),
       coalesce(sum(g.people), 0), max(g.people)
     FROM (
       SELECT CASE WHEN x.c = 1 THEN '*' ELSE ${cause('r')} END AS cause,
         CASE WHEN x.h = 1 THEN '*' ELSE ${hazard('r')} END AS hazard,
         ${grain === 'week' ? d.week('r.fact_date') : month('r.fact_date')} AS period,
         r.term AS term, r.stock_or_flow AS stock_or_flow, r.people AS people
       FROM ${rows} r CROSS JOIN (${rollups(['c', 'h'])}) x
       WHERE r.fact_date IS NOT NULL AND r.fact_date <> '' AND ${counted('r')}
     ) g
     WHERE g.period IS NOT NULL
     GROUP BY g.cause, g.hazard, g.period, g.term, g.stock_or_flow
     ON CONFLICT (grain, cause, hazard, period, term, stock_or_flow) DO UPDATE SET
       facts = ${t}.facts + excluded.facts,
       people_n = ${t}.people_n + excluded.people_n,
       sum_people = ${t}.sum_people + excluded.sum_people,
       max_people = ${d.greatest(`${t}.max_people`, 'excluded.max_people')}`);
  return out;
}

/**
 * The statements that take the fact rows of relation `rows`, already deleted from facts, out of
 * migration 010's summaries, in order. An article leaves a roll-up's distinct articles when none
 * of its cells in it is left (read after summary_article_cells is updated); a removed extreme
 * (largest figure, first or last date) is looked up again among the facts left in the cell.
 */
export function removeFactRows(d: SummarySqlDialect, rows: string): string[] {
  const c = 'summary_article_cells';
  const s = 'summary_countries';
  const t = 'summary_timeseries';
  const out = [
    `UPDATE ${c} SET n = ${c}.n - g.n
     FROM (
       SELECT r.country AS country, r.article_id AS article_id, r.term AS term, ${cause('r')} AS cause,
         ${hazard('r')} AS hazard, count(*) AS n
       FROM ${rows} r
       WHERE r.country IS NOT NULL AND ${counted('r')}
       GROUP BY r.country, r.article_id, r.term, ${cause('r')}, ${hazard('r')}
     ) g
     WHERE ${c}.country = g.country AND ${c}.article_id = g.article_id AND ${c}.term = g.term
       AND ${c}.cause = g.cause AND ${c}.hazard = g.hazard`,
    `UPDATE ${s} SET
       facts = ${s}.facts - g.facts,
       articles = ${s}.articles - g.articles,
       max_people = CASE WHEN g.max_people >= ${s}.max_people
         THEN (SELECT max(f.people) FROM facts f WHERE ${inCountryCell(s)}) ELSE ${s}.max_people END,
       first_date = CASE WHEN g.first_date <= ${s}.first_date
         THEN (SELECT min(nullif(f.fact_date, '')) FROM facts f WHERE ${inCountryCell(s)}) ELSE ${s}.first_date END,
       last_date = CASE WHEN g.last_date >= ${s}.last_date
         THEN (SELECT max(nullif(f.fact_date, '')) FROM facts f WHERE ${inCountryCell(s)}) ELSE ${s}.last_date END
     FROM (
       SELECT g0.term AS term, g0.cause AS cause, g0.hazard AS hazard, g0.country AS country,
         count(*) AS facts, count(DISTINCT CASE WHEN g0.gone = 1 THEN g0.article_id END) AS articles,
         max(g0.people) AS max_people, min(nullif(g0.fact_date, '')) AS first_date,
         max(nullif(g0.fact_date, '')) AS last_date
       FROM (
         SELECT CASE WHEN x.t = 1 THEN '*' ELSE r.term END AS term,
           CASE WHEN x.c = 1 THEN '*' ELSE ${cause('r')} END AS cause,
           CASE WHEN x.h = 1 THEN '*' ELSE ${hazard('r')} END AS hazard,
           r.country AS country, r.article_id AS article_id, r.people AS people, r.fact_date AS fact_date,
           CASE WHEN EXISTS (SELECT 1 FROM ${c} o
             WHERE o.country = r.country AND o.article_id = r.article_id AND o.n > 0
               AND (x.t = 1 OR o.term = r.term) AND (x.c = 1 OR o.cause = ${cause('r')})
               AND (x.h = 1 OR o.hazard = ${hazard('r')})) THEN 0 ELSE 1 END AS gone
         FROM ${rows} r CROSS JOIN (${rollups(['t', 'c', 'h'])}) x
         WHERE r.country IS NOT NULL AND ${counted('r')}
       ) g0
       GROUP BY g0.term, g0.cause, g0.hazard, g0.country
     ) g
     WHERE ${s}.term = g.term AND ${s}.cause = g.cause AND ${s}.hazard = g.hazard AND ${s}.country = g.country`,
    `DELETE FROM ${c} WHERE ${c}.n <= 0
       AND EXISTS (SELECT 1 FROM ${rows} r WHERE r.country = ${c}.country AND r.article_id = ${c}.article_id)`,
  ];
  for (const grain of GRAINS) {
    const period = (x: string) => (grain === 'week' ? d.week(x) : month(x));
    const next = grain === 'week' ? d.nextWeek(`${t}.period`) : d.nextMonth(`${t}.period`);
    out.push(`UPDATE ${t} SET
       facts = ${t}.facts - g.facts,
       people_n = ${t}.people_n - g.people_n,
       sum_people = ${t}.sum_people - g.sum_people,
       max_people = CASE WHEN g.max_people >= ${t}.max_people THEN (
         SELECT max(f.people) FROM facts f
         WHERE f.term = ${t}.term AND f.stock_or_flow = ${t}.stock_or_flow
           AND f.fact_date >= ${t}.period AND f.fact_date < ${next}
           AND ${period('f.fact_date')} = ${t}.period
           AND (${t}.cause = '*' OR coalesce(f.cause, '') = ${t}.cause)
           AND (${t}.hazard = '*' OR coalesce(f.hazard, '') = ${t}.hazard) AND ${counted('f')}
       ) ELSE ${t}.max_people END
     FROM (
       SELECT g0.cause AS cause, g0.hazard AS hazard, g0.period AS period, g0.term AS term,
         g0.stock_or_flow AS stock_or_flow, count(*) AS facts, count(g0.people) AS people_n,
         coalesce(sum(g0.people), 0) AS sum_people, max(g0.people) AS max_people
       FROM (
         SELECT CASE WHEN x.c = 1 THEN '*' ELSE ${cause('r')} END AS cause,
           CASE WHEN x.h = 1 THEN '*' ELSE ${hazard('r')} END AS hazard,
           ${period('r.fact_date')} AS period,
           r.term AS term, r.stock_or_flow AS stock_or_flow, r.people AS people
         FROM ${rows} r CROSS JOIN (${rollups(['c', 'h'])}) x
         WHERE r.fact_date IS NOT NULL AND r.fact_date <> '' AND ${counted('r')}
       ) g0
       WHERE g0.period IS NOT NULL
       GROUP BY g0.cause, g0.hazard, g0.period, g0.term, g0.stock_or_flow
     ) g
     WHERE ${t}.grain = '${grain}' AND ${t}.cause = g.cause AND ${t}.hazard = g.hazard
       AND ${t}.period = g.period AND ${t}.term = g.term AND ${t}.stock_or_flow = g.stock_or_flow`);
  }
  return out;
}
