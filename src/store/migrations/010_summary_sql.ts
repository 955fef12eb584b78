// The SQL of migration 010's summary tables: the statements a change to one fact row runs (in a
// trigger, on both engines) and the statements that fill the tables from the facts already
// stored. Part of a shipped migration: never edit; a later change is a new migration.
//
// A fact counts toward the summaries as it counts in the direct aggregates (summary.ts): unless
// rejected by a review; the country cube also needs a country, the time series a date.
// Cells keyed by cause and hazard hold '' for a fact with none; '*' is "any" (a roll-up).
import type { Engine } from '../engine.js';

type Row = 'NEW' | 'OLD';

export interface SummarySqlDialect {
  /** The larger / smaller of two values, ignoring a NULL (SQLite's two-argument max() returns NULL). */
  greatest(a: string, b: string): string;
  least(a: string, b: string): string;
  /** The first day of a YYYY-MM-DD date's week (Monday), as the direct time series computes it. */
  week(date: string): string;
  /** The first day of the week or month after `period`. */
  nextWeek(period: string): string;
  nextMonth(period: string): string;
}

export function summaryDialect(engine: Engine): SummarySqlDialect {
  return engine === 'postgres'
    ? {
        greatest: (a, b) => `greatest(${a}, ${b})`,
        least: (a, b) => `least(${a}, ${b})`,
        // Guarded: a cast of something that is no date would make the write itself fail.
        week: (d) =>
          `(CASE WHEN ${d} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN to_char(date_trunc('week', ${d}::date), 'YYYY-MM-DD') END)`,
        nextWeek: (p) => `to_char(${p}::date + 7, 'YYYY-MM-DD')`,
        nextMonth: (p) => `to_char(${p}::date + interval '1 month', 'YYYY-MM-DD')`,
      }
    : {
        greatest: (a, b) => `coalesce(max(${a}, ${b}), ${a}, ${b})`,
        least: (a, b) => `coalesce(min(${a}, ${b}), ${a}, ${b})`,
        week: (d) => `date(${d}, 'weekday 0', '-6 days')`,
        nextWeek: (p) => `date(${p}, '+7 days')`,
        nextMonth: (p) => `date(${p}, '+1 month')`,
      };
}

const month = (d: string) => `(substr(${d}, 1, 7) || '-01')`;
const counted = (r: string) =>
  `(${r}.review_id IS NULL OR ${r}.review_status IS NULL OR ${r}.review_status <> 'rejected')`;
const cause = (r: string) => `coalesce(${r}.cause, '')`;
const hazard = (r: string) => `coalesce(${r}.hazard, '')`;
const dated = (r: string) => `${r}.fact_date IS NOT NULL AND ${r}.fact_date <> ''`;
/** The article cell of row r: c is the summary_article_cells alias. */
const sameCell = (c: string, r: Row) =>
  `${c}.country = ${r}.country AND ${c}.article_id = ${r}.article_id AND ${c}.term = ${r}.term AND ${c}.cause = ${cause(r)} AND ${c}.hazard = ${hazard(r)}`;
/** Whether the article of row r has another cell, in r's country, inside roll-up x. */
const otherCellIn = (r: Row, x: string) => `EXISTS (SELECT 1 FROM summary_article_cells o
    WHERE o.country = ${r}.country AND o.article_id = ${r}.article_id AND o.n > 0
      AND (${x}.term = '*' OR o.term = ${x}.term) AND (${x}.cause = '*' OR o.cause = ${x}.cause)
      AND (${x}.hazard = '*' OR o.hazard = ${x}.hazard)
      AND NOT (o.term = ${r}.term AND o.cause = ${cause(r)} AND o.hazard = ${hazard(r)}))`;
/** Facts f inside a country cube cell s (for recomputing its extremes after a removal). */
const inCountryCell = (s: string) =>
  `f.country = ${s}.country AND (${s}.term = '*' OR f.term = ${s}.term) AND (${s}.cause = '*' OR coalesce(f.cause, '') = ${s}.cause) AND (${s}.hazard = '*' OR coalesce(f.hazard, '') = ${s}.hazard) AND ${counted('f')}`;

function rollups(r: Row, dims: ('term' | 'cause' | 'hazard')[]): string {
  const own = { term: `${r}.term`, cause: cause(r), hazard: hazard(r) };
  const rows: string[] = [];
  for (let mask = 0; mask < 1 << dims.length; mask++) {
    const v = { ...own };
    dims.forEach((d, i) => {
      if (mask & (1 << i)) v[d] = `'*'`;
    });
    rows.push(`SELECT ${v.term} AS term, ${v.cause} AS cause, ${v.hazard} AS hazard`);
  }
  return rows.join(' UNION ALL ');
}

