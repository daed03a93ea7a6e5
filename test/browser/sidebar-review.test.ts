// Browser tests of the sidebar's 复盘 features in Chromium: retrospective conclusions into 备注, and the review report form.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSampleWorld } from '../../emulator/seed';
import { SKIP_BROWSER } from './chromium';
import { usePlayground, type WorkbookView } from './session';

type Sheet = WorkbookView['sheets'][number];

const OVERVIEW = '部门任务总览表';
/** In the seed, 紧急任务2024-003 is 已完成 and was initiated by *伟 (a 项目负责人, neither 主管 nor admin). */
const DONE_ID = '紧急任务2024-003';
const WEI = 'wei@example.com';
const QIANG = 'qiang@example.com';
const LAST_WEEK = '复盘-2024-10-14~2024-10-20';

describe.skipIf(SKIP_BROWSER)('sidebar: retrospectives and the review report', () => {
  const session = usePlayground(() => createSampleWorld({ data: 'sample' }));

  async function sheets(): Promise<Sheet[]> {
    return (await session.workbook()).sheets;
  }

  /** The 备注 cell of a task in the overview, found by header text. */
  async function notesOf(taskId: string): Promise<string> {
    const values = (await sheets()).find((s) => s.name === OVERVIEW)!.values;
    const col = values[0]!.findIndex((h) => h.startsWith('备注'));
    return values.find((r) => r[0] === taskId)![col]!;
  }

  /** Opens /sidebar as `email` at 300 px on 我的任务; `calls` collects the RPC names. */
  async function open(email: string) {
    const page = await session.browser.newPage({ viewport: { width: 300, height: 900 } });
    const calls: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/rpc')) calls.push((JSON.parse(r.postData() ?? '{}') as { fn: string }).fn);
    });
    await page.goto(`${session.server.url}/sidebar?user=${encodeURIComponent(email)}`);
    await page.waitForSelector('#app[data-ready="true"]');
    await page.getByTestId('tab-my-tasks').click();
    return { page, calls };
  }

  const statusOf = (page: Page, testId: string) =>
    page.getByTestId(testId).locator('xpath=following-sibling::*[contains(@class,"status")]');

  it('offers 复盘结论 only on done tasks I initiated; an empty text is refused in the browser', async () => {
    const { page, calls } = await open(WEI);
    const card = page.getByTestId(`task-${DONE_ID}`);
    expect(await card.textContent()).toContain('已完成');
    expect(await page.getByTestId(`notes-${DONE_ID}`).textContent()).toBe('故障2小时内恢复,提交根因分析报告');
    await page.getByTestId(`retro-open-${DONE_ID}`).click();
    const box = page.locator(`[id="mt-retro-${DONE_ID}"]`);
    await box.fill('   ');
    await page.getByTestId(`retro-${DONE_ID}`).click();
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="mt-retro-${DONE_ID}-error"]`).textContent()).toBe('必填');
    expect(await statusOf(page, `retro-${DONE_ID}`).textContent()).toBe('请先修正标出的字段');
    expect(calls).toEqual(['getSidebarModel']);
    await page.close();

    // *明 owns 产品迭代2024-001 (done) but did not initiate it: no retrospective for him.
    const ming = await open('ming@example.com');
    await ming.page.getByTestId('task-产品迭代2024-001').waitFor();
    expect(await ming.page.getByTestId('retro-open-产品迭代2024-001').count()).toBe(0);
    await ming.page.close();
  });

  it('keeps the typed text when the server refuses, then records it into 备注 and shows the new notes', async () => {
    const { page, calls } = await open(WEI);
    await page.getByTestId(`retro-open-${DONE_ID}`).click();
    const box = page.locator(`[id="mt-retro-${DONE_ID}"]`);
    await box.fill('缓存策略需纳入上线检查清单');

    await page.route('**/rpc', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { message: '只有任务发起人或主管可以记录复盘结论' } }),
      }),
    );
    await page.getByTestId(`retro-${DONE_ID}`).click();
    const status = statusOf(page, `retro-${DONE_ID}`);
    await status.filter({ hasText: '只有任务发起人' }).waitFor();
    expect(await status.getAttribute('class')).toContain('status-error');
    expect(await box.inputValue()).toBe('缓存策略需纳入上线检查清单');
    expect(await page.getByTestId(`retro-${DONE_ID}`).isDisabled()).toBe(false);
    await page.unroute('**/rpc');

    await page.getByTestId(`retro-${DONE_ID}`).click();
    await status.filter({ hasText: '复盘结论已记入备注' }).waitFor();
    const expected = '故障2小时内恢复,提交根因分析报告\n复盘(2024-10-24):缓存策略需纳入上线检查清单';
    expect(await page.getByTestId(`notes-${DONE_ID}`).textContent()).toBe(expected);
    expect(await box.inputValue()).toBe('');
    expect(calls).toEqual(['getSidebarModel', 'recordRetrospective', 'recordRetrospective']);
    expect(await notesOf(DONE_ID)).toBe(expected);
    await page.close();
  });

  it('fills the quick periods from today (Mon–Sun weeks) and refuses a range that runs backwards', async () => {
    const { page, calls } = await open(WEI);
    const from = page.locator('#rv-from');
    const to = page.locator('#rv-to');
    const range = async () => [await from.inputValue(), await to.inputValue()];
    expect(await page.getByTestId('period-lastWeek').getAttribute('aria-pressed')).toBe('true');
    expect(await range()).toEqual(['2024-10-14', '2024-10-20']);
    await page.getByTestId('period-thisWeek').click();
    expect(await range()).toEqual(['2024-10-21', '2024-10-27']);
    await page.getByTestId('period-thisMonth').click();
    expect(await range()).toEqual(['2024-10-01', '2024-10-31']);
    await page.getByTestId('period-lastMonth').click();
    expect(await range()).toEqual(['2024-09-01', '2024-09-30']);
    expect(await page.getByTestId('period-lastMonth').getAttribute('aria-pressed')).toBe('true');
    // A 项目负责人 who is not the admin is not offered the email to the 主管s.
    expect(await page.locator('#rv-email').count()).toBe(0);

    await from.fill('2024-10-20');
    await to.fill('2024-10-14');
    expect(await page.getByTestId('period-lastMonth').getAttribute('aria-pressed')).toBe('false');
    await page.getByTestId('generate-review').click();
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#rv-to-error').textContent()).toBe('结束日期不能早于开始日期');
    expect(await statusOf(page, 'generate-review').textContent()).toBe('请先修正标出的字段');
    expect(await range()).toEqual(['2024-10-20', '2024-10-14']);
    expect(calls).toEqual(['getSidebarModel']);
    expect((await sheets()).some((s) => s.name.startsWith('复盘-'))).toBe(false);
    await page.close();
  });

  it('generates the review of 2024-10-14…2024-10-20: the sheet exists and the counts show', async () => {
    const { page, calls } = await open(WEI);
    await page.locator('#rv-from').fill('2024-10-14');
    await page.locator('#rv-to').fill('2024-10-20');
    const answer = page.waitForResponse((r) => r.url().endsWith('/rpc') && r.request().method() === 'POST');
    await page.getByTestId('generate-review').click();
    const { result } = (await (await answer).json()) as { result: { counts: Record<string, number> } };
    await statusOf(page, 'generate-review').filter({ hasText: LAST_WEEK }).waitFor();
    expect(await statusOf(page, 'generate-review').textContent()).toBe(
      `复盘报告已生成:工作表「${LAST_WEEK}」`,
    );
    expect(await page.getByTestId('review-sheet').textContent()).toBe(LAST_WEEK);
    const count = (key: string) => page.getByTestId(`review-count-${key}`).textContent();
    // 紧急任务2024-003 was completed on 2024-10-20; 产品迭代2024-001's blocker was raised on 2024-10-15.
    expect(result.counts).toMatchObject({ completed: 1, problems: 1 });
    const labels = {
      completed: '完成',
      started: '开始',
      overdue: '逾期',
      carriedOver: '结转',
      problems: '问题',
    };
    for (const [key, label] of Object.entries(labels))
      expect(await count(key), key).toBe(`${result.counts[key]}${label}`);
    expect(await page.getByTestId('review-emailed').count()).toBe(0);
    expect(calls).toEqual(['getSidebarModel', 'generateReview']);
    const sheet = (await sheets()).find((s) => s.name === LAST_WEEK);
    expect(sheet).toBeDefined();
    expect(sheet!.values.flat().join('\n')).toContain(DONE_ID);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(300);
    await page.close();
  });

  it('lets a 主管 email the summary to the 主管s', async () => {
    const { page, calls } = await open(QIANG);
    await page.getByTestId('period-thisMonth').click();
    await page.getByLabel('把摘要发送给主管').check();
    await page.getByTestId('generate-review').click();
    await page.getByTestId('review-emailed').waitFor();
    expect(await page.getByTestId('review-emailed').textContent()).toBe('已发送给:*强');
    expect(await page.getByTestId('review-sheet').textContent()).toBe('复盘-2024-10-01~2024-10-31');
    expect(calls).toEqual(['getSidebarModel', 'generateReview']);
    await page.close();
  });
});
