import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figuresOf, findOriginal, fingerprint, isSameReport, type OriginalsIndex } from './policy.js';

const STORY =
  'Heavy rain over three days flooded the low-lying districts along the river, and the authorities opened schools and sports halls as shelters for the 4,000 families who had to leave their homes.';

test('figures: the numbers a text states, separators ignored', () => {
  assert.deepEqual(figuresOf('About 1,200 people fled on 3 May; 1200 returned, 45.5 % of them.'), [
    '1200',
    '3',
    '1200',
    '45.5',
  ]);
  assert.equal(isSameReport(STORY, `${STORY} Reporting by a correspondent.`), true);
  assert.equal(
    isSameReport(STORY, STORY.replace('4,000', '5,000')),
    false,
    'another figure is another report',
  );
});

test('short texts get no SimHash (only exact copies count); long ones do', () => {
  assert.equal(fingerprint('A total of 12 people were evacuated.').simhash, null);
  const fp = fingerprint(STORY);
  assert.match(fp.simhash ?? '', /^[0-9a-f]{16}$/);
  assert.equal(fp.bands?.length, 4);
});

/** An in-memory index of stored originals, the shape the store's articles offer. */
function index(texts: string[]): OriginalsIndex {
  const rows = texts.map((text, i) => ({ id: i + 1, text, fp: fingerprint(text) }));
  const sims = rows.filter((r) => r.fp.simhash).map((r) => ({ id: r.id, simhash: r.fp.simhash! }));
  return {
    findByHash: async (hash) => rows.find((r) => r.fp.hash === hash) ?? null,
    simhashCandidates: async (bands) =>
      rows
        .filter((r) => r.fp.bands?.some((b, i) => b === bands[i]))
        .map((r) => ({ id: r.id, simhash: r.fp.simhash! })),
    recentSimhashes: async () => sims,
    texts: async (ids) => new Map(rows.filter((r) => ids.includes(r.id)).map((r) => [r.id, r.text])),
  };
}

test('findOriginal: exact copies, near copies with the same figures; other figures are new', async () => {
  const other =
    'Officials said 300 people were evacuated from three villages after the landslide on Tuesday.';
  const idx = index([other, STORY]);
  assert.equal(await findOriginal(idx, STORY, fingerprint(STORY)), 2, 'exact copy');
  const edited = `${STORY} Reporting by a correspondent.`;
  assert.equal(await findOriginal(idx, edited, fingerprint(edited)), 2, 'near copy');
  const changed = STORY.replace('4,000', '5,000');
  assert.equal(await findOriginal(idx, changed, fingerprint(changed)), null, 'another figure');
  const short = 'A total of 12 people were evacuated.';
  assert.equal(await findOriginal(idx, short, fingerprint(short)), null);
});
