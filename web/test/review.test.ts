// The review queue in a real browser (Debian's Chromium through playwright-core) against a real
// `dmon start` on the bundled sample: confirm, correct and reject from the keyboard, each checked
// through the API, the history (audit log) on the page, a token without the review scope refused.
// Screenshots are kept in web/test/artifacts/.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  browserSkipReason,
  createdToken,
  screenshot,
  seriousViolations,
  watchErrors,
  useDashboard,
} from './browser.js';

const skip = browserSkipReason();
if (skip) process.stderr.write(`review browser tests: ${skip}\n`);

interface ApiFact {
  id: number;
  figure: number | null;
  review?: { id: number; status: string; extracted?: { figure?: number } } | null;
}

describe('review queue in Chromium', { skip: skip ?? false, timeout: 240_000 }, () => {
  const dash = useDashboard({ width: 1366, height: 900 });

  async function fact(page: Page, id: number): Promise<ApiFact> {
    const r = await page.request.get(`/api/facts/${id}`);
    assert.equal(r.status(), 200);
    return (await r.json()) as ApiFact;
  }

  /** The fact id of the selected queue item. */
  async function selectedId(page: Page): Promise<number> {
    const id = await page.locator('.queue [aria-selected="true"]').getAttribute('id');
    return Number(/review-item-(\d+)/.exec(id ?? '')?.[1]);
  }

  test('confirm, correct and reject from the keyboard; each is stored, leaves the queue and shows in the history', async () => {
    const page = await dash.context.newPage();
    const errors = watchErrors(page);
    await page.goto('/review');
    await page.locator('.queue [role=option]').first().waitFor();
    // The least confident figure first, as the API orders them.
    const expected = (await (await page.request.get('/api/facts?sort=confidence&limit=100')).json()) as {
      items: ApiFact[];
    };
    const queued = await page.locator('.queue [role=option]').count();
    assert.equal(queued, expected.items.filter((f) => !f.review).length);
    const first = await selectedId(page);
    assert.equal(first, expected.items[0]!.id);

    // Without a token a decision is refused on the page; nothing is stored.
    await page.keyboard.press('c');
    assert.match(await page.getByRole('alert').innerText(), /API token/);
    assert.equal((await fact(page, first)).review ?? null, null);

    await page.getByLabel('API token').fill(dash.server.token);
    await page.locator('.queue').focus();

    // j / k move the selection.
    await page.keyboard.press('j');
    const second = await selectedId(page);
    assert.notEqual(second, first);
    await page.keyboard.press('ArrowUp');
    assert.equal(await selectedId(page), first);

    // c confirms the selected figure.
    await page.keyboard.press('c');
    await page
      .getByRole('status')
      .filter({ hasText: /^Confirmed: .* by browser-test/ })
      .waitFor();
    assert.equal((await fact(page, first)).review?.status, 'confirmed');
    assert.equal(
      await page.locator(`#review-item-${first}`).count(),
      0,
      'a reviewed figure leaves the queue',
    );
    assert.equal(await selectedId(page), second, 'the next figure is selected');

    // e opens the correction form on the figure; Escape closes it; Enter saves.
    await page.keyboard.press('e');
    await page.locator('input[name=figure]').waitFor();
    // The field has the focus (waited for briefly: the page may draw before the browser moves it).
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'figure', null, {
      timeout: 5_000,
    });
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('input[name=figure]').count(), 0);
    await page.locator('.queue').focus();
    await page.keyboard.press('e');
    const before = await fact(page, second);
    const corrected = (before.figure ?? 0) + 1000;
    await page.locator('input[name=figure]').fill(String(corrected));
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /^Corrected: / })
      .waitFor();
    const after = await fact(page, second);
    assert.equal(after.figure, corrected);
    assert.equal(after.review?.status, 'corrected');
    assert.equal(after.review?.extracted?.figure, before.figure, 'the extracted value is kept');

    // n goes to the note; Enter hands the keys back; r rejects with the note.
    const third = await selectedId(page);
    await page.keyboard.press('n');
    await page.keyboard.type('a count of homes, not people');
    await page.keyboard.press('Enter');
    await page.keyboard.press('r');
    await page
      .getByRole('status')
      .filter({ hasText: /^Rejected: / })
      .waitFor();
    const reviews = (await (
      await page.request.get(`/api/reviews?target_kind=fact&target_id=${third}`)
    ).json()) as { items: { action: string; note: string | null; reviewer: string }[] };
    assert.deepEqual(
      reviews.items.map((r) => [r.action, r.note, r.reviewer]),
      [['reject', 'a count of homes, not people', 'browser-test']],
    );
    // A rejected figure is no longer listed by the API.
    const listed = (await (await page.request.get('/api/facts?sort=confidence&limit=500')).json()) as {
      items: ApiFact[];
    };
    assert.ok(!listed.items.some((f) => f.id === third));

    // The history: the audit log, newest first, with the correction's before and after.
    await page.locator('table.history tbody tr').nth(2).waitFor();
    const rows = await page.locator('table.history tbody tr').allInnerTexts();
    assert.match(rows[0]!, /browser-test\s+reject\s+fact/);
    assert.match(
      rows[1]!,
      new RegExp(
        `correct\\s+fact ${second}.*figure ${(before.figure ?? 0).toLocaleString('en')} → ${corrected.toLocaleString('en')}`,
      ),
    );
    assert.match(rows[2]!, /confirm/);
    await screenshot(page, 'review');
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a token without the review scope is refused with the API message', async () => {
    const out = dash.server.dmon('tokens', 'create', '--name', 'reader', '--scope', 'read', '--json');
    const reader = createdToken(out);
    assert.ok(reader, out);
    const page = await dash.context.newPage();
    const errors = watchErrors(page);
    await page.goto('/review');
    await page.locator('.queue [role=option]').first().waitFor();
    const id = await selectedId(page);
    await page.getByLabel('API token').fill(reader);
    await page.locator('.queue').focus();
    await page.keyboard.press('c');
    await page.getByRole('alert').filter({ hasText: /scope/ }).waitFor();
    assert.match(await page.getByRole('alert').innerText(), /needs review/);
    assert.equal((await fact(page, id)).review ?? null, null);
    assert.equal(await selectedId(page), id, 'the figure stays in the queue');
    assert.deepEqual(
      errors.filter((e) => !/403/.test(e)),
      [],
    );
    await page.close();
  });
});
