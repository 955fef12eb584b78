import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDeps, figuresOf } from './wiring.js';

test('figures: the numbers a text states, separators ignored', () => {
  assert.deepEqual(figuresOf('About 1,200 people fled on 3 May; 1200 returned, 45.5 % of them.'), [
    '1200',
    '3',
    '1200',
    '45.5',
  ]);
  const deps = createDeps({ fetchAllow: [] });
  const story =
    'Heavy rain over three days flooded the low-lying districts along the river, and the authorities opened schools and sports halls as shelters for the 4,000 families who had to leave their homes.';
  assert.equal(deps.isNearDuplicate(story, `${story} Reporting by a correspondent.`), true);
  assert.equal(
    deps.isNearDuplicate(story, story.replace('4,000', '5,000')),
    false,
    'another figure is another report',
  );
});

test('short texts get no SimHash (only exact copies count); long ones do', () => {
  const deps = createDeps({ fetchAllow: [] });
  assert.equal(deps.simhash('A total of 12 people were evacuated.'), null);
  const long =
    'Heavy rain over three days flooded the low-lying districts along the river, and the authorities opened schools and sports halls as shelters for the families who had to leave their homes.';
  assert.equal(typeof deps.simhash(long), 'bigint');
});
