// Extraction throughput on one process: articles per second and characters per second over
// the benchmark corpus, after a warm-up pass, and the peak resident memory.
import { loadCorpus } from './corpus.mjs';

const { extract } = await import('../dist/extract/index.js');
const docs = loadCorpus();
const chars = docs.reduce((n, d) => n + d.text.length, 0);
const geo = process.argv.includes('--geo');
const opts = geo ? {} : { geoparse: false };
for (const d of docs) extract(d, opts); // warm-up: lexicons loaded, JIT settled
const passes = 3;
const t0 = process.hrtime.bigint();
let facts = 0;
for (let p = 0; p < passes; p++) for (const d of docs) facts += extract(d, opts).facts.length;
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const n = docs.length * passes;
console.log(
  JSON.stringify({
    bench: geo ? 'extract + geoparse' : 'extract (no geoparse)',
    articles: docs.length,
    mean_chars: Math.round(chars / docs.length),
    articles_per_s: Math.round(n / seconds),
    mb_per_s: +((chars * passes) / seconds / 1e6).toFixed(2),
    facts_per_pass: facts / passes,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);

// Pathological input: 2 MB of numbers and trigger words without a full stop. Extraction must
// stay linear; this line records how long such a document takes.
const words = ['people', 'were', 'evacuated', 'displaced', 'homes', 'destroyed', 'killed', 'and', 'the', 'families'];
let junk = '';
for (let i = 0; junk.length < 2_000_000; i++) junk += (i % 3 === 0 ? String((i * 7919) % 99991) : words[i % words.length]) + ' ';
const p0 = process.hrtime.bigint();
const junkFacts = extract({ text: junk, published: null, lang: 'en' }, opts).facts.length;
console.log(
  JSON.stringify({
    bench: `${geo ? 'extract + geoparse' : 'extract'}: 2 MB without sentence breaks`,
    seconds: +(Number(process.hrtime.bigint() - p0) / 1e9).toFixed(2),
    facts: junkFacts,
  }),
);
