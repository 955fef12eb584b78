// Merging and splitting an event from its page in a real browser (Debian's Chromium through
// playwright-core) against a real `dmon start` on the bundled sample: without a token the page
// says so and changes nothing; with one, a split moves the chosen claims into a new event and a
// merge brings them back, each as the API then reports it and in the audit log.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkipReason, screenshot, seriousViolations, useDashboard } from './browser.js';

const skip = browserSkipReason();
if (skip) process.stderr.write(`event merge and split browser tests: ${skip}\n`);

interface ApiClaim {
  id: string;
}
interface ApiEvent {
  id: string;
  name: string;
  countries: string[];
  claims: number;
  claims_list: ApiClaim[];
}

describe('merge and split on the event page in Chromium', { skip: skip ?? false, timeout: 240_000 }, () => {
  const dash = useDashboard({ width: 1366, height: 768 });

  async function get<T>(page: Page, path: string, token?: string): Promise<T> {
    const r = await page.request.get(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    assert.equal(r.status(), 200, path);
    return (await r.json()) as T;
  }

  /** An event of the sample with several claims. */
  async function eventWithClaims(page: Page): Promise<ApiEvent> {
    const all = await get<{ items: { id: string; claims: number }[] }>(page, '/api/events?limit=500');
    const many = all.items.find((e) => e.claims >= 3);
    assert.ok(many, 'the sample has an event with three claims or more');
    return get<ApiEvent>(page, `/api/events/${many.id}`);
  }

  test('without a token the page asks for one, and a wrong token is refused with the API’s message', async () => {
    const { page, errors } = await dash.open('/');
    const ev = await eventWithClaims(page);
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`/event/${ev.id}`);
    await page.getByRole('heading', { name: 'Merge or split this event' }).waitFor();
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Split into a new event' }).click();
    await page.getByRole('alert').filter({ hasText: 'Enter an API token' }).waitFor();
    await page.getByLabel('API token').fill('not-a-token');
    await page.getByRole('button', { name: 'Split into a new event' }).click();
    await page.getByRole('alert').filter({ hasText: /token/i }).waitFor();
    assert.equal((await get<ApiEvent>(page, `/api/events/${ev.id}`)).claims, ev.claims, 'nothing changed');
    assert.deepEqual(
      errors.filter((e) => !e.includes('401')),
      [],
    );
    await page.close();
  });

  test('split two claims into a new event, then merge it back', async () => {
    const { page, errors } = await dash.open('/');
    const ev = await eventWithClaims(page);
    await page.goto(`/event/${ev.id}`);
    await page.getByLabel('API token').fill(dash.server.token);
    const moved = ev.claims_list.slice(-2).map((c) => c.id);
    for (const id of moved) await page.locator(`input[name=move][value="${id}"]`).check();
    await page.getByRole('button', { name: 'Split into a new event' }).click();
    await page.getByRole('status').filter({ hasText: 'Moved 2 claims into a new event.' }).waitFor();
    const newHref = await page.getByRole('link', { name: 'Open the new event' }).getAttribute('href');
    const newId = decodeURIComponent(newHref!.replace('/event/', ''));
    const after = await get<ApiEvent>(page, `/api/events/${ev.id}`);
    const split = await get<ApiEvent>(page, `/api/events/${newId}`);
    assert.equal(after.claims, ev.claims - 2);
    assert.deepEqual(split.claims_list.map((c) => c.id).sort(), [...moved].sort());
    // The page shows the event as it is now: its claims table lost the two.
    await page.waitForFunction(
      (n) => document.querySelectorAll('table.claims tbody tr').length === n,
      ev.claims - 2,
    );

    // The new event is offered for a merge (same countries) and merged back.
    await page.locator('select[name=merge]').selectOption(newId);
    await page.getByLabel('Note (optional)').fill('one flood, reported twice');
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'into this event' }).waitFor();
    const merged = await get<ApiEvent>(page, `/api/events/${ev.id}`);
    assert.equal(merged.claims, ev.claims);
    assert.equal((await page.request.get(`/api/events/${newId}`)).status(), 404, 'the merged event is gone');
    await page.waitForFunction(
      (n) => document.querySelectorAll('table.claims tbody tr').length === n,
      ev.claims,
    );

    const log = await get<{ items: { action: string }[] }>(
      page,
      '/api/reviews/log?limit=5',
      dash.server.token,
    );
    const actions = log.items.map((e) => e.action);
    assert.ok(actions.includes('merge') && actions.includes('split'), actions.join(', '));
    const merges = await get<{ items: { action: string; note: string | null }[] }>(
      page,
      '/api/reviews?action=merge',
      dash.server.token,
    );
    assert.ok(
      merges.items.some((r) => r.note === 'one flood, reported twice'),
      'the note is kept with the merge',
    );
    await page.locator('.event-edit').scrollIntoViewIfNeeded();
    await screenshot(page, 'event-merge-split');
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
