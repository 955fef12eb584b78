// Document type: "summary" (a report or situation update: agency headers, "as of" dates, key
// figures, bullet lists), "news" (narrative journalism: reporting verbs, quotes, datelines) or
// "both" (a news story built around a report's figures). Lexicon cues and layout cues add
// points to each side; the larger side wins, and two strong, close sides make "both".
import type { DocType } from '../types.js';
import type { Cue } from './evidence.js';
import { damp } from './evidence.js';
import type { TypeCue } from './lexicon.js';
import type { Hit } from './matcher.js';

const PHRASE_DAMPING = 0.7;
/** Both sides at least this strong and within this ratio of each other make "both". */
const BOTH_MIN = 6;
const BOTH_RATIO = 0.5;

interface LayoutRule {
  type: 'summary' | 'news';
  match: string;
  pattern: RegExp;
  weight: number;
  /** Most times the rule counts. */
  cap: number;
  reason: string;
}

const LAYOUT: readonly LayoutRule[] = [
  {
    type: 'summary',
    match: 'bullet line',
    pattern: /^[ \t]*(?:[•●▪◦■►·*]|-(?=\s)|\d{1,2}[.)](?=\s))/gmu,
    weight: 1,
    cap: 6,
    reason: 'bullet lists are report layout',
  },
  {
    type: 'summary',
    match: 'header field',
    pattern:
      /^[ \t]*(?:source|country|countries|date|period covered|location|glide(?: number)?|disaster type|event|operation|appeal|facts)\s*:/gimu,
    weight: 2,
    cap: 4,
    reason: 'report header fields',
  },
  {
    type: 'summary',
    match: 'header field near the top',
    pattern: /^[\s\S]{0,400}?\b(?:Source|Country|Countries|Period covered|GLIDE|Facts)\s*:/gu,
    weight: 2,
    cap: 1,
    reason: 'report header fields, in text whose line breaks were lost',
  },
  {
    type: 'summary',
    match: 'as of date',
    pattern: /\bas (?:of|at) (?:\d{1,2} )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/gi,
    weight: 1.5,
    cap: 3,
    reason: '"as of <date>" is how updates date their figures',
  },
  {
    type: 'news',
    match: 'dateline',
    pattern: /^[ \t]*[A-Z][A-Z .,'’-]{2,40}(?:\([A-Za-z .]+\))?\s*[—–-]{1,2}\s/gmu,
    weight: 3,
    cap: 1,
    reason: 'a wire dateline opens a news story',
  },
  {
    type: 'news',
    match: 'quotation',
    pattern: /[“"«][^”"»\n]{20,}[”"»]/gu,
    weight: 1,
    cap: 5,
    reason: 'quoted speech is journalism',
  },
];

export interface TypeResult {
  type: DocType | null;
  points: { news: number; summary: number };
  cues: Cue[];
}

export function scoreType(text: string, hits: readonly Hit<TypeCue>[]): TypeResult {
  const points = { news: 0, summary: 0 };
  const cues: Cue[] = [];
  if (text.trim() === '') return { type: null, points, cues };
  const repeats = new Map<string, number>();
  for (const hit of hits) {
    const v = hit.values.reduce((a, b) => (b.weight > a.weight ? b : a));
    const k = repeats.get(hit.phrase) ?? 0;
    repeats.set(hit.phrase, k + 1);
    const w = v.weight * damp(k, PHRASE_DAMPING);
    points[v.type] += w;
    cues.push({
      kind: 'type',
      label: v.type,
      match: hit.phrase,
      span: [hit.start, hit.end],
      weight: w,
      reason: v.reason,
    });
  }
  for (const rule of LAYOUT) {
    let n = 0;
    // exec on the rule's own expression: matchAll would copy it for every text.
    const pattern = rule.pattern;
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(text)) !== null) {
      // An empty match would not move on (none of the patterns has one; a new one might).
      if (m[0] === '') pattern.lastIndex = m.index + 1;
      if (n++ >= rule.cap) break;
      points[rule.type] += rule.weight;
      cues.push({
        kind: 'type',
        label: rule.type,
        match: rule.match,
        span: [m.index, m.index + m[0].length],
        weight: rule.weight,
        reason: rule.reason,
      });
    }
  }
  const { news, summary } = points;
  let type: DocType;
  if (Math.min(news, summary) >= BOTH_MIN && Math.min(news, summary) / Math.max(news, summary) >= BOTH_RATIO)
    type = 'both';
  else type = summary > news ? 'summary' : 'news';
  return { type, points, cues };
}
