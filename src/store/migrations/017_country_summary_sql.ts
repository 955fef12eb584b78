// The SQL of migration 017's country summaries: the statements a change to one fact row runs (in
// a trigger, on both engines) and the statements that fill the tables from the facts already
// stored. Part of a shipped migration: never edit; a later change is a new migration.
//
// A fact counts as in migration 010: unless rejected by a review, with a country and a date.
// Cells keyed by cause and hazard hold '' for a fact with none; '*' in the term of
// summary_country_months and summary_article_days is "any term" (a roll-up).
import type { SummarySqlDialect } from './010_summary_sql.js';

type Row = 'NEW' | 'OLD';

const month = (d: string) => `(substr(${d}, 1, 7) || '-01')`;
const counted = (r: string) =>
  `(${r}.review_id IS NULL OR ${r}.review_status IS NULL OR ${r}.review_status <> 'rejected')`;
const cause = (r: string) => `coalesce(${r}.cause, '')`;
const hazard = (r: string) => `coalesce(${r}.hazard, '')`;
const kept = (r: string) =>
  `${r}.country IS NOT NULL AND ${r}.fact_date IS NOT NULL AND ${r}.fact_date <> '' AND ${counted(r)}`;

const GRAINS = ['week', 'month'] as const;

function periodOf(d: SummarySqlDialect, grain: (typeof GRAINS)[number], date: string): string {
  return grain === 'week' ? d.week(date) : month(date);
}

/** The statements that add fact row NEW to the country summaries. */
export function addCountryFact(d: SummarySqlDialect): string[] {
  const r: Row = 'NEW';
  const out = GRAINS.map(
    (
      grain,
    ) => `INSERT INTO summary_country_series (grain, country, period, term, stock_or_flow, cause, hazard, facts, people_n, sum_people, max_people)
     SELECT '${grain}', ${r}.country, p.period, ${r}.term, ${r}.stock_or_flow, ${cause(r)}, ${hazard(r)}, 1,
       CASE WHEN ${r}.people IS NULL THEN 0 ELSE 1 END, coalesce(${r}.people, 0), ${r}.people
     FROM (SELECT ${periodOf(d, grain, `${r}.fact_date`)} AS period) AS p
     WHERE ${kept(r)} AND p.period IS NOT NULL
     ON CONFLICT (grain, country, period, term, stock_or_flow, cause, hazard) DO UPDATE SET
       facts = summary_country_series.facts + 1,
       people_n = summary_country_series.people_n + excluded.people_n,
       sum_people = summary_country_series.sum_people + excluded.sum_people,
       max_people = ${d.greatest('summary_country_series.max_people', 'excluded.max_people')}`,
  );
  const s = 'summary_country_months';
  out.push(
    `INSERT INTO ${s} (term, month, country, facts, max_people, first_date, last_date)
     SELECT x.term, ${month(`${r}.fact_date`)}, ${r}.country, 1, ${r}.people, ${r}.fact_date, ${r}.fact_date
     FROM (SELECT ${r}.term AS term UNION ALL SELECT '*' AS term) AS x
     WHERE ${kept(r)}
     ON CONFLICT (month, country, term) DO UPDATE SET
       facts = ${s}.facts + 1,
       max_people = ${d.greatest(`${s}.max_people`, 'excluded.max_people')},
       first_date = ${d.least(`${s}.first_date`, 'excluded.first_date')},
       last_date = ${d.greatest(`${s}.last_date`, 'excluded.last_date')}`,
    `INSERT INTO summary_article_days (term, day, country, article_id, n)
     SELECT x.term, ${r}.fact_date, ${r}.country, ${r}.article_id, 1
     FROM (SELECT ${r}.term AS term UNION ALL SELECT '*' AS term) AS x
     WHERE ${kept(r)}
     ON CONFLICT (term, day, country, article_id) DO UPDATE SET n = summary_article_days.n + 1`,
  );
  return out;
}

/** The statements that take fact row OLD out of the country summaries. A removed extreme (largest
 * figure, first or last date) is looked up again among the facts left in the cell. */
