// Which Node releases the SQLite engine refuses (see nodeRuntime.ts), as a table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sqliteRuntimeProblem } from './nodeRuntime.js';

const REFUSED = ['24.19.0', 'v24.20.0', '24.21.0', '24.21.9'];
const RUNS = [
  '20.20.2',
  '22.13.0',
  '22.23.3',
  '24.0.0',
  '24.18.1',
  '24.22.0',
  '24.22.3',
  '25.0.0',
  '26.12.1',
];

for (const v of REFUSED)
  test(`Node ${v}: the SQLite engine is refused, with the fix named`, () => {
    const m = sqliteRuntimeProblem(v);
    assert.ok(m, v);
    assert.match(m, /aborts/);
    assert.match(m, /use Node 24\.22\.0 or later/);
    assert.match(m, /\(Node 24\.19\.0 to 24\.21\.x/);
  });

for (const v of RUNS)
  test(`Node ${v}: the SQLite engine runs`, () => assert.equal(sqliteRuntimeProblem(v), null));

test('this process: refused only on the aborting releases', () => {
  const [major, minor] = process.versions.node.split('.').map(Number);
  assert.equal(sqliteRuntimeProblem() !== null, major === 24 && minor! >= 19 && minor! < 22);
});
