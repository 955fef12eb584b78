import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlToDocument } from './html.js';

const ARTICLE = `<!doctype html><html lang="en-GB"><head>
<title>River floods the lower town | The Valley Courier</title>
<meta property="article:published_time" content="2024-03-05T23:30:00-05:00">
<meta name="author" content="Ada Reporter">
<link rel="canonical" href="/news/floods">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>River floods the lower town</h1>
<p>Heavy rain over the valley pushed the river into the lower town on Monday, and the town hall said about two thousand residents had left their houses for the sports hall on the hill.</p>
<p>Volunteers handed out blankets and bottled water while engineers inspected the old embankment.<br>The ferry did not run.</p>
<p>The town hall expects the water to fall by the weekend, although more rain is forecast for the hills upstream and the dam is close to full.</p>
</article>
<footer>All rights reserved, The Valley Courier</footer>
<script>var tracking = "should never appear";</script>
</body></html>`;

test('htmlToDocument: main text with paragraph breaks, metadata from the page', () => {
  const doc = htmlToDocument(ARTICLE, { url: 'https://courier.example/news/floods' });
  assert.equal(doc.published, '2024-03-05', "the publisher's own calendar day, not UTC");
  assert.equal(doc.byline, 'Ada Reporter');
  assert.equal(doc.url, 'https://courier.example/news/floods');
  assert.equal(doc.lang, 'en');
  assert.match(doc.title ?? '', /River floods the lower town/);
  const paras = doc.text.split('\n\n');
  assert.ok(paras[0]!.startsWith('Heavy rain over the valley'));
  assert.ok(
    paras.some(
      (p) =>
        p ===
        'Volunteers handed out blankets and bottled water while engineers inspected the old embankment.\nThe ferry did not run.',
    ),
  );
  assert.ok(!doc.text.includes('Sport'), 'navigation is not article text');
  assert.ok(!doc.text.includes('tracking'), 'scripts are never text');
  assert.ok(!/\n{3,}/.test(doc.text));
});

const DATES: [string, string, string | null][] = [
  [
    'JSON-LD datePublished',
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2023-11-02T08:00:00Z","author":{"@type":"Person","name":"Bo Writer"}}</script>',
    '2023-11-02',
  ],
  [
    'JSON-LD inside @graph',
    '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"Article","datePublished":"2022-01-09"}]}</script>',
    '2022-01-09',
  ],
  ['<time datetime>', '<p><time datetime="2021-06-30T10:00">30 June</time></p>', '2021-06-30'],
  ['meta name=date', '<meta name="date" content="2020/02/29">', '2020-02-29'],
  [
    'RFC 2822 in og:published_time',
    '<meta property="og:published_time" content="Tue, 05 Mar 2024 10:00:00 GMT">',
    '2024-03-05',
  ],
  ['impossible date is ignored', '<meta name="date" content="2023-02-30">', null],
  ['broken JSON-LD is ignored', '<script type="application/ld+json">{"datePublished": </script>', null],
  ['no date at all', '<p>Nothing here</p>', null],
];

for (const [name, head, expected] of DATES) {
  test(`htmlToDocument: published date from ${name}`, () => {
    const doc = htmlToDocument(
      `<html><head>${head}</head><body><p>Some body text for the page.</p></body></html>`,
    );
    assert.equal(doc.published, expected);
  });
}

test('htmlToDocument: url from og:url; none without an absolute http(s) address', () => {
  assert.equal(
    htmlToDocument('<meta property="og:url" content="https://a.example/x"><p>t</p>').url,
    'https://a.example/x',
  );
  assert.equal(htmlToDocument('<link rel="canonical" href="/relative"><p>t</p>').url, null);
  assert.equal(
    htmlToDocument('<link rel="canonical" href="javascript:x"><p>t</p>', { url: 'https://a.example/' }).url,
    null,
  );
});

test('htmlToDocument: byline from JSON-LD author', () => {
  const doc = htmlToDocument(`<html><head>${DATES[0]![1]}</head><body><p>Text.</p></body></html>`);
  assert.equal(doc.byline, 'Bo Writer');
});

test('htmlToDocument: fragments and pages Readability rejects fall back to the body text', () => {
  assert.equal(htmlToDocument('<div><p>short thing</p></div>').text, 'short thing');
  assert.equal(
    htmlToDocument('plain words, no tags &amp; an entity').text,
    'plain words, no tags & an entity',
  );
  const table = htmlToDocument(
    '<table><tr><td>Camp</td><td>1,200</td></tr><tr><td>School</td><td>300</td></tr></table>',
  );
  assert.equal(table.text, 'Camp 1,200\n\nSchool 300');
});

test('htmlToDocument: declared language when the text is too short to detect', () => {
  assert.equal(htmlToDocument('<html lang="fr-FR"><body><p>Bonjour.</p></body></html>').lang, 'fr');
  assert.equal(htmlToDocument('<p>Hi.</p>').lang, null);
});

test('htmlToDocument: detected language wins over a wrong declaration', () => {
  const es =
    '<html lang="en"><body><p>Las lluvias torrenciales obligaron a cientos de familias a abandonar sus casas durante la noche, según informaron las autoridades locales del municipio.</p></body></html>';
  assert.equal(htmlToDocument(es).lang, 'es');
});

const MALFORMED: [string, string][] = [
  ['empty string', ''],
  ['unbalanced tags', '<<<>>><p <b>broken <i>stuff</p></div></div>&&&;'],
  ['control characters', 'text\u0000with\u0001controls\uffff'],
  ['only a script', '<script>alert(1)</script>'],
  ['unterminated comment', '<p>before</p><!-- never closed <p>after</p>'],
  ['stray CDATA and doctype', '<![CDATA[x]]><!doctype foo><p>y</p>'],
];

for (const [name, html] of MALFORMED) {
  test(`htmlToDocument: malformed input does not throw (${name})`, () => {
    const doc = htmlToDocument(html, { url: 'not a url' });
    assert.equal(typeof doc.text, 'string');
    // eslint-disable-next-line no-control-regex -- checking that control characters are gone
    assert.ok(!/[\u0000-\u0008]/.test(doc.text));
  });
}

test('htmlToDocument: deep nesting is flattened, not fed to Readability', () => {
  const deep = '<div>'.repeat(60_000) + 'deep &amp; text' + '</div>'.repeat(10);
  assert.equal(htmlToDocument(deep).text, 'deep & text');
  const spans = '<span>'.repeat(100_000) + 'inner words' + '</span>';
  assert.equal(htmlToDocument(spans).text, 'inner words');
});

test('htmlToDocument: moderately deep pages keep their text', () => {
  const html =
    '<html><body>' +
    '<section>'.repeat(300) +
    '<p>Deep paragraph.</p>' +
    '</section>'.repeat(300) +
    '</body></html>';
  assert.equal(htmlToDocument(html).text, 'Deep paragraph.');
});

test('htmlToDocument: <pre> keeps its lines', () => {
  const doc = htmlToDocument('<pre>line one\nline two</pre>');
  assert.equal(doc.text, 'line one\nline two');
});
