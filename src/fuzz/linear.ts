// Linear-time checks for `npm run fuzz`: each reader is timed on hostile shapes at 1 MB and
// 4 MB — one line without spaces, tags nested 10,000 deep (block after block), a run of
// digits (a million per MB) — and the time per MB at both sizes is reported. A reader whose
// time per MB at 4 MB is more than three times its time at 1 MB is superlinear: the fuzz
// command fails for the readers gated here and only reports the others (extraction and
// geoparsing, whose owner is making them linear). Nothing here runs in `npm test`: timings
// are measured, never asserted in tests.
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { classify } from '../classify/index.js';
import { htmlToDocument } from '../document/html.js';
import { isDmonError } from '../errors.js';
import { extract } from '../extract/index.js';
import { parseFeed } from '../feeds/parseFeed.js';
import { geoparse } from '../geoparse/index.js';
import { readImportStream } from '../importers/readImportSource.js';

export const MB = 1024 * 1024;
/** Time per MB at 4 MB over time per MB at 1 MB beyond which a reader counts as superlinear. */
export const MAX_RATIO = 3;

export interface Shape {
  name: string;
  make(bytes: number): string;
}

const repeat = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
const NEST = 10_000;
const NESTED_BLOCK = '<b>'.repeat(NEST) + 'x' + '</b>'.repeat(NEST);

export const SHAPES: Shape[] = [
  { name: 'one line without spaces', make: (n) => repeat('abcdefghij', n) },
  { name: 'tags nested 10,000 deep', make: (n) => repeat(NESTED_BLOCK, n) },
  { name: 'digits (a million per MB)', make: (n) => repeat('1234567890', n) },
];

export interface LinearTarget {
  name: string;
  /** Whether a superlinear ratio fails `npm run fuzz` (else it is only reported). */
  gated: boolean;
  run(payload: string): unknown;
}

async function drain(format: 'jsonl' | 'csv', body: string): Promise<number> {
  let n = 0;
  const chunks = Readable.from([Buffer.from(body)]);
  for await (const _ of readImportStream(chunks, { format, name: 'linear' })) n++;
  return n;
}

export const LINEAR_TARGETS: LinearTarget[] = [
  {
    name: 'feed parsing',
    gated: true,
    run: (p) =>
      parseFeed(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>${p.slice(0, 200)}</title><link>https://news.example.org/1</link><description>${p}</description></item></channel></rss>`,
        'https://news.example.org/rss.xml',
      ),
  },
  { name: 'HTML to text', gated: true, run: (p) => htmlToDocument(`<html><body><p>${p}</p></body></html>`) },
  { name: 'JSONL importer', gated: true, run: (p) => drain('jsonl', `{"text":"${p}"}\n`) },
  { name: 'CSV importer', gated: true, run: (p) => drain('csv', `id,text\n1,"${p}"\n`) },
  { name: 'classify', gated: true, run: (p) => classify({ text: p }) },
  { name: 'extract', gated: false, run: (p) => extract({ id: 'linear', text: p }) },
  { name: 'geoparse', gated: false, run: (p) => geoparse(p) },
];

export interface LinearRow {
  target: string;
  shape: string;
  gated: boolean;
  /** Milliseconds per MB at 1 MB and at 4 MB. */
  msPerMb1: number;
  msPerMb4: number;
  ratio: number;
  /** A clear refusal (DmonError) instead of a result, e.g. an input over a reader's limit. */
  refused: string | null;
}

async function timed(t: LinearTarget, payload: string): Promise<{ ms: number; refused: string | null }> {
  const start = performance.now();
  let refused: string | null = null;
  try {
    await t.run(payload);
  } catch (e) {
    if (!isDmonError(e)) throw e;
    refused = e.code;
  }
  return { ms: performance.now() - start, refused };
}

/** Times every target on every shape at 1 and 4 MB; `only` filters targets by name. */
export async function measureLinear(
  only: readonly string[] = [],
  onRow: (r: LinearRow) => void = () => {},
): Promise<LinearRow[]> {
  const rows: LinearRow[] = [];
  for (const t of LINEAR_TARGETS) {
    if (only.length && !only.some((o) => t.name.includes(o))) continue;
    for (const shape of SHAPES) {
      await timed(t, shape.make(64 * 1024)); // warm-up: code paths compiled, data loaded
      const one = await timed(t, shape.make(MB));
      const four = await timed(t, shape.make(4 * MB));
      const msPerMb1 = one.ms;
      const msPerMb4 = four.ms / 4;
      // Below a few milliseconds the clock's noise would decide the ratio.
      const ratio = msPerMb4 / Math.max(msPerMb1, 5);
      const row = {
        target: t.name,
        shape: shape.name,
        gated: t.gated,
        msPerMb1,
        msPerMb4,
        ratio,
        refused: one.refused ?? four.refused,
      };
      rows.push(row);
      onRow(row);
    }
  }
  return rows;
}

export function formatRow(r: LinearRow): string {
  const verdict =
    r.ratio > MAX_RATIO ? (r.gated ? 'SUPERLINEAR' : 'superlinear (reported, not gated)') : 'linear';
  return `linear: ${r.target} | ${r.shape} | ${r.msPerMb1.toFixed(0)} ms/MB at 1 MB | ${r.msPerMb4.toFixed(0)} ms/MB at 4 MB | ratio ${r.ratio.toFixed(2)} | ${verdict}${r.refused ? ` | refused: ${r.refused}` : ''}`;
}
