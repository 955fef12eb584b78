// Calibration texts for the near-duplicate threshold, written for these tests. The story is
// invented; the variants are the edits syndication and updates make.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hammingDistance, simhash, simhashHex } from './hash.js';
import { isNearDuplicate, isNearDuplicateCandidate, shingleJaccard } from './nearDuplicate.js';

const STORY = `Heavy rains that began on Sunday have pushed the Lower Meridan river over its banks, flooding large parts of the market town of Oskel and the farmland around it. The regional disaster office said on Tuesday that about 4,500 people had left their homes and were staying in schools, a sports hall and the homes of relatives on higher ground.
Rescue teams in boats moved along the flooded streets through the night, taking elderly residents and families with small children to dry land. Two bridges on the main road to the provincial capital were closed after engineers found cracks in their supports, cutting the town off from the north.
The office warned that the water level could rise further on Wednesday because more rain is expected in the hills upstream. It asked residents of low-lying villages along the river to be ready to leave at short notice and to follow instructions from local officials.
Farmers said the flood came just weeks before the harvest, and that much of the wheat and maize in the valley is now under water. Officials have not yet estimated the damage, but said an assessment team would visit the area once the water recedes.`;

const OTHER = `A strong earthquake struck the mountain district of Varro early on Friday, destroying dozens of houses and forcing hundreds of families to spend the night outdoors. Local officials said at least 1,200 people had been displaced and were sheltering in tents set up on a football pitch near the district hospital.
The quake damaged the only road into the valley, and aid trucks carrying blankets, food and water were waiting for the route to be cleared. Helicopters flew injured residents to the regional capital.
Officials said it was too early to know how many homes would need to be rebuilt.`;

const REWRITE = `Flooding along the Lower Meridan river has forced thousands of people from their homes in and around the town of Oskel, the regional disaster office said. Heavy rain since Sunday caused the river to overflow, and rescue boats worked through the night to bring residents to safety. Officials warned that more rain was expected upstream and asked people in nearby villages to prepare to leave. Crops in the valley were badly damaged just before the harvest.`;

const NEAR: [string, string][] = [
  [
    'dateline and footer added',
    `OSKEL (Wire) - ${STORY}\nReporting by a staff correspondent; editing by the news desk. Follow us for more updates.`,
  ],
  [
    'one sentence rewritten',
    STORY.replace(
      'Two bridges on the main road to the provincial capital were closed',
      'Three bridges on the old road to the coast were shut',
    ),
  ],
  [
    'figure and day updated',
    STORY.replace('about 4,500 people', 'more than 6,000 people').replace('on Tuesday', 'on Wednesday'),
  ],
  ['paragraphs reordered', STORY.split('\n').reverse().join('\n')],
  ['last paragraph dropped', STORY.split('\n').slice(0, 3).join('\n')],
  ['cut at 80 %', STORY.slice(0, Math.floor(STORY.length * 0.8))],
  ['layout and case only', STORY.toUpperCase().replace(/\n/g, '\n\n')],
];

const FAR: [string, string][] = [
  ['another event', OTHER],
  ['the same event written by someone else', REWRITE],
  ['the first half only', STORY.slice(0, Math.floor(STORY.length * 0.5))],
];

for (const [name, text] of NEAR) {
  test(`isNearDuplicate: yes — ${name}`, () => {
    assert.ok(isNearDuplicate(STORY, text), `Jaccard ${shingleJaccard(STORY, text).toFixed(3)}`);
    assert.ok(isNearDuplicate(text, STORY), 'symmetric');
    const d = hammingDistance(simhash(STORY), simhash(text));
    assert.ok(
      isNearDuplicateCandidate(simhash(STORY), simhash(text)),
      `simhash distance ${d} is past the candidate limit`,
    );
  });
}

for (const [name, text] of FAR) {
  test(`isNearDuplicate: no — ${name}`, () => {
    assert.ok(!isNearDuplicate(STORY, text), `Jaccard ${shingleJaccard(STORY, text).toFixed(3)}`);
  });
}

test('isNearDuplicateCandidate: other texts are not candidates', () => {
  assert.ok(!isNearDuplicateCandidate(simhash(STORY), simhash(OTHER)));
  assert.ok(!isNearDuplicateCandidate(simhashHex(STORY), simhashHex(REWRITE)), 'works on stored hex too');
  assert.ok(isNearDuplicateCandidate(simhashHex(STORY), simhash(STORY), 0));
});

test('isNearDuplicate: short texts', () => {
  assert.ok(isNearDuplicate('Floods hit Oskel.', 'floods hit oskel'));
  assert.ok(!isNearDuplicate('Floods hit Oskel.', 'Floods hit Varro.'));
  assert.ok(isNearDuplicate('', '...'));
  assert.ok(!isNearDuplicate('', STORY));
  assert.equal(shingleJaccard('one', 'one'), 1);
});

test('isNearDuplicate: minJaccard option', () => {
  const edited = NEAR[0]![1];
  assert.ok(!isNearDuplicate(STORY, edited, { minJaccard: 0.99 }));
  assert.ok(isNearDuplicate(STORY, STORY, { minJaccard: 1 }));
  assert.ok(isNearDuplicate(STORY, STORY.slice(0, STORY.length / 2), { minJaccard: 0.4 }));
});
