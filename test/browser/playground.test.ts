// Browser smoke test of the playground page: sheet tabs, the grid, the Extensions menu, a rejected edit, the sidebar.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSampleWorld } from '../../emulator/seed';
import { sheetDef, validationOf } from '../../src/core/templates';
import { ARTIFACTS, HAVE_CHROMIUM, SKIP_BROWSER } from './chromium';
import { usePlayground } from './session';

const OVERVIEW = '部门任务总览表';
const TABS = [OVERVIEW, '任务执行进度跟踪表', '信息同步共享记录表', '成员'];
const PRIORITY_HELP = validationOf(
  sheetDef('overview').columns.find((c) => c.key === 'priority')!,
  'zh-CN',
)!.helpText;

describe('browser availability', () => {
  it('has Chromium when CI is set (there a missing browser fails instead of skipping)', () => {
    expect(process.env.CI === 'true' && !HAVE_CHROMIUM, 'CI=true but Chromium is not installed').toBe(false);
  });
});

describe.skipIf(SKIP_BROWSER)('playground page', () => {
  const session = usePlayground(() => createSampleWorld({ data: 'sample' }));
  let page: Page;

  beforeAll(async () => {
    page = await session.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(session.server.url);
    await page.waitForSelector('#app[data-ready="true"]');
  });

  const headerCells = () => page.locator('[data-testid="grid"] tbody tr:first-child td');

  it('shows a tab for every template sheet', async () => {
    for (const name of TABS) expect(await page.getByTestId(`tab-${name}`).isVisible(), name).toBe(true);
  });

  it('renders the overview grid with the sample tasks and headers', async () => {
    await page.getByTestId(`tab-${OVERVIEW}`).click();
    const grid = page.getByTestId('grid');
    expect(await grid.getAttribute('aria-label')).toBe(OVERVIEW);
    const text = await grid.textContent();
    expect(text).toContain('产品迭代2024-001');
    expect(text).toContain('紧急任务2024-003');
    expect(await headerCells().allTextContents()).toContain('备注(验收标准/问题记录)');
  });

  it('lists the add-on menu under Extensions', async () => {
    await page.getByTestId('menu-extensions').click();
    const item = page.getByTestId('menu-item-setupSheets');
    expect(await item.isVisible()).toBe(true);
    expect(await item.textContent()).toBe('初始化/修复模板');
    await page.keyboard.press('Escape');
    expect(await item.isVisible()).toBe(false);
  });

  it('rejects an invalid priority with the validation help text and leaves the cell unchanged', async () => {
    const header = await headerCells()
      .filter({ hasText: /^优先级$/ })
      .getAttribute('data-a1');
    const a1 = header!.replace(/1$/, '2');
    const cell = page.locator(`[data-testid="grid"] td[data-a1="${a1}"]`);
    const before = await cell.textContent();
    expect(before).toBe('高');

    await cell.click();
    const editor = page.getByTestId('cell-editor');
    await editor.fill('紧急');
    await editor.press('Enter');
    const toast = page.getByTestId('edit-error');
    await toast.waitFor();
    expect(await toast.textContent()).toBe(PRIORITY_HELP);
    expect(await editor.inputValue()).toBe('紧急');

    await editor.press('Escape');
    expect(await cell.textContent()).toBe(before);
    const workbook = await session.workbook();
    const row2 = workbook.sheets.find((s) => s.name === OVERVIEW)!.values[1];
    expect(row2).toContain(before);
    expect(row2).not.toContain('紧急');
  });

  it('opens the sidebar from the menu', async () => {
    await page.getByTestId('menu-extensions').click();
    await page.getByTestId('menu-item-openSidebar').click();
    const frame = page.getByTestId('sidebar-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toContain('/sidebar?user=');
    await page.frameLocator('[data-testid="sidebar-frame"]').locator('body').waitFor();
  });

  it('saves a full-page screenshot', async () => {
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground.png'), fullPage: true });
  });
});
