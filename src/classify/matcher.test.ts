import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PhraseMatcher, patternWords } from './matcher.js';
import { fold, words } from './words.js';

test('fold lower-cases and strips accents', () => {
  assert.equal(fold('Évacués'), 'evacues');
  assert.equal(fold('DÉPLACÉS'), 'deplaces');
  assert.equal(fold('sequía'), 'sequia');
  assert.equal(fold('flood'), 'flood');
});

test('words keep offsets into the original text', () => {
  const text = 'Flash-flood hits São Paulo';
  const ws = words(text);
  assert.deepEqual(
    ws.map((w) => w.norm),
    ['flash', 'flood', 'hits', 'sao', 'paulo'],
  );
  for (const w of ws) assert.equal(fold(text.slice(w.start, w.end)), w.norm);
});

test('pattern words split hyphens and keep a trailing star', () => {
  assert.deepEqual(patternWords('cease-fire'), ['cease', 'fire']);
  assert.deepEqual(patternWords('evacu*'), ['evacu*']);
  assert.deepEqual(patternWords('Déplacés internes'), ['deplaces', 'internes']);
});

function matcher(): PhraseMatcher<string> {
  const m = new PhraseMatcher<string>();
  m.add('shelter', 'shelter');
  m.add('animal shelter', 'block');
  m.add('homes', 'dwelling');
  m.add('home games', 'block');
  m.add('evacu*', 'evacuate');
  m.add('evacuation drill', 'block');
  m.add('homeless*', 'homeless');
  m.add('homelessness', 'chronic');
  return m;
}

const rows: Array<[string, string[]]> = [
  ['Families found shelter in a school.', ['shelter']],
  ['The animal shelter took in forty dogs.', ['block']],
  ['They lost two home games and their homes.', ['block', 'dwelling']],
  ['Residents were evacuated; evacuees waited.', ['evacuate', 'evacuate']],
  ['A fire evacuation drill was held at noon.', ['block']],
  ['Glued text: 500 people evacuatedBased on reports', ['evacuate']],
  ['Homelessness is rising; many are homeless.', ['chronic', 'homeless']],
  ['Nothing to see here.', []],
];

for (const [text, expected] of rows) {
  test(`matches: ${text}`, () => {
    assert.deepEqual(
      matcher()
        .match(text)
        .map((h) => h.values[0]),
      expected,
    );
  });
}

test('hits carry the phrase and the span of the matched words', () => {
  const text = 'An Animal  Shelter opened.';
  const [hit] = matcher().match(text);
  assert.ok(hit);
  assert.equal(hit.phrase, 'animal shelter');
  assert.equal(text.slice(hit.start, hit.end), 'Animal  Shelter');
});

test('a phrase added twice keeps both payloads', () => {
  const m = new PhraseMatcher<string>();
  m.add('camps', 'shelter');
  m.add('Camps', 'dwelling');
  assert.equal(m.phrases, 1);
  assert.deepEqual(m.match('in camps')[0]?.values, ['shelter', 'dwelling']);
});
