// The events, event, alerts pages and the timeline's flows and stocks in a real browser
// (Debian's Chromium through playwright-core) against a real `dmon start` on the bundled sample,
// with alerts raised by a real `dmon alerts check` on the same store. Screenshots are kept in
// web/test/artifacts/.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkipReason, screenshot, seriousViolations, watchErrors, useDashboard } from './browser.js';

const skip = browserSkipReason();
if (skip) process.stderr.write(`events and alerts browser tests: ${skip}\n`);

interface ApiEvent {
  id: string;
  name: string;
  cause: string | null;
  claims: number;
  recommended: { claim_id: string; people: number | null; reason: string } | null;
}

interface ApiAlert {
  id: number;
  status: string;
  triaged_by: string | null;
  note: string | null;
  event_id: string | null;
}

describe('events and alerts pages in Chromium', { skip: skip ?? false, timeout: 240_000 }, () => {
  const dash = useDashboard({ width: 1366, height: 768 });

  async function api<T>(page: Page, path: string): Promise<T> {
    const r = await page.request.get(path);
    assert.equal(r.status(), 200, path);
    return (await r.json()) as T;
  }

  test('events list: the API page in a table, filters in the URL, a link to each event', async () => {
    const { page, errors } = await dash.open('/events?cause=conflict&term=displaced');
    const expected = await api<{ items: ApiEvent[] }>(page, '/api/events?cause=conflict&limit=50');
    assert.ok(expected.items.length > 0, 'the sample has conflict events');
    await page.locator('table.events tbody tr').first().waitFor();
    const names = await page.locator('table.events tbody th a').allInnerTexts();
    assert.deepEqual(
      names,
      expected.items.map((e) => e.name),
    );
    // Only the parameters /api/events takes are sent (term would be a 400).
    assert.equal(await page.locator('select[name=term]').count(), 0);
    const causes = await page.locator('table.events tbody td:nth-child(3)').allInnerTexts();
    assert.ok(
      causes.every((c) => c.startsWith('conflict')),
      causes.join(' | '),
    );
    // Changing a filter writes it into the URL and reloads the list.
    await page.locator('select[name=cause]').selectOption('disaster');
    await page.waitForURL((u) => u.searchParams.get('cause') === 'disaster');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('table.events tbody td:nth-child(3)')].every((td) =>
        td.textContent?.startsWith('disaster'),
      ),
    );
    await screenshot(page, 'events');
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('event page: recommended figure with its reason, claims with sources and corroboration, map, timeline', async () => {
    const { page, errors } = await dash.open('/events');
    const all = await api<{ items: ApiEvent[] }>(page, '/api/events?limit=500');
    // The event with the most claims, so the table and the timeline have several rows.
    const ev = [...all.items].sort((a, b) => b.claims - a.claims)[0]!;
    assert.ok(ev.recommended, 'the busiest sample event has a recommended figure');
    await page.getByRole('link', { name: ev.name, exact: true }).click();
    await page.waitForURL(`**/event/${ev.id}`);
    await page.getByRole('heading', { name: ev.name, level: 1 }).waitFor();
    const detail = await api<{
      claims_list: { id: string; independent_sources: number; reports: number }[];
    }>(page, `/api/events/${ev.id}`);
    assert.equal(
      await page.locator('.big').innerText(),
      `${ev.recommended.people!.toLocaleString('en')} people`,
    );
    // The rule's own sentence, word for word.
    assert.equal(await page.locator('.reason').innerText(), `Why this figure: the ${ev.recommended.reason}.`);
    const rows = page.locator('table.claims tbody tr');
    assert.equal(await rows.count(), detail.claims_list.length);
    // Each claim's corroboration counts and a link to every report's article.
    for (const [i, c] of detail.claims_list.entries()) {
      const cells = await rows.nth(i).locator('td').allInnerTexts();
      assert.equal(cells[5], String(c.independent_sources), `claim ${c.id} sources`);
      assert.equal(cells[6], String(c.reports), `claim ${c.id} reports`);
    }
    assert.equal(await page.locator('tr.chosen').count(), 1, 'the recommended claim is marked');
    assert.ok((await page.locator('table.claims a[href^="/article/"]').count()) >= detail.claims_list.length);
    assert.ok((await page.locator('.map-canvas path.leaflet-interactive').count()) > 100, 'outlines drawn');
    await page.locator('.timeline-panel.flow, .timeline-panel.stock').first().waitFor();
    assert.equal(await page.locator('.timeline-panel').count(), 2, 'flows and stocks apart');
    await screenshot(page, 'event');
    assert.deepEqual(await seriousViolations(page), []);
    // A claim's article opens from its source link.
    await page.locator('table.claims a[href^="/article/"]').first().click();
    await page.waitForURL(/\/article\/\d+$/);
    await page.locator('mark.hl-figure').first().waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("country page: the country's events with their recommended figures, linked to their pages", async () => {
    const { page, errors } = await dash.open('/country/IND?term=displaced');
    const expected = await api<{ items: ApiEvent[] }>(page, '/api/events?country=IND&limit=20');
    assert.ok(expected.items.length > 1, 'India has several events in the sample');
    await page.locator('table.events tbody tr').first().waitFor();
    // The events API takes no term: the country's events are listed whatever the fact filters.
    assert.deepEqual(
      await page.locator('table.events tbody th a').allInnerTexts(),
      expected.items.map((e) => e.name),
    );
    const first = expected.items[0]!;
    await page.locator('table.events tbody th a').first().click();
    await page.waitForURL(`**/event/${first.id}`);
    await page.getByRole('heading', { name: first.name, level: 1 }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('an unknown event is said so, with a way back', async () => {
    const { page, errors } = await dash.open('/event/e000000000000');
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /event e000000000000 does not exist/);
    assert.equal(await page.getByRole('link', { name: '← Events' }).count(), 1);
    assert.deepEqual(
      errors.filter((e) => !/404/.test(e)),
      [],
    );
    await page.close();
  });

  test('timeline: flows and stocks are drawn apart; stocks are never added up', async () => {
    const { page, errors } = await dash.open('/');
    await page.locator('.timeline-panel.flow').waitFor();
    await page.locator('.timeline-panel.stock').waitFor();
    const series = await api<{
      items: { period: string; term: string; stock_or_flow: string; max_people: number }[];
    }>(page, '/api/timeseries?interval=month');
    const stocks = series.items.filter((i) => i.stock_or_flow === 'stock');
    assert.ok(stocks.length > 0, 'the sample has stock figures');
    // The stocks table shows each period's largest stock, the API's max_people.
    const panel = page.locator('.timeline-panel.stock');
    await panel.locator('summary').click();
    await panel.locator('thead th').first().waitFor(); // the table is built when opened
    const headers = await panel.locator('thead th').allInnerTexts();
    const s = stocks[0]!;
    const col = headers.indexOf(s.term.replace(/_/g, ' '));
    assert.ok(col > 0, `a column for ${s.term}: ${headers.join(' | ')}`);
    const cell = panel.locator(`tbody tr:has(th:text-is("${s.period}")) > *`).nth(col);
    const best = Math.max(
      ...stocks.filter((i) => i.period === s.period && i.term === s.term).map((i) => i.max_people),
    );
    assert.equal(await cell.innerText(), best.toLocaleString('en'));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('alerts: listed from a real rule run, triaged with a token kept in the tab, linked to events', async () => {
    dash.server.dmon('alerts', 'check', '--no-deliver', '--event-min', '1000');
    const { page, errors } = await dash.open('/alerts');
    const listed = await api<{ items: ApiAlert[] }>(page, '/api/alerts');
    assert.ok(listed.items.length >= 2, `the rules raise alerts on the sample: ${listed.items.length}`);
    const first = listed.items[0]!;
    const card = page.locator('article.alert').first();
    await card.waitFor();
    assert.equal(await page.locator('article.alert').count(), listed.items.length);
    // Without a token, triage is refused on the page and nothing changes.
    await card.getByRole('button', { name: 'Confirm' }).click();
    assert.match(await card.getByRole('alert').innerText(), /API token/);
    assert.equal((await api<ApiAlert>(page, `/api/alerts/${first.id}`)).status, 'new');
    // A wrong token: the API's 401 message.
    await page.getByLabel('API token').fill('not-a-token');
    await card.getByRole('button', { name: 'Confirm' }).click();
    await card.getByRole('alert').filter({ hasText: /token/i }).waitFor();
    assert.equal((await api<ApiAlert>(page, `/api/alerts/${first.id}`)).status, 'new');
    // With the real token and a note: confirmed, by the token's name.
    await page.getByLabel('API token').fill(dash.server.token);
    await card.getByLabel('Note').fill('checked against the situation report');
    await card.getByRole('button', { name: 'Confirm' }).click();
    await card.getByRole('status').filter({ hasText: 'Marked confirmed by browser-test' }).waitFor();
    const stored = await api<ApiAlert>(page, `/api/alerts/${first.id}`);
    assert.equal(stored.status, 'confirmed');
    assert.equal(stored.triaged_by, 'browser-test');
    assert.equal(stored.note, 'checked against the situation report');
    assert.equal(await card.getByRole('button', { name: 'Confirm' }).isDisabled(), true);
    await screenshot(page, 'alerts');
    assert.deepEqual(await seriousViolations(page), []);
    // The token survives a reload in this tab (sessionStorage), and the status filter is in the URL.
    await page.goto('/alerts?status=new');
    assert.equal(await page.getByLabel('API token').inputValue(), dash.server.token);
    assert.equal(await page.locator('select[name=status]').inputValue(), 'new');
    await page.locator('article.alert').first().waitFor();
    assert.equal(await page.locator('article.alert').count(), listed.items.length - 1);
    assert.equal(await page.locator('article.alert h2', { hasText: stored.status }).count(), 0);
    // Dismissing from the filtered list, then the link to the alert's event.
    const second = page.locator('article.alert').first();
    await second.getByRole('button', { name: 'Dismiss' }).click();
    await second.locator('.badge.dismissed').waitFor();
    const withEvent = listed.items.find((a) => a.event_id);
    assert.ok(withEvent, 'an alert about an event');
    await page.goto('/alerts');
    await page
      .locator('article.alert', { has: page.locator(`a[href="/event/${withEvent.event_id}"]`) })
      .first()
      .getByRole('link', { name: 'Open the event' })
      .click();
    await page.waitForURL(`**/event/${withEvent.event_id}`);
    await page.locator('.reason').waitFor();
    // A new tab (another session) does not have the token.
    const other = await dash.browser.newContext({ baseURL: dash.server.url });
    const p2 = await other.newPage();
    await p2.goto('/alerts');
    assert.equal(await p2.getByLabel('API token').inputValue(), '');
    await other.close();
    assert.deepEqual(
      errors.filter((e) => !/401/.test(e)),
      [],
    );
    await page.close();
  });

  test('phone width: the events, event, alerts and review pages do not overflow sideways; no serious violations', async () => {
    const phone = await dash.browser.newContext({
      viewport: { width: 390, height: 844 },
      baseURL: dash.server.url,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const page = await phone.newPage();
      const errors = watchErrors(page);
      const all = (await (await page.request.get('/api/events?limit=500')).json()) as { items: ApiEvent[] };
      const busiest = [...all.items].sort((a, b) => b.claims - a.claims)[0]!;
      for (const [path, ready] of [
        ['/events', 'table.events tbody tr'],
        [`/event/${busiest.id}`, 'table.claims tbody tr'],
        ['/alerts', 'h1'],
        ['/review', '.queue [role=option]'],
      ] as const) {
        await page.goto(path);
        await page.locator(ready).first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the phone`);
        assert.deepEqual(await seriousViolations(page), [], path);
      }
      await screenshot(page, 'review-phone');
      assert.deepEqual(errors, []);
    } finally {
      await phone.close();
    }
  });
});
