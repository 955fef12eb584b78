import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDmonError } from '../errors.js';
import { canonicalUrl, tryCanonicalUrl } from './canonicalUrl.js';

const ROWS: [string, string][] = [
  ['HTTPS://News.Example.COM/World/Story?id=7', 'https://news.example.com/World/Story?id=7'],
  ['https://news.example/a#comments', 'https://news.example/a'],
  ['http://news.example:80/a', 'http://news.example/a'],
  ['https://news.example:443/a', 'https://news.example/a'],
  ['https://news.example:8443/a', 'https://news.example:8443/a'],
  ['https://news.example/a?utm_source=rss&utm_medium=feed&utm_campaign=x', 'https://news.example/a'],
  ['https://news.example/a?fbclid=abc&id=3', 'https://news.example/a?id=3'],
  ['https://news.example/a?gclid=1&mc_cid=2&mc_eid=3&_ga=4&msclkid=5', 'https://news.example/a'],
  ['https://news.example/a?UTM_Source=x&ID=1', 'https://news.example/a?ID=1'],
  ['https://news.example/a?b=2&a=1&c=3', 'https://news.example/a?a=1&b=2&c=3'],
  ['https://news.example/a?a=2&a=1', 'https://news.example/a?a=1&a=2'],
  ['https://news.example/a?', 'https://news.example/a'],
  ['https://user:pw@news.example/a', 'https://news.example/a'],
  ['https://news.example./a', 'https://news.example/a'],
  ['https://bücher.example/straße', 'https://xn--bcher-kva.example/stra%C3%9Fe'],
  ['https://news.example', 'https://news.example/'],
  ['  https://news.example/a  ', 'https://news.example/a'],
  // kept: path case, trailing slash, www, meaningful parameters
  ['https://www.news.example/A/', 'https://www.news.example/A/'],
  ['https://news.example/search?q=flood+camp', 'https://news.example/search?q=flood+camp'],
  ['https://news.example/a?page=2&utm_term=z', 'https://news.example/a?page=2'],
];

for (const [input, expected] of ROWS) {
  test(`canonicalUrl(${input}) → ${expected}`, () => assert.equal(canonicalUrl(input), expected));
}

test('canonicalUrl: links to one article from different places compare equal', () => {
  const a = canonicalUrl('https://News.example/story/42?utm_source=twitter&ref_src=twsrc#top');
  const b = canonicalUrl('https://news.example:443/story/42?fbclid=XYZ');
  assert.equal(a, b);
});

test('canonicalUrl: stripWww option', () => {
  assert.equal(canonicalUrl('https://www.news.example/a', { stripWww: true }), 'https://news.example/a');
});

test('canonicalUrl: bad URLs → USAGE naming the input; tryCanonicalUrl → null', () => {
  for (const bad of ['not a url', '/relative/path', 'ftp://files.example/a', 'javascript:alert(1)', '']) {
    assert.throws(
      () => canonicalUrl(bad),
      (e) => isDmonError(e) && e.code === 'USAGE' && e.message.includes(`'${bad}'`),
    );
    assert.equal(tryCanonicalUrl(bad), null);
  }
  assert.equal(tryCanonicalUrl(null), null);
  assert.equal(tryCanonicalUrl('https://a.example/?utm_source=x'), 'https://a.example/');
});
