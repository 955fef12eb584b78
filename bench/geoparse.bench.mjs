// Geoparser on one process: gazetteer load time (cold, in a fresh process) and the memory it
// holds, then geoparse() alone over every document against the floor measured in the same run
// (floor.mjs), and the process's peak resident memory.
import { corpusLines, peakRssMb, timeAgainstFloor } from './floor.mjs';

const t0 = process.hrtime.bigint();
const { loadGazetteer, geoparse } = await import('../dist/geoparse/index.js');
const gazetteer = loadGazetteer();
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
const rssAfterLoad = Math.round(process.memoryUsage().rss / 2 ** 20);
console.log(
  JSON.stringify({
    bench: 'gazetteer load',
    entries: gazetteer.size,
    load_ms: Math.round(loadMs),
    rss_mb: rssAfterLoad,
  }),
);

const { lines, chars } = corpusLines();
const r = timeAgainstFloor(
  lines,
  (d) => geoparse(d.text, { gazetteer, published: d.published }).places.length,
);
console.log(
  JSON.stringify({
    bench: 'geoparse',
    articles: lines.length,
    mean_chars: Math.round(chars / lines.length),
    ...r,
    per_pass: undefined,
    places_per_pass: r.per_pass,
    peak_rss_mb: peakRssMb(),
  }),
);
