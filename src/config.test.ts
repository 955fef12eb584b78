import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from './config.js';

test('defaults: SQLite in ./data, port 8080, CORS off', () => {
  const c = loadConfig({}, '/srv/dmon');
  assert.equal(c.databaseUrl, null);
  assert.equal(c.sqlitePath, '/srv/dmon/data/dmon.sqlite');
  assert.equal(c.port, 8080);
  assert.deepEqual(c.corsOrigins, []);
  assert.equal(c.rateLimitPerMinute, 600);
});

test('environment overrides, validated', () => {
  const c = loadConfig(
    {
      DATABASE_URL: 'postgres://u@db:5432/dmon',
      PORT: '9000',
      DMON_DATA_DIR: 'var',
      DMON_CORS_ORIGINS: 'https://a.org, https://b.org',
      DMON_FETCH_ALLOW: '10.0.0.0/8',
    },
    '/x',
  );
  assert.equal(c.databaseUrl, 'postgres://u@db:5432/dmon');
  assert.equal(c.dataDir, '/x/var');
  assert.equal(c.port, 9000);
  assert.deepEqual(c.corsOrigins, ['https://a.org', 'https://b.org']);
  assert.deepEqual(c.fetchAllow, ['10.0.0.0/8']);
  assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT="eighty" is not an integer/);
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL must be a postgres/);
  assert.throws(() => loadConfig({ DMON_WORKER_CONCURRENCY: '0' }), /DMON_WORKER_CONCURRENCY/);
  assert.equal(loadConfig({ DMON_RATE_LIMIT: '0' }).rateLimitPerMinute, 0);
  assert.throws(() => loadConfig({ DMON_RATE_LIMIT: '-1' }), /DMON_RATE_LIMIT/);
});
