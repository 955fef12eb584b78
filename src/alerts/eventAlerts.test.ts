// The event rules on a store (both engines): articles about one offensive are clustered into
// an event by the claims code; the alert pass raises "new event" once and a figure jump once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../store/test-engines.js';
import { makeFact, seedArticle } from '../store/test-fixtures.js';
import type { Fact } from '../types.js';
import { checkAlerts } from './check.js';

function mosul(text: string, quantity: string, figure: number, date: string): Fact {
  return makeFact(text, {
    quantity,
    termWord: 'displaced',
    figure,
    people: { count: figure, household_size: null },
    country: 'IRQ',
    locations: [
      {
        name: 'Mosul',
        start: text.indexOf('Mosul'),
        end: text.indexOf('Mosul') + 5,
        lat: 36.335,
        lon: 43.1189,
        country: 'IRQ',
        admin1: 'Nineveh',
      },
    ],
    date: { start: date, end: date, text: date, span: [0, 1], year_stated: true },
  });
}

describeEachEngine('event alerts', (store) => {
  test('a new event above the size and a figure jumping fivefold are alerted once each', async () => {
    const t1 = 'Fighting near Mosul displaced 5,000 people.';
    const t2 = 'Fighting near Mosul has displaced 48,000 people.';
    await seedArticle(store(), t1, [mosul(t1, '5,000', 5_000, '2016-10-19')], { published: '2016-10-19' });
    await seedArticle(store(), t2, [mosul(t2, '48,000', 48_000, '2016-11-15')], { published: '2016-11-15' });
    await store().clustering.rebuild();
    const r = await checkAlerts(store(), { deliver: false, events: { newEventMinPeople: 40_000 } });
    const byKind = Object.fromEntries(r.raised.map((a) => [a.kind, a]));
    assert.equal(byKind.new_event?.value, 48_000);
    assert.match(byKind.new_event?.title ?? '', /^New event: .*Iraq.*\(48,000 people\)$/);
    assert.equal(byKind.figure_jump?.value, 48_000);
    assert.equal(byKind.figure_jump?.previous, 5_000);
    assert.equal(byKind.figure_jump?.date, '2016-11-15');
    assert.equal((await checkAlerts(store(), { deliver: false })).raised.length, 0, 'nothing twice');
  });
});
