// The period a figure refers to: the date expression in its sentence nearest to the figure,
// resolved against the publication date with chrono-node. Without a stated year and without a
// publication date the year cannot be known, so the date stays null.
import * as chrono from 'chrono-node';
import type { FactDate, Span } from '../../types.js';

const PARSERS: Record<string, chrono.Chrono> = {
  en: chrono.en.casual,
  es: chrono.es.casual,
  fr: chrono.fr.casual,
};

export function dateOf(
  text: string,
  sentence: Span,
  figureAt: number,
  published: string | null,
  lang: string | null,
  mayHoldDate: RegExp,
): FactDate | null {
  const parser = PARSERS[lang ?? 'en'] ?? chrono.en.casual;
  const sentenceText = text.slice(sentence[0], sentence[1]);
  // chrono is the slowest step of extraction: skip sentences with no date-like word at all.
  if (!mayHoldDate.test(sentenceText)) return null;
  const ref = published ? new Date(`${published}T12:00:00Z`) : new Date('2000-01-01T12:00:00Z');
  let results: chrono.ParsedResult[];
  try {
    results = parser.parse(sentenceText, { instant: ref, timezone: 0 }, { forwardDate: false });
  } catch {
    return null;
  }
  let best: FactDate | null = null;
  let bestDistance = Infinity;
  for (const r of results) {
    const yearStated = r.start.isCertain('year');
    if (!published && !yearStated) continue;
    // Bare times ("at 10 pm") and weekdays alone say little about the period counted.
    if (!r.start.isCertain('day') && !r.start.isCertain('month') && !yearStated) continue;
    const start = sentence[0] + r.index;
    const end = start + r.text.length;
    const distance = Math.abs(start - figureAt);
    if (distance >= bestDistance) continue;
    bestDistance = distance;
    best = {
      start: ymd(r.start.date()),
      end: ymd((r.end ?? r.start).date()),
      text: r.text,
      span: [start, end],
      year_stated: yearStated,
    };
  }
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
export function reportDate(
  text: string,
  published: string | null,
  lang: string | null,
  mayHoldDate: RegExp,
): FactDate | null {
  const head = text.slice(0, 600);
  for (const m of head.matchAll(REPORT_DATE)) {
    const at = (m.index ?? 0) + m[0].length;
    const date = dateOf(text, [at, Math.min(text.length, at + 40)], at, published, lang, mayHoldDate);
    if (date && date.span[0] === at) return date;
  }
  return null;
}
