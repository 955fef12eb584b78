// The full `dmon extract` on one process: extract() with its defaults, which repairs the text
// (asking the gazetteer before cutting a capitalised word) and geoparses every document that has
// facts. Throughput against the floor measured in the same run (floor.mjs), and peak memory.
import { corpusLines, peakRssMb, timeAgainstFloor } from './floor.mjs';

const { extract } = await import('../dist/extract/index.js');
const { lines, chars } = corpusLines();
const r = timeAgainstFloor(lines, (d) => extract(d).facts.length);
console.log(
  JSON.stringify({
    bench: 'extract + geoparse (dmon extract)',
    articles: lines.length,
    mean_chars: Math.round(chars / lines.length),
    ...r,
    per_pass: undefined,
    facts_per_pass: r.per_pass,
    peak_rss_mb: peakRssMb(),
  }),
);
