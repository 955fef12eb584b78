import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textWithoutCredentials, urlWithoutCredentials } from './credentials.js';

test('a URL loses its user and password, nothing else', () => {
  for (const [given, shown] of <[string, string][]>[
    ['https://alice:s3cret@feeds.example.org/rss.xml', 'https://feeds.example.org/rss.xml'],
    ['https://alice@feeds.example.org/rss.xml?x=1#f', 'https://feeds.example.org/rss.xml?x=1#f'],
    ['HTTPS://ALICE:PW@Feeds.Example.org/a', 'https://feeds.example.org/a'],
    ['https:alice:pw@feeds.example.org/a', 'https://feeds.example.org/a'],
    ['https:\\\\alice:pw@feeds.example.org/a', 'https://feeds.example.org/a'],
    ['https://a:b@c@feeds.example.org/a', 'https://feeds.example.org/a'],
    ['https://:pw@feeds.example.org/a', 'https://feeds.example.org/a'],
    ['https://@feeds.example.org/a', 'https://feeds.example.org/a'],
  ])
    assert.equal(urlWithoutCredentials(given), shown, given);
  // Without credentials the URL is shown exactly as stored.
  for (const same of [
    'https://feeds.example.org/rss.xml',
    'https://feeds.example.org/users/@alice/feed',
    'https://feeds.example.org/a?mail=a@b.org',
    'not a url',
  ])
    assert.equal(urlWithoutCredentials(same), same);
});

test('error messages quoting a URL lose its credentials', () => {
  assert.equal(
    textWithoutCredentials('could not fetch https://alice:s3cret@feeds.example.org/rss.xml: HTTP 500'),
    'could not fetch https://feeds.example.org/rss.xml: HTTP 500',
  );
  assert.equal(textWithoutCredentials('write to bob@example.org: done'), 'write to bob@example.org: done');
  assert.equal(
    textWithoutCredentials('http://a:b@x.org/ and ftp://c@y.org/'),
    'http://x.org/ and ftp://y.org/',
  );
});
