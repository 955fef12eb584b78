// The trigger finder: the phrase covering the most tokens wins, and a {countries} slot takes a
// country name of any length without the phrase being expanded for every country.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLexicon } from '../lexicon.js';
import { tokenize } from '../segment/tokens.js';
import { findTriggers } from './triggers.js';
import { extract } from '../index.js';

const spans = (text: string, lang = 'en') => {
  const tokens = tokenize(text);
  return findTriggers(tokens, loadLexicon(lang)).map((t) => ({
    words: tokens
      .slice(t.first, t.next)
      .map((x) => x.text)
      .join(' '),
    term: t.entry.term,
  }));
};

test('a country slot takes one-word and multi-word names, longest first', () => {
  assert.deepEqual(spans('Some 4,000 people fled to Chad last week.'), [
    { words: 'fled to Chad', term: 'refugees' },
  ]);
  assert.deepEqual(spans('Some 4,000 people fled to South Sudan last week.'), [
    { words: 'fled to South Sudan', term: 'refugees' },
  ]);
  assert.deepEqual(spans('Unas 900 personas cruzaron a Guatemala.', 'es'), [
    { words: 'cruzaron a Guatemala', term: 'refugees' },
  ]);
});

test('a slot inside a phrase needs the words after it ("arrived in <country> from")', () => {
  assert.deepEqual(
    spans('About 1,200 people arrived in Uganda from the east.').map((s) => s.term),
    ['refugees'],
  );
  // Without "from" the crossing phrase does not apply; "arrived" alone is no refugee count.
  assert.ok(!spans('About 1,200 delegates arrived in Uganda on Monday.').some((s) => s.term === 'refugees'));
});

test('a flight that ends in a place that is no country is no crossing', () => {
  assert.ok(!spans('Some 4,000 people fled to Goma last week.').some((s) => s.term === 'refugees'));
});

test('the country slot stays one word in the lexicon: no phrase spells a country out', () => {
  const lex = loadLexicon('en');
  let phrases = 0;
  for (const list of lex.triggers.values()) phrases += list.length;
  const spelled = [...lex.triggers.values()].flat().filter((e) => e.words.join(' ').includes('south sudan'));
  assert.deepEqual(
    spelled.map((e) => e.words.join(' ')),
    [],
  );
  assert.ok(
    lex.slots
      .get('{countries:en}')
      ?.get('south')
      ?.some((n) => n.join(' ') === 'south sudan'),
  );
  // Several languages' families and terms (about 33,300 phrases), but not a cross product with
  // ~250 names each, which would add tens of thousands.
  assert.ok(phrases < 36000, `${phrases} trigger phrases`);
});

test('refugees counted through a multi-word country name', () => {
  const facts = extract(
    {
      text: 'More than 12,000 people have fled to the Central African Republic since May.',
      published: '2024-06-01',
    },
    { geoparse: false },
  ).facts;
  assert.ok(
    facts.some((f) => f.term === 'refugees' && f.figure === 12000),
    JSON.stringify(facts.map((f) => [f.term, f.figure])),
  );
});
