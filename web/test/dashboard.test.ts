// The dashboard in a real browser (Debian's Chromium through playwright-core) against a real
// `dmon start` on the bundled sample: every page, the filters-in-URL round trip, the ingest flow,
// keyboard use, phone width and axe-core. Screenshots are kept in web/test/artifacts/.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserSkipReason, screenshot, seriousViolations, watchErrors, useDashboard } from './browser.js';

const skip = browserSkipReason();
if (skip) process.stderr.write(`dashboard browser tests: ${skip}\n`);

describe('dashboard in Chromium', { skip: skip ?? false, timeout: 180_000 }, () => {
  const dash = useDashboard({ width: 1366, height: 768 });

  test('the map page loads with the sample: map, countries, timeline; no errors; no serious axe violations', async () => {
    const { page, errors } = await dash.open('/');
    await page.locator('path.leaflet-interactive').first().waitFor({ state: 'attached' });
    await page.getByRole('link', { name: 'India' }).waitFor();
    assert.equal(await page.title(), 'Displacement Monitor');
    assert.ok((await page.locator('path.leaflet-interactive').count()) > 100, 'country outlines drawn');
    assert.ok((await page.locator('table >> tbody tr').count()) >= 2, 'several countries listed');
    // A fact's circle opens its details with a link to its article.
    await page.locator('.leaflet-overlay-pane path[fill="#0072b2"]').first().click({ force: true });
    await page.locator('.leaflet-popup-content a', { hasText: 'Open the article' }).waitFor();
    await screenshot(page, 'overview-1366x768');
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('filters live in the URL with the API parameter names and survive a reload', async () => {
    const { page, errors } = await dash.open('/?country=IND&term=displaced&from=2023-01-01');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    assert.equal(await page.locator('input[name=country]').inputValue(), 'IND');
    assert.equal(await page.locator('select[name=term]').inputValue(), 'displaced');
    assert.equal(await page.locator('input[name=from]').inputValue(), '2023-01-01');
    await page.locator('select[name=cause]').selectOption('disaster');
    await page.waitForURL((u) => u.searchParams.get('cause') === 'disaster');
    const url = new URL(page.url());
    assert.equal(url.search, '?country=IND&term=displaced&cause=disaster&from=2023-01-01');
    await page.waitForResponse(
      (r) => r.url().includes('/api/countries?') && r.url().includes('cause=disaster'),
    );
    // The API was asked with the same query the URL holds.
    assert.ok(
      requests.some((r) =>
        r.includes('/api/countries?country=IND&term=displaced&cause=disaster&from=2023-01-01'),
      ),
    );
    await page.reload();
    assert.equal(await page.locator('select[name=cause]').inputValue(), 'disaster');
    assert.equal(await page.locator('input[name=country]').inputValue(), 'IND');
    // The export buttons carry the current filters.
    const csv = await page.getByRole('link', { name: 'Facts as CSV with HXL' }).getAttribute('href');
    assert.equal(csv, '/api/export?country=IND&term=displaced&cause=disaster&from=2023-01-01&format=csv');
    const body = await (await page.request.get(csv!)).text();
    assert.match(body.split(/\r?\n/)[1] ?? '', /^#/, 'the second CSV row is HXL hashtags');
    // Clearing goes back to the unfiltered view.
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.waitForURL((u) => u.search === '');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the timeline keeps its chart when the terms change, with the legend a fresh page draws', async () => {
    const LEGEND = '.timeline-panel.flow .u-legend';
    const fresh = await dash.open('/?term=displaced');
    await fresh.page.locator(LEGEND).waitFor();
    const displaced = await fresh.page.locator(LEGEND).innerText();
    await fresh.page.close();
    const { page, errors } = await dash.open('/');
    await page.locator(LEGEND).waitFor();
    const all = await page.locator(LEGEND).innerText();
    assert.notEqual(all, displaced, 'the sample has flows of several terms');
    const canvas = await page.locator('.timeline-panel.flow canvas').elementHandle();
    const legendIs = (want: string) =>
      page.waitForFunction(
        ([sel, w]) => (document.querySelector(sel) as HTMLElement | null)?.innerText === w,
        [LEGEND, want] as const,
      );
    await page.locator('select[name=term]').selectOption('displaced');
    await legendIs(displaced);
    await page.locator('select[name=term]').selectOption('');
    await legendIs(all);
    // The same chart throughout: its series were swapped, not the chart built again.
    assert.equal(await canvas!.evaluate((c) => c.isConnected), true);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a filter that matches nothing keeps the chart and the circles for the next one', async () => {
    const CIRCLES = '.leaflet-facts-pane path';
    const { page, errors } = await dash.open('/');
    await page.locator('.timeline-panel.flow canvas').waitFor();
    await page.locator(CIRCLES).first().waitFor();
    const circles = await page.locator(CIRCLES).count();
    const canvas = await page.locator('.timeline-panel.flow canvas').elementHandle();
    // No fact of the sample is of conflict with a hazard: no circle, no flow, the chart hidden.
    await page.locator('select[name=cause]').selectOption('conflict');
    await page.locator('select[name=hazard]').selectOption('flood');
    await page.getByText('No dated flow figures (new movements) match.').waitFor();
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, CIRCLES);
    assert.equal(await page.locator('.timeline-panel.flow .chart').isHidden(), true);
    await page.locator('select[name=hazard]').selectOption('');
    await page.locator('select[name=cause]').selectOption('');
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [
      CIRCLES,
      circles,
    ] as const);
    await page.locator('.timeline-panel.flow .chart').waitFor({ state: 'visible' });
    // The same chart, shown again, and as many circles in the page as at first (none left over).
    assert.equal(await canvas!.evaluate((c) => c.isConnected), true);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('country page: largest figure with its rule, facts with sources, small map, no serious violations', async () => {
    const { page, errors } = await dash.open('/?term=displaced');
    await page.getByRole('link', { name: 'India' }).click();
    await page.waitForURL('**/country/IND?term=displaced');
    await page.getByRole('heading', { name: 'India', level: 1 }).waitFor();
    await page.locator('table.facts tbody tr').first().waitFor();
    assert.match(await page.locator('.big').innerText(), /people displaced/);
    assert.ok((await page.locator('.map-canvas path.leaflet-interactive').count()) > 100);
    await screenshot(page, 'country-IND');
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('article page: highlights figure, term and place; hovering shows the fact', async () => {
    const { page, errors } = await dash.open('/country/IRQ');
    await page.locator('table.facts a').first().click();
    await page.waitForURL(/\/article\/\d+$/);
    const figure = page.locator('mark.hl-figure', { hasText: '190,000' });
    await figure.waitFor();
    assert.ok((await page.locator('mark.hl-term').count()) > 0);
    await figure.hover();
    await page.locator('#fact-card', { hasText: 'up to 190,000 people displaced' }).waitFor();
    assert.match(await page.locator('#fact-card').innerText(), /Iraq/);
    await screenshot(page, 'article-mosul');
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('ingest from the page: a pasted text with a token becomes facts', async () => {
    const { page, errors } = await dash.open('/ingest');
    await page.getByLabel('API token').fill(dash.server.token);
    await page.getByLabel('Title (optional)').fill('Floods in Sylhet');
    await page
      .getByLabel('Text', { exact: true })
      .fill(
        'At least 12,500 people were evacuated from their homes in Sylhet, Bangladesh, on 3 June 2024 after floods.',
      );
    await page.getByRole('button', { name: 'Read it' }).click();
    await page.getByRole('heading', { name: /Article \d+: extracted/ }).waitFor({ timeout: 60_000 });
    assert.match(await page.locator('.new-facts').innerText(), /12,500 people evacuated/);
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByRole('link', { name: 'Open the article with its highlights' }).click();
    await page.locator('mark.hl-figure', { hasText: '12,500' }).waitFor();
    // A wrong token is refused with the API's message, on the page.
    await page.goto('/ingest');
    await page.getByLabel('API token').fill('not-a-token');
    await page.getByLabel('Text', { exact: true }).fill('Some text.');
    await page.getByRole('button', { name: 'Read it' }).click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /token/i);
    // The refused POST's 401 is logged by Chromium; it is the expected answer here.
    assert.deepEqual(
      errors.filter((e) => !/401/.test(e)),
      [],
    );
    await page.close();
  });

  test('keyboard: skip link, filters and country links are reachable with Tab', async () => {
    const { page } = await dash.open('/');
    await page.getByRole('link', { name: 'India' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    const reached: string[] = [];
    for (let i = 0; i < 40 && !reached.includes('India'); i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el?.getAttribute('name') ?? el?.innerText?.trim() ?? '';
        }),
      );
    }
    assert.ok(reached.includes('country'), `the country filter is reachable: ${reached.join(' | ')}`);
    assert.ok(reached.includes('India'), `a country link is reachable: ${reached.join(' | ')}`);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/country/IND');
    await page.close();
  });

  test('phone width: nothing overflows sideways; no serious violations', async () => {
    const phone = await dash.browser.newContext({
      viewport: { width: 390, height: 844 },
      baseURL: dash.server.url,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const page = await phone.newPage();
      const errors = watchErrors(page);
      await page.goto('/');
      await page.getByRole('link', { name: 'India' }).waitFor();
      await page.locator('path.leaflet-interactive').first().waitFor({ state: 'attached' });
      assert.ok((await page.locator('path.leaflet-interactive').count()) > 100, 'country outlines drawn');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
      await screenshot(page, 'overview-phone');
      assert.deepEqual(await seriousViolations(page), []);
      assert.deepEqual(errors, []);
    } finally {
      await phone.close();
    }
  });
});
