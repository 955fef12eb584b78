// The benchmark corpus: news-length article texts from the development data (D4D and ISI
// articles), read from ../shared/eval/dev when it is there (a developer checkout or CI), else
// the bundled sample. Benchmarks only: the product never reads ../shared.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dev = `${root}../shared/eval/dev`;

export function loadCorpus() {
  const docs = [];
  const seen = new Set();
  const add = (file, keep) => {
    if (!existsSync(file)) return;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line);
      if (!keep(d) || seen.has(d.text)) continue;
      seen.add(d.text);
      docs.push({ id: d.id, text: d.text, published: d.published ?? null, lang: d.lang ?? null });
    }
  };
  add(`${dev}/classify.jsonl`, (d) => d.source === 'd4d-article' || d.source === 'isi-article');
  add(`${dev}/facts-articles.jsonl`, () => true);
  if (docs.length === 0) add(`${root}data/sample/articles.jsonl`, () => true);
  return docs;
}
