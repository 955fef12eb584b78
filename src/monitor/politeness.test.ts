import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HostGate } from './politeness.js';

test('requests to one host are spaced; other hosts are not held up', async () => {
  const gate = new HostGate(60);
  const t0 = Date.now();
  await gate.wait('https://a.example.org/1');
  await gate.wait('https://b.example.org/1');
  await gate.wait('https://a.example.org/2');
  assert.ok(Date.now() - t0 >= 55);
});
