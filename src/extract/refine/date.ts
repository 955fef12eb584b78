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
