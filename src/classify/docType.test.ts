// Document type rows: texts written for these tests (not taken from any corpus).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './index.js';

const summaryText = [
  'Flash Update No. 3',
  'Country: Exampleland',
  'Source: OCHA',
  'Highlights',
  '• 12,000 people displaced as of 12 March',
  '• 3,400 houses damaged in four districts',
  '• Partners distributed shelter kits and non-food items to 1,100 households',
  'Funding requirements remain unmet; the next update will follow next week.',
].join('\n');

const newsText =
  'RIVERTON (Reuters) - Floods killed 12 people and forced thousands from their homes, officials said on Sunday. ' +
  '"We lost everything in one night," said Maria, a mother of three, who told reporters she was staying with relatives. ' +
  'The mayor said rescue boats were still searching the lower town.';

test('a situation update with headers and bullets is a summary', () => {
  assert.equal(classify({ text: summaryText }).type, 'summary');
});

test('a wire story with quotes and attributions is news', () => {
  assert.equal(classify({ text: newsText }).type, 'news');
});

test('a news story built on a report is both', () => {
  assert.equal(
    classify({ text: `${newsText}\n\n${summaryText}\n${newsText.replace('RIVERTON (Reuters) - ', '')}` })
      .type,
    'both',
  );
});

test('plain narrative text without cues defaults to news', () => {
  assert.equal(
    classify({ text: 'The river rose during the night and the lower town was flooded.' }).type,
    'news',
  );
});
