// The offset map: spans read in repaired text map back onto the same words in the original.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OffsetMap } from './offsetMap.js';
import { normalizeText } from './index.js';

test('insertions, deletions and replacements map spans back onto the original', () => {
  const original = 'About 1,200familieswere evacu-\nated â€œtodayâ€\u009d.';
  const { text, map } = normalizeText(original, 'en');
  assert.equal(text, 'About 1,200 families were evacuated “today”.');
  const back = (word: string) => {
    const s = text.indexOf(word);
    const [a, b] = map.toOriginal([s, s + word.length]);
    return original.slice(a, b);
  };
  assert.equal(back('1,200'), '1,200');
  assert.equal(back('families'), 'families');
  assert.equal(back('were'), 'were');
  assert.equal(back('evacuated'), 'evacu-\nated');
  assert.equal(back('“today”'), 'â€œtodayâ€\u009d');
  assert.equal(back('today'), 'today');
  assert.equal(back('About 1,200 families were evacuated'), 'About 1,200familieswere evacu-\nated');
});

test('layers compose: each pass maps through the ones before it', () => {
  let { text, map } = OffsetMap.identity().apply('abcdef', [{ start: 1, end: 3, text: 'X' }]); // aXdef
  ({ text, map } = map.apply(text, [{ start: 2, end: 2, text: '--' }])); // aX--def
  assert.equal(text, 'aX--def');
  assert.deepEqual(map.toOriginal([4, 7]), [3, 6]); // "def"
  assert.deepEqual(map.toOriginal([1, 2]), [1, 3]); // "X" ← "bc"
  assert.deepEqual(map.toOriginal([2, 4]), [3, 3]); // the inserted "--" is empty in the original
  assert.deepEqual(map.toOriginal([0, 7]), [0, 6]);
});

test('a deletion is outside the spans on both sides of it', () => {
  const { map } = OffsetMap.identity().apply('ab--cd', [{ start: 2, end: 4, text: '' }]); // abcd
  assert.deepEqual(map.toOriginal([0, 2]), [0, 2]);
  assert.deepEqual(map.toOriginal([2, 4]), [4, 6]);
});

test('every word of repaired text maps back onto the same letters', () => {
  const original = 'Thefloods hadforced 2,300familiesto leave, â€œthe campâ€™s\nresidents said  evacu-\nees.';
  const { text, map } = normalizeText(original, 'en');
  for (const m of text.matchAll(/[A-Za-z0-9,]+/g)) {
    const [a, b] = map.toOriginal([m.index, m.index + m[0].length]);
    const letters = (s: string) => s.replace(/[^A-Za-z0-9,]/g, '');
    assert.equal(letters(original.slice(a, b)), letters(m[0]), m[0]);
  }
});

test('edits that overlap are refused', () => {
  assert.throws(() =>
    OffsetMap.identity().apply('abcdef', [
      { start: 1, end: 3, text: '' },
      { start: 2, end: 4, text: '' },
    ]),
  );
});