const GRAINS = ['week', 'month'] as const;

function periodOf(d: SummarySqlDialect, grain: (typeof GRAINS)[number], date: string): string {
  return grain === 'week' ? d.week(date) : month(date);
}

/** The statements that add fact row NEW to the summaries. */
export function addFact(d: SummarySqlDialect): string[] {
  const r: Row = 'NEW';
  const out = [
    `INSERT INTO summary_article_cells (country, article_id, term, cause, hazard, n)
     SELECT ${r}.country, ${r}.article_id, ${r}.term, ${cause(r)}, ${hazard(r)}, 1
     WHERE ${r}.country IS NOT NULL AND ${counted(r)}
     ON CONFLICT (country, article_id, term, cause, hazard) DO UPDATE SET n = summary_article_cells.n + 1`,
    `INSERT INTO summary_countries (term, cause, hazard, country, facts, articles, max_people, first_date, last_date)
     SELECT x.term, x.cause, x.hazard, ${r}.country, 1,
       CASE WHEN (SELECT c.n FROM summary_article_cells c WHERE ${sameCell('c', r)}) = 1
             AND NOT ${otherCellIn(r, 'x')} THEN 1 ELSE 0 END,
       ${r}.people, nullif(${r}.fact_date, ''), nullif(${r}.fact_date, '')
     FROM (${rollups(r, ['term', 'cause', 'hazard'])}) AS x
     WHERE ${r}.country IS NOT NULL AND ${counted(r)}
     ON CONFLICT (term, cause, hazard, country) DO UPDATE SET
       facts = summary_countries.facts + 1,
       articles = summary_countries.articles + excluded.articles,
       max_people = ${d.greatest('summary_countries.max_people', 'excluded.max_people')},
       first_date = ${d.least('summary_countries.first_date', 'excluded.first_date')},
       last_date = ${d.greatest('summary_countries.last_date', 'excluded.last_date')}`,
  ];
  for (const grain of GRAINS)
    out.push(`INSERT INTO summary_timeseries (grain, cause, hazard, period, term, stock_or_flow, facts, people_n, sum_people, max_people)
     SELECT '${grain}', x.cause, x.hazard, p.period, ${r}.term, ${r}.stock_or_flow, 1,
       CASE WHEN ${r}.people IS NULL THEN 0 ELSE 1 END, coalesce(${r}.people, 0), ${r}.people
     FROM (${rollups(r, ['cause', 'hazard'])}) AS x, (SELECT ${periodOf(d, grain, `${r}.fact_date`)} AS period) AS p
     WHERE ${dated(r)} AND p.period IS NOT NULL AND ${counted(r)}
     ON CONFLICT (grain, cause, hazard, period, term, stock_or_flow) DO UPDATE SET
       facts = summary_timeseries.facts + 1,
       people_n = summary_timeseries.people_n + excluded.people_n,
       sum_people = summary_timeseries.sum_people + excluded.sum_people,
       max_people = ${d.greatest('summary_timeseries.max_people', 'excluded.max_people')}`);
  return out;
}

/** The statements that take fact row OLD out of the summaries. A removed extreme (largest
 * figure, first or last date) is looked up again among the facts left in the cell. */
