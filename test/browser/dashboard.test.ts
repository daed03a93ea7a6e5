// Browser test of the 看板 / Dashboard in the playground, zh and en: refreshed from the menu, its charts drawn, screenshots.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSampleWorld, SAMPLE_ADMIN } from '../../emulator/seed';
import type { World } from '../../emulator/world';
import type { Locale } from '../../src/core/locale';
import { emulatorFor } from '../helpers/project';
import { ARTIFACTS, SKIP_BROWSER } from './chromium';
import { usePlayground } from './session';

const TEXT = {
  'zh-CN': {
    sheet: '看板',
    titles: ['负责人工作量', '按任务类型统计状态', '近 14 天进度更新'],
    done: '看板已更新(2024-10-24 10:00)',
  },
  en: {
    sheet: 'Dashboard',
    titles: ['Workload by owner', 'Status by task type', 'Progress updates, last 14 days'],
    done: 'The dashboard is up to date (2024-10-24 10:00)',
  },
} as const;

/** The seed plus two open tasks with some progress, so every chart has something to draw. */
function busyWorld(locale: Locale): World {
  const world = createSampleWorld({ data: 'sample', locale });
  const emu = emulatorFor(world);
  for (const [prefix, owner, due] of [
    ['看板', '*明', '2024-10-22'],
    ['图表', '*华', '2024-11-08'],
  ] as const) {
    const { subtaskIds } = emu.callOk<{ subtaskIds: string[] }>(
      'createTask',
      [
        {
          prefix,
          name: `${prefix}示例`,
          initiator: '*丽',
          owner,
          type: 'project',
          priority: 'high',
          due,
          notes: '标准',
          subtasks: [
            { name: '一', owner, collaborators: [] },
            { name: '二', owner: '*磊', collaborators: [] },
          ],
        },
      ],
      'li@example.com',
    );
    emu.callOk(
      'updateProgress',
      [{ subtaskId: subtaskIds[0], progress: 40 }],
      `${owner === '*明' ? 'ming' : 'hua'}@example.com`,
    );
  }
  return world;
}

describe.skipIf(SKIP_BROWSER).each(['zh-CN', 'en'] as const)(
  'the dashboard in the playground (%s)',
  (locale) => {
    const text = TEXT[locale];
    const session = usePlayground(() => busyWorld(locale));
    let page: Page;

    beforeAll(async () => {
      page = await session.browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await page.goto(`${session.server.url}/?user=${encodeURIComponent(SAMPLE_ADMIN)}`);
      await page.waitForSelector('#app[data-ready="true"]');
    });

    it('refreshes from Extensions → 刷新看板 and draws the three charts', async () => {
      await page.getByTestId('menu-extensions').click();
      await page.getByTestId('menu-item-refreshDashboard').click();
      const modal = page.getByTestId('modal');
      await modal.waitFor();
      expect(await modal.textContent()).toContain(text.done);
      await page.keyboard.press('Escape');
      await page.getByTestId(`tab-${text.sheet}`).click();
      const charts = page.getByTestId('chart');
      await charts.first().waitFor();
      expect(await page.getByTestId('chart-title').allTextContents()).toEqual(text.titles);
      expect(await charts.nth(0).locator('rect.bar').count()).toBeGreaterThan(0);
      expect(await charts.nth(2).locator('polyline.line').count()).toBe(1);
    });

    it('shows the headline figures in the grid', async () => {
      const grid = page.getByTestId('grid');
      expect(await grid.textContent()).toContain(locale === 'en' ? 'At a glance' : '概况');
    });

    it('saves a screenshot', async () => {
      await page.screenshot({ path: path.join(ARTIFACTS, `dashboard-${locale}.png`), fullPage: false });
    });
  },
);
