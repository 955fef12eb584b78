// The export buttons at the fact, claim and event levels in a real browser (Debian's Chromium
// through playwright-core) against a real `dmon start` on the bundled sample: each carries the
// current filters a level takes, the files it links to are what the API serves for them, and a
// filter a level cannot take is named instead of a link. Screenshots in web/test/artifacts/.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserSkipReason, screenshot, seriousViolations, useDashboard } from './browser.js';

const skip = browserSkipReason();
if (skip) process.stderr.write(`export browser tests: ${skip}\n`);

describe('export buttons in Chromium', { skip: skip ?? false, timeout: 180_000 }, () => {
  const dash = useDashboard({ width: 1366, height: 768 });

  test('facts, claims and events of the current filters, as CSV with HXL and GeoJSON', async () => {
    const { page, errors } = await dash.open('/?cause=disaster&from=2023-01-01');
    const href = (name: string) => page.getByRole('link', { name, exact: true }).getAttribute('href');
    assert.equal(
      await href('Facts as CSV with HXL'),
      '/api/export?cause=disaster&from=2023-01-01&format=csv',
    );
    assert.equal(
      await href('Claims as CSV with HXL'),
      '/api/export?cause=disaster&from=2023-01-01&format=csv&level=claim',
    );
    assert.equal(
      await href('Events as GeoJSON'),
      '/api/export?cause=disaster&from=2023-01-01&format=geojson&level=event',
    );
    for (const [name, idColumn] of [
      ['Claims as CSV with HXL', 'lead_fact_id'],
      ['Events as CSV with HXL', 'claim_id'],
    ] as const) {
      const r = await page.request.get((await href(name))!);
      assert.equal(r.status(), 200, name);
      const rows = (await r.text()).replace(/^\uFEFF/, '').split(/\r?\n/);
      assert.ok(rows[0]!.split(',').includes(idColumn), `${name}: ${rows[0]}`);
      assert.match(rows[1]!, /^#/, `${name}: the second row is HXL hashtags`);
      assert.ok(rows.filter((l) => l.trim()).length > 2, `${name}: the sample has rows for these filters`);
    }
    const geo = await page.request.get((await href('Events as GeoJSON'))!);
    const collection = (await geo.json()) as { type: string; features: { properties: { cause: string } }[] };
    assert.equal(collection.type, 'FeatureCollection');
    assert.ok(collection.features.length > 0);
    assert.ok(collection.features.every((f) => f.properties.cause === 'disaster'));
    await page.locator('.exports').scrollIntoViewIfNeeded();
    await screenshot(page, 'exports');
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a filter a level cannot take is named instead of a link that would be refused', async () => {
    const { page, errors } = await dash.open('/?term=displaced&min=1000');
    await page.getByRole('link', { name: 'Facts as CSV with HXL', exact: true }).waitFor();
    const items = await page.locator('.exports li').allInnerTexts();
    assert.match(items[1]!, /^Claims: not with the min\. figure filter$/);
    assert.match(items[2]!, /^Events: not with the term, min\. figure filters$/);
    assert.equal(await page.locator('.exports a').count(), 2, 'only the fact exports are offered');
    // Without the fact-only filter the claims come back; events still cannot take a term.
    await page.locator('input[name=min]').fill('');
    await page.locator('input[name=min]').press('Tab');
    await page.waitForURL((u) => !u.searchParams.has('min'));
    assert.equal(
      await page.getByRole('link', { name: 'Claims as GeoJSON', exact: true }).getAttribute('href'),
      '/api/export?term=displaced&format=geojson&level=claim',
    );
    assert.match((await page.locator('.exports li').allInnerTexts())[2]!, /not with the term filter$/);
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
