import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDmonError } from '../errors.js';
import { discoverFeedLinks } from './discover.js';
import { parseFeed } from './parseFeed.js';

const FEED_URL = 'https://news.example/feeds/world.xml';

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>World &amp; Region</title><link>https://news.example/</link><description>d</description>
<item><title>Storm &lt;em&gt;forces&lt;/em&gt; evacuations</title><link>/2024/03/storm</link>
<guid isPermaLink="false">news-1001</guid><pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate>
<description><![CDATA[<p>Coastal villages were emptied &amp; ferries stopped.</p><p>More later.</p>]]></description></item>
<item><title>Permalink guid only</title><guid>https://news.example/2024/03/guid-only</guid><dc:date>2024-03-06T01:00:00Z</dc:date></item>
<item><title>No link at all</title><description>nothing to fetch</description></item>
<item><title>Script link</title><link>javascript:alert(1)</link></item>
</channel></rss>`;

const RSS091 = `<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old Feed</title><link>http://old.example/</link><description>d</description><language>en</language>
<item><title>Old item</title><link>http://old.example/item1.html</link><description>Plain summary.</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Relief &amp;amp; Recovery</title><id>urn:feed</id><updated>2024-01-02T00:00:00Z</updated>
<entry><title>Camp opens</title><id>urn:uuid:aaaa</id>
<link rel="enclosure" href="https://relief.example/audio.mp3"/><link href="https://relief.example/camp-opens"/>
<published>2024-01-01T22:00:00-08:00</published><updated>2024-01-03T00:00:00Z</updated>
<summary type="html">&lt;p&gt;Tents for &lt;b&gt;400&lt;/b&gt; families.&lt;/p&gt;</summary></entry>
<entry><title>Only updated</title><id>urn:uuid:bbbb</id><link rel="alternate" type="text/html" href="entries/2"/><updated>2024-01-04T00:00:00Z</updated></entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example/"><title>RDF Desk</title><link>https://rdf.example/</link><description>d</description></channel>
<item rdf:about="https://rdf.example/story-7"><title>Story seven</title><link>https://rdf.example/story-7</link><description>About rivers.</description><dc:date>2024-02-02</dc:date></item>
</rdf:RDF>`;

const JSONFEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'JSON Desk',
  items: [
    {
      id: 17,
      url: 'https://json.example/a',
      title: 'Alpha',
      summary: 'Short.',
      date_published: '2024-04-04T09:00:00+02:00',
    },
    { id: 'b', external_url: 'https://elsewhere.example/b', content_html: '<p>Beta <i>body</i></p>' },
    { id: 'c', content_text: 'no url' },
  ],
});

test('parseFeed: RSS 2.0 with relative links, HTML titles, permalink guids', () => {
  const f = parseFeed(RSS2, FEED_URL);
  assert.equal(f.format, 'rss');
  assert.equal(f.title, 'World & Region');
  assert.equal(f.skipped, 2, 'the item without a link and the javascript: link');
  assert.equal(f.truncated, false);
  assert.deepEqual(f.items[0], {
    url: 'https://news.example/2024/03/storm',
    title: 'Storm forces evacuations',
    published: '2024-03-05',
    summary: 'Coastal villages were emptied & ferries stopped.\n\nMore later.',
    guid: 'news-1001',
  });
  assert.equal(f.items[1]!.url, 'https://news.example/2024/03/guid-only');
  assert.equal(f.items[1]!.published, '2024-03-06');
});

test('parseFeed: RSS 0.91 with its Netscape DOCTYPE', () => {
  const f = parseFeed(RSS091, 'http://old.example/rss.xml');
  assert.equal(f.title, 'Old Feed');
  assert.deepEqual(
    f.items.map((i) => [i.url, i.summary, i.published]),
    [['http://old.example/item1.html', 'Plain summary.', null]],
  );
});

test('parseFeed: Atom picks the alternate link, published before updated', () => {
  const f = parseFeed(ATOM, 'https://relief.example/atom.xml');
  assert.equal(f.format, 'atom');
  assert.equal(f.title, 'Relief & Recovery');
  assert.deepEqual(f.items[0], {
    url: 'https://relief.example/camp-opens',
    title: 'Camp opens',
    published: '2024-01-01',
    summary: 'Tents for 400 families.',
    guid: 'urn:uuid:aaaa',
  });
  assert.equal(f.items[1]!.url, 'https://relief.example/entries/2');
  assert.equal(f.items[1]!.published, '2024-01-04');
});

test('parseFeed: RDF (RSS 1.0)', () => {
  const f = parseFeed(RDF, 'https://rdf.example/index.rdf');
  assert.equal(f.format, 'rdf');
  assert.deepEqual(f.items, [
    {
      url: 'https://rdf.example/story-7',
      title: 'Story seven',
      published: '2024-02-02',
      summary: 'About rivers.',
      guid: 'https://rdf.example/story-7',
    },
  ]);
});

test('parseFeed: JSON Feed', () => {
  const f = parseFeed(JSONFEED, 'https://json.example/feed.json');
  assert.equal(f.format, 'json');
  assert.equal(f.title, 'JSON Desk');
  assert.equal(f.skipped, 1);
  assert.deepEqual(f.items[0], {
    url: 'https://json.example/a',
    title: 'Alpha',
    published: '2024-04-04',
    summary: 'Short.',
    guid: '17',
  });
  assert.deepEqual(f.items[1], {
    url: 'https://elsewhere.example/b',
    title: null,
    published: null,
    summary: 'Beta body',
    guid: 'b',
  });
});

test('parseFeed: a billion-laughs DOCTYPE is not expanded and parses fast', () => {
  const lol = (n: number, ref: string) => `<!ENTITY lol${n} "${`&${ref};`.repeat(10)}">`;
  const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${Array.from({ length: 9 }, (_, i) => lol(i + 1, `lol${i}`)).join('')}]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>https://bomb.example/1</link></item></channel></rss>`;
  const f = parseFeed(bomb, 'https://bomb.example/feed');
  assert.equal(f.items.length, 1);
  assert.ok((f.items[0]!.title ?? '').length < 50, 'entity left unexpanded');
  assert.ok((f.title ?? '').length < 50);
});

