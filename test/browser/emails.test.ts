// Digest emails render: the playground's outbox shows a digest the jobs sent, in zh-CN and en, screenshotted.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../emulator/playground/server';
import { createSampleWorld } from '../../emulator/seed';
import type { Locale } from '../../src/core/locale';
import { ARTIFACTS, launch, SKIP_BROWSER } from './chromium';

describe.skipIf(SKIP_BROWSER)('digest emails in the playground outbox', () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['zh-CN', 'en'] as Locale[])('renders the team digest (%s)', async (locale) => {
    const world = createSampleWorld({ data: 'sample', locale, now: '2024-10-24T09:30:00+08:00' });
    const server = await startPlayground({ port: 0, world });
    try {
      const post = (url: string, body: unknown) =>
        fetch(`${server.url}${url}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.json());
      const runs = (await post('/api/triggers/run', { handler: 'runDailyDigest' })) as { ok: boolean }[];
      expect(runs[0]!.ok).toBe(true);
      expect(world.outbox.length).toBeGreaterThan(0);

      const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(server.url);
      await page.waitForSelector('#app[data-ready="true"]');
      await page.getByTestId('panel-tab-outbox').click();
      const items = page.getByTestId('outbox-item');
      expect(await items.count()).toBe(world.outbox.length);
      await items
        .filter({ hasText: locale === 'en' ? 'Team digest' : '团队摘要' })
        .first()
        .click();
      const frame = page.frameLocator('[data-testid="outbox-html"]');
      const heading = locale === 'en' ? 'Tasks by status' : '任务状态';
      await frame.getByText(heading, { exact: false }).first().waitFor();
      expect(await frame.locator('body').textContent()).toContain(
        locale === 'en' ? 'Pending acceptance' : '待验收',
      );
      await page.screenshot({ path: path.join(ARTIFACTS, `digest-${locale}.png`), fullPage: true });
      await page.close();
    } finally {
      await server.close();
    }
  });
});
