// Ingestion libraries on one process: HTML → text (Readability on linkedom), feed parsing,
// content hashing and simhash, over synthetic pages and feeds generated here (no corpus text).
const { htmlToDocument } = await import('../dist/document/html.js');
const { parseFeed } = await import('../dist/feeds/parseFeed.js');
const { contentHash, simhash } = await import('../dist/dedup/hash.js');
const { canonicalUrl } = await import('../dist/dedup/canonicalUrl.js');

const WORDS =
  'river town council families homes school rain night bridge road water hills village office people shelter tents camp officials district aid engineers flood harvest valley'.split(
    ' ',
  );
let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const sentence = () => {
  const n = 8 + Math.floor(rnd() * 14);
  const w = Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]);
  return `${w.join(' ')}.`.replace(/^./, (c) => c.toUpperCase());
};
const paragraph = () => Array.from({ length: 3 + Math.floor(rnd() * 4) }, sentence).join(' ');

/** A news-like page: navigation, an article of 8–14 paragraphs, a sidebar, a footer, scripts. */
const page = (i) => `<!doctype html><html lang="en"><head><title>Story ${i}</title>
<meta property="article:published_time" content="2024-03-${String((i % 28) + 1).padStart(2, '0')}T08:00:00Z">
<script>window.dataLayer=[${'1,'.repeat(200)}];</script><style>${'.c{color:red}'.repeat(100)}</style></head><body>
<header><nav>${WORDS.map((w) => `<a href="/${w}">${w}</a>`).join(' ')}</nav></header>
<main><article><h1>${sentence()}</h1>${Array.from({ length: 8 + (i % 7) }, () => `<p>${paragraph()}</p>`).join('\n')}</article>
<aside>${Array.from({ length: 10 }, (_, k) => `<div class="promo"><a href="/p/${k}">${sentence()}</a></div>`).join('')}</aside></main>
<footer>${sentence()}</footer></body></html>`;

const pages = Array.from({ length: 200 }, (_, i) => page(i));
const bytes = pages.reduce((n, p) => n + p.length, 0);
for (const p of pages.slice(0, 20)) htmlToDocument(p);
let t0 = process.hrtime.bigint();
const texts = pages.map((p) => htmlToDocument(p, { url: 'https://news.example/story' }).text);
let s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(
  JSON.stringify({
    bench: 'htmlToDocument',
    pages: pages.length,
    mean_kb: Math.round(bytes / pages.length / 1024),
    pages_per_s: Math.round(pages.length / s),
    mb_per_s: +(bytes / s / 1e6).toFixed(2),
  }),
);

t0 = process.hrtime.bigint();
for (let r = 0; r < 5; r++)
  for (const t of texts) {
    contentHash(t);
    simhash(t);
  }
s = Number(process.hrtime.bigint() - t0) / 1e9;
const chars = texts.reduce((n, t) => n + t.length, 0) * 5;
console.log(
  JSON.stringify({
    bench: 'contentHash + simhash',
    texts: texts.length * 5,
    texts_per_s: Math.round((texts.length * 5) / s),
    mb_per_s: +(chars / s / 1e6).toFixed(2),
  }),
);

const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>${Array.from(
  { length: 500 },
  (_, i) =>
    `<item><title>${sentence()}</title><link>https://news.example/a/${i}?utm_source=rss</link><guid>g${i}</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description><![CDATA[<p>${paragraph()}</p>]]></description></item>`,
).join('')}</channel></rss>`;
parseFeed(feed, 'https://news.example/rss');
t0 = process.hrtime.bigint();
let items = 0;
for (let r = 0; r < 5; r++)
  for (const it of parseFeed(feed, 'https://news.example/rss').items) {
    canonicalUrl(it.url);
    items++;
  }
s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(
  JSON.stringify({
    bench: 'parseFeed + canonicalUrl (RSS 2.0)',
    items,
    items_per_s: Math.round(items / s),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
