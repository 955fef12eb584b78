// Readable output for a terminal: one line per fact, aligned, with the evidence sentence.
import type { ExtractResult, Fact } from '../types.js';

export function factTable(id: string, r: ExtractResult): string {
  const head =
    `${id}: ${r.relevant ? 'relevant' : 'not relevant'} (${r.relevance.toFixed(2)})` +
    `${r.cause ? `, ${r.cause}` : ''}${r.hazard ? ` / ${r.hazard}` : ''}${r.type ? `, ${r.type}` : ''}` +
    ` — ${r.facts.length} fact${r.facts.length === 1 ? '' : 's'}`;
  if (r.facts.length === 0) return head;
  const rows = r.facts.map((f) => [
    figureText(f),
    f.term,
    f.unit,
    f.country ?? '—',
    f.locations.map((p) => p.name).join(', ') || '—',
    f.date ? f.date.start : '—',
    f.cause ? `${f.cause}${f.hazard ? `/${f.hazard}` : ''}` : '—',
    f.confidence.toFixed(2),
  ]);
  const header = ['figure', 'term', 'unit', 'country', 'places', 'date', 'cause', 'conf'];
  const widths = header.map((h, k) => Math.min(28, Math.max(h.length, ...rows.map((row) => row[k]!.length))));
  const line = (cells: string[]) =>
    '  ' + cells.map((c, k) => clip(c, widths[k]!).padEnd(widths[k]!)).join('  ');
  return [head, line(header), ...rows.map(line)].join('\n');
}

function figureText(f: Fact): string {
  const q: Record<string, string> = {
    up_to: '≤',
    at_least: '≥',
    more_than: '>',
    less_than: '<',
    approximately: '~',
    exact: '',
  };
  if (f.figure === null) return f.vague ?? '?';
  return `${q[f.qualifier] ?? ''}${f.figure.toLocaleString('en-US')}`;
}

function clip(s: string, w: number): string {
  return s.length <= w ? s : s.slice(0, w - 1) + '…';
}
