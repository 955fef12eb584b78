// applyReviews on articles no review reaches leaves their facts alone, but a fact that still
// carries a review's state without any anchor left is put back to what was extracted; an
// anchor or a rejection anywhere makes it read the facts (reviewApply.ts, anyReviewReaches).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from './test-engines.js';
import { factA, factB, seedArticle, TEXT_A, TEXT_B } from './test-fixtures.js';
import { queryBuilderForTests } from './index.js';

describeEachEngine('reviews reaching a batch', (store) => {
  test('a review state with no anchor left is undone; untouched facts stay as stored', async () => {
    const db = queryBuilderForTests(store());
    const a = await seedArticle(store(), TEXT_A, [factA()]);
    const b = await seedArticle(store(), TEXT_B, [factB()]);
    const [fa] = await store().facts.forArticle(a);
    const [fb] = await store().facts.forArticle(b);
    await db.updateTable('facts').set({ review_status: 'confirmed' }).where('id', '=', fa!.id).execute();
    await store().clustering.applyReviews([a, b]);
    const rows = await db
      .selectFrom('facts')
      .select(['id', 'review_id', 'review_status', 'review_original', 'figure'])
      .where('id', 'in', [fa!.id, fb!.id])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.review_id, r.review_status, r.review_original]),
      [
        [null, null, null],
        [null, null, null],
      ],
    );
    assert.deepEqual(
      rows.map((r) => r.figure),
      [fa!.figure, fb!.figure],
    );
  });
});
