// Extraction on a worker thread: the API keeps answering while a large document is read, and
// the result is the one extract() gives on the main thread, with its confidences calibrated as
// every output calibrates them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calibrateFacts } from '../eval/calibrate.js';
import { shippedCalibration } from '../eval/calibrationData.js';
import { extract } from '../extract/index.js';
import { buildApp } from '../serve/app.js';
import { openStore } from '../store/index.js';
import { createExtractPool } from './extractPool.js';

const SENTENCE =
  'Floods forced 2,300 residents of villages near Marenvo to move to evacuation centres on 4 August 2024. ';

test('/api/health answers while a large document is extracted on the pool', async () => {
  const store = await openStore({ sqlitePath: ':memory:' });
  const app = await buildApp({ store, version: 'test' });
  const pool = createExtractPool();
  try {
    const doc = { id: 'big', text: SENTENCE.repeat(2000), published: '2024-08-05' };
    let finished = false;
    const pending = pool.extract(doc).then((r) => {
      finished = true;
      return r;
    });
    const health = await app.inject({ url: '/api/health' });
    assert.equal(health.statusCode, 200);
    assert.equal(finished, false, 'health answered before the extraction finished');
    const result = await pending;
    assert.ok(result.facts.length > 0);
    assert.deepEqual(
      result,
      calibrateFacts(extract(doc), shippedCalibration()),
      'the thread gives the same result as the main thread, calibrated',
    );
  } finally {
    await pool.close();
    await app.close();
    await store.close();
  }
});
