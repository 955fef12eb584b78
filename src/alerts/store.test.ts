// The alert pass on a store (both engines): facts from several articles in, alerts out, with
// repeats counted once; then listing, paging and triage.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../store/test-engines.js';
import { makeFact, seedArticle } from '../store/test-fixtures.js';
import type { Fact } from '../types.js';
import { checkAlerts } from './check.js';

const TEXT = 'Fighting in Darfur displaced 40,000 people and 40,000 were evacuated, officials said.';

function fact(over: Omit<Partial<Fact>, 'date'> & { figure: number; date: string }): Fact {
  const { date, ...rest } = over;
  return makeFact(TEXT, {
    quantity: '40,000',
    termWord: 'displaced',
    people: { count: over.figure, household_size: null },
    cause: 'conflict',
    country: 'SDN',
    date: { start: date, end: date, text: date, span: [0, 1], year_stated: true },
    ...rest,
  });
}

describeEachEngine('alerts', (store) => {
  test('repeats of one figure are one figure: three outlets and a second term raise one alert of 40,000', async () => {
    const f = fact({ figure: 40_000, date: '2024-03-01' });
    for (let i = 0; i < 3; i++) await seedArticle(store(), TEXT, [f]);
    await seedArticle(store(), TEXT, [{ ...f, term: 'evacuated' }]);
    // A disaster under its 50,000 floor, a stock figure and refugees are not counted.
    await seedArticle(store(), TEXT, [
      fact({ figure: 30_000, date: '2024-03-01', cause: 'disaster', country: 'TCD' }),
      fact({ figure: 900_000, date: '2024-03-01', stock_or_flow: 'stock', country: 'ETH' }),
      fact({ figure: 900_000, date: '2024-03-01', term: 'refugees', country: 'ETH' }),
    ]);
    const r = await checkAlerts(store(), { deliver: false });
    assert.deepEqual(
      r.raised.map((a) => [a.kind, a.country, a.cause, a.level, a.date, a.value, a.status]),
      [['country_high', 'SDN', 'conflict', '3y', '2024-03-01', 40_000, 'new']],
    );
    assert.equal(
      r.raised[0]!.title,
      'Sudan: conflict displacement at a 3-year high (40,000 people in 30 days)',
    );
  });

  test('running again raises nothing; a higher total within 180 days is suppressed; one after is raised', async () => {
    assert.equal((await checkAlerts(store(), { deliver: false })).raised.length, 0);
    await seedArticle(store(), TEXT, [fact({ figure: 45_000, date: '2024-03-10' })]);
    assert.equal((await checkAlerts(store(), { deliver: false })).raised.length, 0, 'suppressed');
    await seedArticle(store(), TEXT, [fact({ figure: 100_000, date: '2024-09-15' })]);
    const r = await checkAlerts(store(), { deliver: false });
    assert.deepEqual(
      r.raised.map((a) => [a.date, a.value, a.previous]),
      [['2024-09-15', 100_000, 45_000 + 40_000]],
    );
  });

  test('list: filters, newest first, keyset pages', async () => {
    const all = await store().alerts.list();
    assert.deepEqual(
      all.items.map((a) => a.date),
      ['2024-09-15', '2024-03-01'],
    );
    const p1 = await store().alerts.list({}, { limit: 1 });
    assert.equal(p1.items.length, 1);
    assert.ok(p1.next);
    const p2 = await store().alerts.list({}, { limit: 1, cursor: p1.next });
    assert.deepEqual(
      p2.items.map((a) => a.date),
      ['2024-03-01'],
    );
    assert.equal(p2.next, null);
    assert.equal((await store().alerts.list({ country: ['TCD'] })).items.length, 0);
    assert.equal((await store().alerts.list({ from: '2024-06-01' })).items.length, 1);
    assert.equal((await store().alerts.list({ kind: ['new_event'] })).items.length, 0);
  });

  test('triage records the state, who and a note; unknown ids give null', async () => {
    const [a] = (await store().alerts.list()).items;
    const t = await store().alerts.triage(a!.id, { status: 'dismissed', by: 'analyst', note: 'known spike' });
    assert.equal(t?.status, 'dismissed');
    assert.equal(t?.triaged_by, 'analyst');
    assert.equal(t?.note, 'known spike');
    assert.equal((await store().alerts.list({ status: ['new'] })).items.length, 1);
    assert.equal(await store().alerts.triage(999_999, { status: 'confirmed', by: 'x' }), null);
  });

  test('webhooks: add is idempotent and keeps its secret, list hides it, remove by id or URL', async () => {
    const a = await store().webhooks.add('https://hooks.example.org/dmon');
    const b = await store().webhooks.add('https://hooks.example.org/dmon');
    assert.equal(a.created, true);
    assert.ok(a.secret && a.secret.length >= 16);
    assert.equal(b.created, false);
    assert.equal(b.secret, null);
    assert.deepEqual(Object.keys((await store().webhooks.list())[0]!).sort(), ['created_at', 'id', 'url']);
    await assert.rejects(store().webhooks.add('ftp://x.example.org/'), /must be http or https/);
    await assert.rejects(store().webhooks.add('https://x.example.org/', 'short'), /at least 16/);
    assert.equal(await store().webhooks.remove(a.webhook.id), true);
    assert.equal(await store().webhooks.remove('https://hooks.example.org/dmon'), false);
  });
});