export function removeCountryFact(d: SummarySqlDialect): string[] {
  const r: Row = 'OLD';
  const t = 'summary_country_series';
  const out = GRAINS.map((grain) => {
    const next = grain === 'week' ? d.nextWeek(`${t}.period`) : d.nextMonth(`${t}.period`);
    return `UPDATE ${t} SET
       facts = ${t}.facts - 1,
       people_n = ${t}.people_n - CASE WHEN ${r}.people IS NULL THEN 0 ELSE 1 END,
       sum_people = ${t}.sum_people - coalesce(${r}.people, 0),
       max_people = CASE WHEN ${r}.people >= ${t}.max_people THEN (
         SELECT max(f.people) FROM facts f
         WHERE f.country = ${t}.country AND f.term = ${t}.term
           AND f.fact_date >= ${t}.period AND f.fact_date < ${next}
           AND ${periodOf(d, grain, 'f.fact_date')} = ${t}.period
           AND f.stock_or_flow = ${t}.stock_or_flow
           AND coalesce(f.cause, '') = ${t}.cause AND coalesce(f.hazard, '') = ${t}.hazard AND ${counted('f')}
       ) ELSE ${t}.max_people END
     WHERE ${t}.grain = '${grain}' AND ${kept(r)} AND ${t}.country = ${r}.country
       AND ${t}.period = ${periodOf(d, grain, `${r}.fact_date`)} AND ${t}.term = ${r}.term
       AND ${t}.stock_or_flow = ${r}.stock_or_flow AND ${t}.cause = ${cause(r)} AND ${t}.hazard = ${hazard(r)}`;
  });
  const s = 'summary_country_months';
  const inCell = `f.country = ${s}.country AND (${s}.term = '*' OR f.term = ${s}.term)
           AND f.fact_date >= ${s}.month AND f.fact_date < ${d.nextMonth(`${s}.month`)}
           AND ${month('f.fact_date')} = ${s}.month AND ${counted('f')}`;
  out.push(
    `UPDATE ${s} SET
       facts = ${s}.facts - 1,
       max_people = CASE WHEN ${r}.people >= ${s}.max_people
         THEN (SELECT max(f.people) FROM facts f WHERE ${inCell}) ELSE ${s}.max_people END,
       first_date = CASE WHEN ${r}.fact_date <= ${s}.first_date
         THEN (SELECT min(f.fact_date) FROM facts f WHERE ${inCell}) ELSE ${s}.first_date END,
       last_date = CASE WHEN ${r}.fact_date >= ${s}.last_date
         THEN (SELECT max(f.fact_date) FROM facts f WHERE ${inCell}) ELSE ${s}.last_date END
     WHERE ${kept(r)} AND ${s}.country = ${r}.country AND ${s}.month = ${month(`${r}.fact_date`)}
       AND ${s}.term IN (${r}.term, '*')`,
    `UPDATE summary_article_days SET n = n - 1
     WHERE ${kept(r)} AND term IN (${r}.term, '*') AND day = ${r}.fact_date AND country = ${r}.country
       AND article_id = ${r}.article_id`,
    `DELETE FROM summary_article_days
     WHERE term IN (${r}.term, '*') AND day = ${r}.fact_date AND country = ${r}.country
       AND article_id = ${r}.article_id AND n <= 0`,
  );
  return out;
}

/** INSERT … SELECT statements that fill the empty country summaries from the stored facts. */
export function backfillCountries(d: SummarySqlDialect): string[] {
  const f = 'facts';
  const out = GRAINS.map((grain) => {
    const period = periodOf(d, grain, 'fact_date');
    return `INSERT INTO summary_country_series (grain, country, period, term, stock_or_flow, cause, hazard, facts, people_n, sum_people, max_people)
     SELECT '${grain}', country, ${period}, term, stock_or_flow, ${cause(f)}, ${hazard(f)}, count(*), count(people),
       coalesce(sum(people), 0), max(people)
     FROM facts WHERE ${kept(f)} AND ${period} IS NOT NULL
     GROUP BY country, ${period}, term, stock_or_flow, ${cause(f)}, ${hazard(f)}`;
  });
  for (const term of ['term', `'*'`])
    out.push(`INSERT INTO summary_country_months (term, month, country, facts, max_people, first_date, last_date)
     SELECT ${term}, ${month('fact_date')}, country, count(*), max(people), min(fact_date), max(fact_date)
     FROM facts WHERE ${kept(f)}
     GROUP BY ${term === 'term' ? 'term, ' : ''}${month('fact_date')}, country`);
  for (const term of ['term', `'*'`])
    out.push(`INSERT INTO summary_article_days (term, day, country, article_id, n)
     SELECT ${term}, fact_date, country, article_id, count(*) FROM facts WHERE ${kept(f)}
     GROUP BY ${term === 'term' ? 'term, ' : ''}fact_date, country, article_id`);
  return out;
}