export function removeFact(d: SummarySqlDialect): string[] {
  const r: Row = 'OLD';
  const s = 'summary_countries';
  const out = [
    `UPDATE summary_article_cells SET n = n - 1
     WHERE ${sameCell('summary_article_cells', r)} AND ${counted(r)}`,
    `UPDATE ${s} SET
       facts = ${s}.facts - 1,
       articles = ${s}.articles - CASE
         WHEN NOT EXISTS (SELECT 1 FROM summary_article_cells c WHERE ${sameCell('c', r)} AND c.n > 0)
          AND NOT ${otherCellIn(r, s)} THEN 1 ELSE 0 END,
       max_people = CASE WHEN ${r}.people >= ${s}.max_people
         THEN (SELECT max(f.people) FROM facts f WHERE ${inCountryCell(s)}) ELSE ${s}.max_people END,
       first_date = CASE WHEN nullif(${r}.fact_date, '') <= ${s}.first_date
         THEN (SELECT min(nullif(f.fact_date, '')) FROM facts f WHERE ${inCountryCell(s)}) ELSE ${s}.first_date END,
       last_date = CASE WHEN nullif(${r}.fact_date, '') >= ${s}.last_date
         THEN (SELECT max(nullif(f.fact_date, '')) FROM facts f WHERE ${inCountryCell(s)}) ELSE ${s}.last_date END
     WHERE ${s}.country = ${r}.country AND ${s}.term IN (${r}.term, '*')
       AND ${s}.cause IN (${cause(r)}, '*') AND ${s}.hazard IN (${hazard(r)}, '*') AND ${counted(r)}`,
    `DELETE FROM summary_article_cells WHERE ${sameCell('summary_article_cells', r)} AND n <= 0`,
  ];
  const t = 'summary_timeseries';
  for (const grain of GRAINS) {
    const next = grain === 'week' ? d.nextWeek(`${t}.period`) : d.nextMonth(`${t}.period`);
    out.push(`UPDATE ${t} SET
       facts = ${t}.facts - 1,
       people_n = ${t}.people_n - CASE WHEN ${r}.people IS NULL THEN 0 ELSE 1 END,
       sum_people = ${t}.sum_people - coalesce(${r}.people, 0),
       max_people = CASE WHEN ${r}.people >= ${t}.max_people THEN (
         SELECT max(f.people) FROM facts f
         WHERE f.term = ${t}.term AND f.stock_or_flow = ${t}.stock_or_flow
           AND f.fact_date >= ${t}.period AND f.fact_date < ${next}
           AND ${periodOf(d, grain, 'f.fact_date')} = ${t}.period
           AND (${t}.cause = '*' OR coalesce(f.cause, '') = ${t}.cause)
           AND (${t}.hazard = '*' OR coalesce(f.hazard, '') = ${t}.hazard) AND ${counted('f')}
       ) ELSE ${t}.max_people END
     WHERE ${t}.grain = '${grain}' AND ${dated(r)} AND ${t}.period = ${periodOf(d, grain, `${r}.fact_date`)}
       AND ${t}.term = ${r}.term AND ${t}.stock_or_flow = ${r}.stock_or_flow
       AND ${t}.cause IN (${cause(r)}, '*') AND ${t}.hazard IN (${hazard(r)}, '*') AND ${counted(r)}`);
  }
  return out;
}

/** The fact columns the summaries read: an update of any other column leaves them as they are. */
export const SUMMARY_COLUMNS = [
  'article_id',
  'country',
  'term',
  'cause',
  'hazard',
  'people',
  'fact_date',
  'stock_or_flow',
  'review_id',
  'review_status',
];

/** INSERT … SELECT statements that fill the empty summary tables from the stored facts. */
export function backfill(d: SummarySqlDialect): string[] {
  const f = 'facts';
  const out = [
    `INSERT INTO summary_article_cells (country, article_id, term, cause, hazard, n)
     SELECT country, article_id, term, ${cause(f)}, ${hazard(f)}, count(*) FROM facts
     WHERE country IS NOT NULL AND ${counted(f)}
     GROUP BY country, article_id, term, ${cause(f)}, ${hazard(f)}`,
  ];
  const dims = { term: 'term', cause: cause(f), hazard: hazard(f) } as const;
  const subsets = (names: (keyof typeof dims)[]) =>
    Array.from({ length: 1 << names.length }, (_, mask) =>
      names.map((n, i) => [n, mask & (1 << i) ? null : dims[n]] as const),
    );
  for (const combo of subsets(['term', 'cause', 'hazard'])) {
    const cols = combo.map(([, e]) => e ?? `'*'`);
    const group = ['country', ...combo.flatMap(([, e]) => (e ? [e] : []))];
    out.push(`INSERT INTO summary_countries (term, cause, hazard, country, facts, articles, max_people, first_date, last_date)
     SELECT ${cols.join(', ')}, country, count(*), count(DISTINCT article_id), max(people),
       min(nullif(fact_date, '')), max(nullif(fact_date, ''))
     FROM facts WHERE country IS NOT NULL AND ${counted(f)} GROUP BY ${group.join(', ')}`);
  }
  for (const grain of GRAINS)
    for (const combo of subsets(['cause', 'hazard'])) {
      const cols = combo.map(([, e]) => e ?? `'*'`);
      const period = periodOf(d, grain, 'fact_date');
      const group = [period, 'term', 'stock_or_flow', ...combo.flatMap(([, e]) => (e ? [e] : []))];
      out.push(`INSERT INTO summary_timeseries (grain, cause, hazard, period, term, stock_or_flow, facts, people_n, sum_people, max_people)
       SELECT '${grain}', ${cols.join(', ')}, ${period}, term, stock_or_flow, count(*), count(people),
         coalesce(sum(people), 0), max(people)
       FROM facts WHERE ${dated(f)} AND ${period} IS NOT NULL AND ${counted(f)} GROUP BY ${group.join(', ')}`);
    }
  return out;
}
