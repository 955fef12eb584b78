// The OpenAPI document is one a client generator can use: Redocly's recommended rules pass
// (offline, @redocly/openapi-core), every operation has an operationId, a security
// requirement, documented responses, and errors in the {error: {code, message}} shape.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';

const FILE = new URL('./openapi.json', import.meta.url);
const doc = JSON.parse(readFileSync(FILE, 'utf8'));
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const operations = Object.entries(
  doc.paths as Record<string, Record<string, Record<string, unknown>>>,
).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([m]) => METHODS.includes(m))
    .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
);

test('Redocly recommended rules: no errors, no warnings', async () => {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({
    source: readFileSync(FILE, 'utf8'),
    absoluteRef: FILE.pathname,
    config,
  });
  assert.deepEqual(
    problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`),
    [],
  );
});

test('every operation: operationId, security, a 2xx with a schema, errors as problem details', () => {
  assert.ok(doc.servers?.length, 'servers');
  const ids = new Set<string>();
  assert.ok(operations.length >= 12);
  for (const { name, op } of operations) {
    assert.match(String(op.operationId), /^[a-z][A-Za-z]+$/, `${name}: operationId`);
    assert.ok(!ids.has(op.operationId as string), `${name}: unique operationId`);
    ids.add(op.operationId as string);
    assert.ok(Array.isArray(op.security), `${name}: declares its security (empty when public)`);
    const responses = op.responses as Record<string, { content?: Record<string, { schema?: unknown }> }>;
    const ok = Object.entries(responses).filter(([s]) => /^2/.test(s));
    assert.ok(ok.length, `${name}: a 2xx response`);
    for (const [s, r] of ok)
      if (s !== '204')
        assert.ok(
          Object.values(r.content ?? {}).every((c) => c.schema),
          `${name} ${s}: a schema`,
        );
    for (const [s, r] of Object.entries(responses).filter(([s]) => /^[45]/.test(s)))
      if (!(name === 'GET /api/health' && s === '503'))
        assert.equal(
          r.content?.['application/problem+json']?.schema &&
            (r.content['application/problem+json'].schema as { $ref?: string }).$ref,
          '#/components/schemas/Error',
          `${name} ${s}: RFC 9457 problem details`,
        );
  }
  const writes = operations.filter(({ name }) => !name.startsWith('GET'));
  for (const { name, op } of writes)
    assert.deepEqual(op.security, [{ bearer: [] }], `${name} needs the bearer token`);
  const exportTypes = Object.keys(doc.paths['/api/export'].get.responses['200'].content);
  assert.deepEqual(exportTypes.map((t) => t.split(';')[0]).sort(), [
    'application/geo+json',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/x-ndjson',
    'text/csv',
  ]);
});
