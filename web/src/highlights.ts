// Cuts an article's text into plain runs and highlighted runs: each fact's figure, term, places
// and date, at the offsets the extractor stored. Overlapping marks keep the one that starts first
// (then the longer), so every character is shown exactly once.
import type { Fact } from './api.js';

export type MarkKind = 'figure' | 'term' | 'place' | 'date';

export interface Segment {
  text: string;
  mark?: { kind: MarkKind; fact: number };
}

interface Mark {
  start: number;
  end: number;
  kind: MarkKind;
  fact: number;
}

function marksOf(f: Fact, index: number): Mark[] {
  const marks: Mark[] = [
    { start: f.quantity_span[0], end: f.quantity_span[1], kind: 'figure', fact: index },
    { start: f.term_span[0], end: f.term_span[1], kind: 'term', fact: index },
  ];
  for (const l of f.locations ?? [])
    if (typeof l.start === 'number' && typeof l.end === 'number')
      marks.push({ start: l.start, end: l.end, kind: 'place', fact: index });
  const span = (f.date as { span?: [number, number] } | null)?.span;
  if (span) marks.push({ start: span[0], end: span[1], kind: 'date', fact: index });
  return marks;
}

export function segmentText(text: string, facts: Fact[]): Segment[] {
  const marks = facts
    .flatMap(marksOf)
    .filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue; // overlaps a mark already placed
    if (m.start > at) out.push({ text: text.slice(at, m.start) });
    out.push({ text: text.slice(m.start, m.end), mark: { kind: m.kind, fact: m.fact } });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
