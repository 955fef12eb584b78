// Geoparser benchmarks on one process: gazetteer load time (cold, in a fresh process), then
// geoparse throughput and extract + geoparse throughput over the benchmark corpus after a
// warm-up pass, and the peak resident memory.
import { loadCorpus } from './corpus.mjs';

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

const docs = loadCorpus();
const chars = docs.reduce((n, d) => n + d.text.length, 0);
const passes = 3;
const time = (fn) => {
  for (const d of docs) fn(d); // warm-up: lexicons loaded, JIT settled
  const s = process.hrtime.bigint();
  let out = 0;
  for (let p = 0; p < passes; p++) for (const d of docs) out += fn(d);
  return { seconds: Number(process.hrtime.bigint() - s) / 1e9, out: out / passes };
};

const geo = time((d) => geoparse(d.text, { gazetteer, published: d.published }).places.length);
console.log(
  JSON.stringify({
    bench: 'geoparse',
    articles: docs.length,
    mean_chars: Math.round(chars / docs.length),
    articles_per_s: Math.round((docs.length * passes) / geo.seconds),
    mb_per_s: +((chars * passes) / geo.seconds / 1e6).toFixed(2),
    places_per_pass: geo.out,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);

let extract = null;
try {
  ({ extract } = await import('../dist/extract/index.js'));
} catch {
  // extract not built: report geoparse alone
}
if (extract) {
  const both = time(
    (d) => extract(d).facts.length + geoparse(d.text, { gazetteer, published: d.published }).places.length,
  );
  console.log(
    JSON.stringify({
      bench: 'extract + geoparse',
      articles: docs.length,
      articles_per_s: Math.round((docs.length * passes) / both.seconds),
      mb_per_s: +((chars * passes) / both.seconds / 1e6).toFixed(2),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}
