// Classifier benchmark: documents per second and MB per second for classify(), on generated
// paragraphs and articles (sentences written for this benchmark, shuffled with a fixed seed),
// plus the one-off cost of loading and compiling the word lists. Run after a build:
//   node bin/dmon.mjs --version && node bench/classify.bench.mjs [--docs 5000] [--sentences 30]
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const DOCS = arg('docs', 5000);
const SENTENCES = arg('sentences', 30);

const SENTENCES_POOL = [
  'More than 2,000 families fled their homes after armed men attacked three villages on Sunday.',
  'Floodwaters rose overnight and forced residents of the lower town to move to higher ground.',
  'The provincial disaster agency said 340 houses were destroyed and 1,200 damaged.',
  'Around 800 people are staying in evacuation centres set up in schools and churches.',
  'Police evacuated 40 homes after a suspicious package was found near the station.',
  'The council approved a new budget for road repairs and street lighting.',
  '"We lost everything in one night," said a mother of three who is staying with relatives.',
  'Aid agencies distributed tarpaulins, blankets and water purification tablets.',
  'Clashes between militias and government forces continued for a third day.',
  'A magnitude 6.1 earthquake struck the region early on Tuesday, officials said.',
  'Share prices rose after the central bank left interest rates unchanged.',
  'Des milliers de personnes ont été déplacées par les inondations dans le sud du pays.',
  'Más de 300 familias fueron evacuadas por el desbordamiento del río.',
  'The team won its third home game in a row in front of a record crowd.',
];

let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const docs = Array.from({ length: DOCS }, (_, i) => {
  const n = 1 + Math.floor(rand() * SENTENCES);
  const parts = Array.from({ length: n }, () => SENTENCES_POOL[Math.floor(rand() * SENTENCES_POOL.length)]);
  return { id: `doc-${i}`, text: parts.join(' ') };
});
const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);

let t = performance.now();
const { classify, defaultLexicon } = await import('../dist/classify/index.js');
defaultLexicon();
const loadMs = performance.now() - t;

for (const d of docs.slice(0, 200)) classify(d); // warm-up
t = performance.now();
let relevant = 0;
for (const d of docs) if (classify(d).relevant) relevant++;
const ms = performance.now() - t;

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`classify benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpu}`);
console.log(`word lists: loaded and compiled in ${loadMs.toFixed(0)} ms`);
console.log(
  `${DOCS} documents (${(bytes / 1e6).toFixed(1)} MB, 1–${SENTENCES} sentences each): ${ms.toFixed(0)} ms, ` +
    `${Math.round((DOCS / ms) * 1000)} docs/s, ${((bytes / 1e6 / ms) * 1000).toFixed(1)} MB/s; ${relevant} relevant`,
);
