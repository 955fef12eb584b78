// Generated articles for the store benchmarks: a few displacement sentences each, with varied
// figures, places and dates, so that no two are near-duplicates. Deterministic (seeded).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PLACES = [
  'Northfield',
  'Riverbend',
  'Lakeside',
  'Hillcrest',
  'Stonebridge',
  'Westmarsh',
  'Eastvale',
  'Southport',
];
const HAZARDS = [
  'floods',
  'a cyclone',
  'heavy fighting',
  'an earthquake',
  'landslides',
  'clashes between armed groups',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** N articles as `Ingest.addDocument` takes them; the same N for the same seed. */
export function generateArticles(n, seed = 11) {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = (a) => a[Math.floor(rand() * a.length)];
  return Array.from({ length: n }, (_, i) => article(i, rand, pick));
}

function article(i, rand, pick) {
  const place = pick(PLACES);
  const n1 = 100 + Math.floor(rand() * 90000);
  const n2 = 10 + Math.floor(rand() * 5000);
  const day = 1 + Math.floor(rand() * 27);
  const month = pick(MONTHS);
  const text = [
    `Report ${i}: ${pick(HAZARDS)} forced ${n1.toLocaleString('en')} people to leave their homes in ${place} on ${day} ${month} 2024, local officials said.`,
    `Aid groups said about ${n2.toLocaleString('en')} families were staying in temporary shelters in ${pick(PLACES)} and needed food and water.`,
    `A spokesperson for the district office, speaking on condition of anonymity in bulletin number ${i * 7 + 3}, said ${Math.floor(rand() * 400)} houses had been destroyed.`,
    `Road access to ${pick(PLACES)} remained cut on ${1 + Math.floor(rand() * 27)} ${pick(MONTHS)}, delaying deliveries to the ${Math.floor(rand() * 30) + 2} camps in the area.`,
  ].join(' ');
  return {
    text,
    title: `Generated report ${i}`,
    published: `2024-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-15`,
    lang: 'en',
    origin: 'import',
    externalId: `bench-${i}`,
  };
}

/** The articles as the JSONL `dmon import` reads, in a fresh temporary folder (the caller removes it). */
export function writeArticlesFile(docs, prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'articles.jsonl');
  const line = (d) =>
    JSON.stringify({ id: d.externalId, title: d.title, published: d.published, lang: d.lang, text: d.text });
  writeFileSync(file, docs.map(line).join('\n') + '\n');
  return { dir, file };
}
