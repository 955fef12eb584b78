// Extraction throughput on one process, without the geoparser (figures, terms, dates, cause),
// against the floor measured in the same run (floor.mjs), and the process's peak resident
// memory. Then a pathological input: 2 MB of numbers and trigger words without a full stop,
// which must stay linear.
import { corpusLines, peakRssMb, timeAgainstFloor } from './floor.mjs';

const { extract } = await import('../dist/extract/index.js');
const { lines, chars } = corpusLines();
const r = timeAgainstFloor(lines, (d) => extract(d, { geoparse: false }).facts.length);
console.log(
  JSON.stringify({
    bench: 'extract (no geoparse)',
    articles: lines.length,
    mean_chars: Math.round(chars / lines.length),
    ...r,
    per_pass: undefined,
    facts_per_pass: r.per_pass,
    peak_rss_mb: peakRssMb(),
  }),
);

const words = [
  'people',
  'were',
  'evacuated',
  'displaced',
  'homes',
  'destroyed',
  'killed',
  'and',
  'the',
  'families',
];
let junk = '';
for (let i = 0; junk.length < 2_000_000; i++)
  junk += (i % 3 === 0 ? String((i * 7919) % 99991) : words[i % words.length]) + ' ';
const p0 = process.hrtime.bigint();
const junkFacts = extract({ text: junk, published: null, lang: 'en' }, { geoparse: false }).facts.length;
console.log(
  JSON.stringify({
    bench: 'extract: 2 MB without sentence breaks',
    seconds: +(Number(process.hrtime.bigint() - p0) / 1e9).toFixed(2),
    facts: junkFacts,
  }),
);
