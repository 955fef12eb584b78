// No database error is swallowed: a worker whose store fails (here its jobs table is gone) logs
// each failure as a JSON line at level error, with the database's own message, and keeps trying.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createLogger } from '../log.js';
import { queryBuilderForTests } from '../store/index.js';
import { describeEachEngine } from '../store/test-engines.js';
import { runWorker, type WorkerEvent } from './worker.js';

describeEachEngine('database errors are logged', (store) => {
  test(
    'a failing store is logged at level error with its message, and the worker keeps trying',
    { timeout: 60_000 },
    async () => {
      await sql`DROP TABLE jobs`.execute(queryBuilderForTests(store()));
      const stop = new AbortController();
      const lines: Record<string, unknown>[] = [];
      const stream = new Writable({
        write(chunk: Buffer, _enc, done) {
          for (const l of chunk.toString().split('\n').filter(Boolean))
            lines.push(JSON.parse(l) as Record<string, unknown>);
          if (lines.filter((l) => l.msg === 'the store failed; retrying').length >= 2) stop.abort();
          done();
        },
      });
      const events: WorkerEvent[] = [];
      await runWorker(
        store().queue(),
        { noop: async () => null },
        {
          signal: stop.signal,
          log: createLogger('info', stream),
          onEvent: (e) => events.push(e),
        },
      );
      const failures = lines.filter((l) => l.msg === 'the store failed; retrying');
      assert.ok(failures.length >= 2, 'each failed attempt is logged');
      for (const f of failures) {
        assert.equal(f.level, 'error');
        assert.equal(f.component, 'worker');
        assert.match(String(f.time), /^\d{4}-\d\d-\d\dT/);
        assert.match(String(f.error), /jobs/, 'the database says what failed');
        assert.equal(typeof f.retryInMs, 'number');
      }
      assert.ok(events.some((e) => e.type === 'store-down'));
    },
  );
});
