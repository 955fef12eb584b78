// The period a figure refers to: the date expression in its sentence nearest to the figure,
// resolved against the publication date with chrono-node. Without a stated year and without a
// publication date the year cannot be known, so the date stays null. A sentence is parsed
// once, however many figures it holds.
import * as chrono from 'chrono-node';
import type { FactDate, Span } from '../../types.js';

const PARSERS: Record<string, chrono.Chrono> = {
  en: chrono.en.casual,
  es: chrono.es.casual,
  fr: chrono.fr.casual,
};

export interface DateContext {
  text: string;
  published: string | null;
  lang: string | null;
  /** Quick test for a date-like word; chrono is the slowest step, so most sentences skip it. */
  mayHoldDate: RegExp;
  /** Dates already parsed, by sentence start. */
  cache: Map<number, FactDate[]>;
}

/** The dates written in `span`, usable for figures (a day, a month or a year is stated). */
export function datesIn(ctx: DateContext, span: Span): FactDate[] {
  const hit = ctx.cache.get(span[0]);
  if (hit) return hit;
  const dates: FactDate[] = [];
  const sentenceText = ctx.text.slice(span[0], span[1]);
  if (ctx.mayHoldDate.test(sentenceText)) {
    const parser = PARSERS[ctx.lang ?? 'en'] ?? chrono.en.casual;
    const ref = ctx.published ? new Date(`${ctx.published}T12:00:00Z`) : new Date('2000-01-01T12:00:00Z');
    let results: chrono.ParsedResult[];
    try {
      results = parser.parse(sentenceText, { instant: ref, timezone: 0 }, { forwardDate: false });
    } catch {
      results = []; // chrono rejects some malformed inputs; a sentence without dates is fine
    }
    for (const r of results) {
      const yearStated = r.start.isCertain('year');
      if (!ctx.published && !yearStated) continue;
      // Bare times ("at 10 pm") and weekdays alone say little about the period counted.
      if (!r.start.isCertain('day') && !r.start.isCertain('month') && !yearStated) continue;
      const start = span[0] + r.index;
      dates.push({
        start: ymd(r.start.date()),
        end: ymd((r.end ?? r.start).date()),
        text: r.text,
        span: [start, start + r.text.length],
        year_stated: yearStated,
      });
    }
  }
  ctx.cache.set(span[0], dates);
  return dates;
}

/** The date in the figure's sentence nearest to the figure. */
export function dateOf(ctx: DateContext, sentence: Span, figureAt: number): FactDate | null {
  let best: FactDate | null = null;
  for (const d of datesIn(ctx, sentence))
    if (!best || Math.abs(d.span[0] - figureAt) < Math.abs(best.span[0] - figureAt)) best = d;
  return best;
}

function ymd(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const REPORT_DATE = /\b(?:as of|as at|as on|updated(?: on)?|situation (?:as of|on)|al|au|hasta el)\s+/gi;

/**
 * The reporting date of a situation report ("Situation update (as of 19 March 2022)") in its
 * first lines: the period of every figure whose own sentence gives none.
 */
export function reportDate(ctx: DateContext): FactDate | null {
  const head = ctx.text.slice(0, 600);
  for (const m of head.matchAll(REPORT_DATE)) {
    const at = (m.index ?? 0) + m[0].length;
    const [first] = datesIn({ ...ctx, cache: new Map() }, [at, Math.min(ctx.text.length, at + 40)]);
    if (first && first.span[0] === at) return first;
  }
  return null;
}
