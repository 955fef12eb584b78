import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HostDelay } from './politeness.js';

/** A fake clock: sleeping advances time, so the test runs instantly and exactly. */
function fakeClock() {
  let t = 1_000_000;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    slept,
    advance: (ms: number) => (t += ms),
  };
}

test('HostDelay: consecutive requests to one host are spaced by the delay', async () => {
  const c = fakeClock();
  const d = new HostDelay({ delayMs: 500, now: c.now, sleep: c.sleep });
  await d.wait('https://a.example/1');
  await d.wait('https://a.example/2');
  await d.wait('https://A.EXAMPLE/3');
  assert.deepEqual(c.slept, [500, 500]);
});

test('HostDelay: different hosts do not wait for each other; elapsed time counts', async () => {
  const c = fakeClock();
  const d = new HostDelay({ delayMs: 500, now: c.now, sleep: c.sleep });
  await d.wait('https://a.example/');
  await d.wait('https://b.example/');
  c.advance(300);
  await d.wait('https://a.example/again');
  assert.deepEqual(c.slept, [200]);
});

test('HostDelay: concurrent callers for one host get successive turns', async () => {
  let t = 0;
  const slept: number[] = [];
  const d = new HostDelay({ delayMs: 100, now: () => t, sleep: async (ms) => void slept.push(ms) });
  await Promise.all([d.wait('http://h.example/'), d.wait('http://h.example/'), d.wait('http://h.example/')]);
  assert.deepEqual(
    slept.sort((a, b) => a - b),
    [100, 200],
  );
  t = 1000;
});