test('parseFeed: a feed cut off mid-item keeps its complete items', () => {
  const cut = RSS2.slice(0, RSS2.indexOf('<item><title>Permalink') + 40);
  const f = parseFeed(cut, FEED_URL);
  assert.equal(f.truncated, true);
  assert.deepEqual(
    f.items.map((i) => i.guid),
    ['news-1001'],
  );
  const atomCut = ATOM.slice(0, ATOM.indexOf('<entry><title>Only') + 20);
  const a = parseFeed(atomCut, 'https://relief.example/atom.xml');
  assert.equal(a.truncated, true);
  assert.equal(a.items.length, 1);
});

function assertInvalid(fn: () => unknown, pattern: RegExp, code = 'FEED_INVALID'): void {
  assert.throws(fn, (e) => {
    assert.ok(isDmonError(e), String(e));
    assert.equal(e.code, code);
    assert.match(e.message, pattern);
    return true;
  });
}

test('parseFeed: an HTML page is FEED_INVALID and names the feeds it links to', () => {
  const page = `<!doctype html><html><head><title>News</title>
<link rel="alternate" type="application/rss+xml" href="/rss.xml"><link rel="stylesheet" href="/s.css"></head><body><p>Hi</p></body></html>`;
  assertInvalid(
    () => parseFeed(page, 'https://news.example/'),
    /https:\/\/news\.example\/: this is an HTML page, not an RSS.*https:\/\/news\.example\/rss\.xml/,
  );
  assertInvalid(
    () => parseFeed('<html><body>no feeds here</body></html>', 'https://x.example/'),
    /HTML page.*Give the address of its RSS or Atom feed/,
  );
});

test('parseFeed: bad inputs fail clearly', () => {
  assertInvalid(() => parseFeed('', FEED_URL), /world\.xml: the feed is empty/);
  assertInvalid(() => parseFeed('just some words', FEED_URL), /not an RSS, Atom, RDF or JSON feed/);
  assertInvalid(() => parseFeed('{"hello": "world"}', FEED_URL), /not an RSS, Atom, RDF or JSON feed/);
  assertInvalid(
    () => parseFeed('<rss version="2.0"><channel><title>x</tit', FEED_URL),
    /cut off before its first complete item/,
  );
  assertInvalid(() => parseFeed('\u0000\u0001\u0002binary', FEED_URL), /binary data/);
  assertInvalid(() => parseFeed('<?xml version="1.0"?><rss version="2.0"></rss>', FEED_URL), /malformed/);
  const deep = `<rss version="2.0"><channel><title>T</title><item><x>${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</x><link>https://d.example/</link></item></channel></rss>`;
  assertInvalid(() => parseFeed(deep, FEED_URL), /malformed/);
  assertInvalid(
    () => parseFeed(RSS2, FEED_URL, { maxChars: 100 }),
    /exceeds the 100-character limit/,
    'INPUT_TOO_LARGE',
  );
});

test('parseFeed: long summaries are cut at a word boundary', () => {
  const long = RSS2.replace('More later.', 'word '.repeat(2000));
  const s = parseFeed(long, FEED_URL, { maxSummaryChars: 100 }).items[0]!.summary!;
  assert.ok(s.length <= 101 && s.endsWith('…'), s);
});

test('discoverFeedLinks: alternate feed links only, absolute, deduplicated', () => {
  const page = `<html><head>
<link rel="alternate" type="application/rss+xml" href="/rss.xml">
<link rel="alternate" type="application/atom+xml" href="https://cdn.example/atom.xml">
<link rel="alternate" type="application/rss+xml" href="/rss.xml">
<link rel="alternate" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/rss+xml" href="javascript:void(0)">
</head></html>`;
  assert.deepEqual(discoverFeedLinks(page, 'https://site.example/page'), [
    'https://site.example/rss.xml',
    'https://cdn.example/atom.xml',
  ]);
  assert.deepEqual(discoverFeedLinks('<<<not html', 'https://site.example/'), []);
});
