import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createLogger } from '../log.js';
import { openStore } from '../store/index.js';
import { buildApp } from './app.js';

test('a database that cannot be reached is a 503 that says so, not a crash, and each failure is logged', async () => {
  // Nothing listens on port 1 of the loopback interface: the connection is refused at once.
  const store = await openStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', migrate: false });
  const lines: { level: string; msg: string; err?: { message?: string } }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(l) as (typeof lines)[0]);
      done();
    },
  });
  const app = await buildApp({ store, version: 'test' }, { logger: createLogger('info', sink) });
  const r = await app.inject({ url: '/api/facts' });
  assert.equal(r.statusCode, 503);
  assert.match(r.json().error.message, /database is unreachable/);
  assert.equal((await app.inject({ url: '/api/health' })).statusCode, 503);
  const errors = lines.filter((l) => l.level === 'error');
  assert.equal(errors.length, 2, 'the failed read and the failed health check, each logged');
  assert.ok(errors.some((l) => l.msg === 'health: the store failed'));
  assert.ok(
    errors.every((l) => /ECONNREFUSED|connect/i.test(l.err?.message ?? '')),
    JSON.stringify(errors),
  );
  await app.close();
  await store.close();
});
