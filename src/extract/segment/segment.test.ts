// Sentence splitting: news punctuation, abbreviations, report bullets, table cells, and the
// length cap that keeps reading linear.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences, MAX_SENTENCE_CHARS, withoutAbbreviationPeriods } from './sentences.js';
import { tokenize } from './tokens.js';

const split = (text: string) => splitSentences(text).map(([s, e]) => text.slice(s, e));

test('splits news sentences but not abbreviations or decimals', () => {
  assert.deepEqual(
    split('Floods hit the U.S. state on Monday. About 2.5 million people fled. Mr. Smith said so.'),
    ['Floods hit the U.S. state on Monday.', 'About 2.5 million people fled.', 'Mr. Smith said so.'],
  );
});

test('abbreviations of every language in lexicon/ keep a sentence whole', () => {
  assert.deepEqual(split('La Sra. Pérez dijo que Repsol S.A. Evacuó a 300 personas. Nadie volvió.'), [
    'La Sra. Pérez dijo que Repsol S.A. Evacuó a 300 personas.',
    'Nadie volvió.',
  ]);
  assert.deepEqual(split('Rains hit Jan. 5 and continued. No. 4 camp flooded.'), [
    'Rains hit Jan. 5 and continued.',
    'No. 4 camp flooded.',
  ]);
});

test("an abbreviation's period before a name is no token of the sentence; before a number or a lower-case word it stays", () => {
  const words = (text: string) => withoutAbbreviationPeriods(tokenize(text)).map((t) => t.text);
  assert.deepEqual(words('215 families from Brgy. Tambis fled'), ['215', 'families', 'from', 'Brgy', 'Tambis', 'fled']);
  assert.deepEqual(words('Report No. 5 and No. of homeless'), ['Report', 'No', '.', '5', 'and', 'No', '.', 'of', 'homeless']);
  assert.deepEqual(words('They fled. Then 300 returned'), ['They', 'fled', '.', 'Then', '300', 'returned']);
});

test("the periods of an abbreviation before a comma and of an initialism in capitals go; a time's stay", () => {
  const words = (text: string) => withoutAbbreviationPeriods(tokenize(text)).map((t) => t.text);
  assert.deepEqual(words('in Naples, Fla., were'), ['in', 'Naples', ',', 'Fla', ',', 'were']);
  assert.deepEqual(words('across the U.S. were'), ['across', 'the', 'U', 'S', 'were']);
  assert.deepEqual(words('in the U.S.A. were'), ['in', 'the', 'U', 'S', 'A', 'were']);
  assert.deepEqual(words('at 9 a.m. and 9 A.M.'), ['at', '9', 'a', '.', 'm', '.', 'and', '9', 'A', '.', 'M', '.']);
});

test('bullets, blank lines and headings end sentences; a bare number line does not', () => {
  assert.deepEqual(
    split('KEY FIGURES\n• 27 people killed\n• 4,100 houses destroyed\n\nThe quake struck at night.'),
    ['KEY FIGURES', '27 people killed', '4,100 houses destroyed', 'The quake struck at night.'],
  );
  assert.deepEqual(split('321\nHouses\ndestroyed'), ['321\nHouses\ndestroyed']);
});

test('a long bulleted item ends at its line unless it breaks off on a joining word', () => {
  assert.deepEqual(
    split(
      '  • 31 people died but officials say the early warnings and evacuations saved many lives\nMore than 80,000 people were evacuated from the delta this week.',
    ),
    [
      '31 people died but officials say the early warnings and evacuations saved many lives',
      'More than 80,000 people were evacuated from the delta this week.',
    ],
  );
  const wrapped = '  • The floods also destroyed the bridges and the main road that connects the villages of\nKarsa and Bilal.';
  assert.equal(split(wrapped).length, 1);
});

test("the first line is the document's title whatever its length, unless it breaks off on a joining word", () => {
  const title = 'More than 40,000 people flee as fighting spreads across the north of the province\nThe UN said on Monday …';
  assert.deepEqual(split(title), [
    'More than 40,000 people flee as fighting spreads across the north of the province',
    'The UN said on Monday …',
  ]);
  // A later line of the same length continues its sentence (PDF lines break inside sentences).
  const later = `Intro.\n${title}`;
  assert.equal(split(later).length, 2);
  assert.equal(split('Heavy rains have forced thousands of families living along the banks of\nLake Victoria to move.').length, 1);
});

test('very long runs without punctuation are cut into bounded pieces', () => {
  const text = 'word '.repeat(2000);
  const spans = splitSentences(text);
  assert.ok(spans.length > 1);
  for (const [s, e] of spans) assert.ok(e - s <= MAX_SENTENCE_CHARS);
});

test('an -ly adverb hyphened to its word reads as two words; other compounds stay whole', async () => {
  const { tokenize } = await import('./tokens.js');
  const words = (text: string) => tokenize(text).map((t) => `${t.text}@${t.start}`);
  assert.deepEqual(words('internally-displaced persons'), ['internally@0', 'displaced@11', 'persons@21']);
  assert.deepEqual(words('Newly-arrived'), ['Newly@0', 'arrived@6']);
  assert.deepEqual(words('IDP-hosting well-being al-Assad'), [
    'IDP-hosting@0',
    'well-being@12',
    'al-Assad@23',
  ]);
});

test('a noun of people hyphened to the unit that counts them reads as two words', async () => {
  const { tokenize } = await import('./tokens.js');
  const words = (text: string) => tokenize(text).map((t) => `${t.text}@${t.start}`);
  assert.deepEqual(words('evacuee-families'), ['evacuee@0', 'families@8']);
  assert.deepEqual(words('IDP-Households'), ['IDP@0', 'Households@4']);
  assert.deepEqual(words('two-family single-family'), ['two-family@0', 'single-family@11']);
});

test('a times sign glued to a number is no word; "4x4" and "12xl" stay as written', async () => {
  const { tokenize } = await import('./tokens.js');
  const words = (text: string) => tokenize(text).map((t) => `${t.text}@${t.start}`);
  assert.deepEqual(words('1,870x persons'), ['1,870@0', 'persons@7']);
  assert.deepEqual(words('(6x boats)'), ['(@0', '6@1', 'boats@4', ')@9']);
  assert.deepEqual(words('4x4 trucks'), ['4@0', 'x@1', '4@2', 'trucks@4']);
  assert.deepEqual(words('12xl'), ['12@0', 'xl@2']);
});
