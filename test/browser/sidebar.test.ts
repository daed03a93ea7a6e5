// Browser tests of the sidebar in Chromium, against the playground in-process: every tab, validation, the workflow, screenshots.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startPlayground } from '../../emulator/playground/server';
import { createSampleWorld } from '../../emulator/seed';
import type { Locale } from '../../src/core/locale';
import { ARTIFACTS, SKIP_BROWSER } from './chromium';
import { fetchWorkbook, type Playground, usePlayground } from './session';

const OVERVIEW = '部门任务总览表';
const NEW_ID = '产品迭代2024-002';
const TABS = ['new-task', 'progress', 'sync', 'my-tasks', 'settings'];

async function rpc(server: Playground, fn: string, args: unknown[], user: string) {
  const res = await fetch(`${server.url}/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fn, args, user }),
  });
  return (await res.json()) as { ok: boolean; result?: any; error?: { message: string } };
}

async function overviewRows(server: Playground): Promise<string[][]> {
  const view = await fetchWorkbook(server);
  return view.sheets.find((s) => s.name === OVERVIEW)!.values;
}

describe.skipIf(SKIP_BROWSER)('sidebar', () => {
  const session = usePlayground(() => createSampleWorld({ data: 'sample' }));
  const pages: Page[] = [];

  /** Opens /sidebar as `email` at 300 px wide and waits for the first paint; `calls` collects the RPC names. */
  async function open(email: string, on: Playground = session.server, locale = 'en-US') {
    const page = await session.browser.newPage({ viewport: { width: 300, height: 900 }, locale });
    pages.push(page);
    const calls: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/rpc')) calls.push((JSON.parse(r.postData() ?? '{}') as { fn: string }).fn);
    });
    await page.goto(`${on.url}/sidebar?user=${encodeURIComponent(email)}`);
    await page.waitForSelector('#app[data-ready="true"]');
    return { page, calls };
  }

  const statusOf = (page: Page, testId: string) =>
    page.getByTestId(testId).locator('xpath=following-sibling::*[contains(@class,"status")]');

  it('paints from one getSidebarModel call, in the model locale, with tabs usable by keyboard', async () => {
    const { page, calls } = await open('li@example.com');
    expect(calls).toEqual(['getSidebarModel']);
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    expect(await page.getByRole('tab').allTextContents()).toEqual([
      '新建任务',
      '更新进度',
      '同步记录',
      '我的任务1',
    ]);
    expect(await page.getByTestId('tab-settings').count()).toBe(0);

    await page.getByTestId('tab-new-task').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('tab-progress').getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate('document.activeElement.id')).toBe('tab-progress');
    expect(await page.locator('#panel-progress').isVisible()).toBe(true);
    expect(await page.locator('#panel-new-task').isVisible()).toBe(false);
    await page.keyboard.press('End');
    expect(await page.evaluate('document.activeElement.id')).toBe('tab-my-tasks');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate('document.activeElement.id')).toBe('tab-new-task');
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate('document.activeElement.id')).toBe('tab-my-tasks');
    expect(calls).toEqual(['getSidebarModel']);
    await page.close();
  });

  it('(a) as *丽, creates a task with three subtasks and shows the allocated IDs', async () => {
    const { page } = await open('li@example.com');
    await page.locator('#nt-prefix').fill('产品迭代');
    await page.locator('#nt-name').fill('Q4客户回访');
    expect(await page.locator('#nt-initiator').inputValue()).toBe('*丽');
    await page.locator('#nt-owner').selectOption('*明');
    expect(await page.getByLabel('*明', { exact: true }).first().isDisabled()).toBe(true);
    await page.getByLabel('*华', { exact: true }).first().check();
    await page.locator('#nt-project').fill('提升客户复购率');
    await page.locator('#nt-type').selectOption('project');
    expect(await page.locator('#nt-priority').inputValue()).toBe('medium');
    await page.locator('#nt-due').fill('2024-11-15');
    await page.locator('#nt-notes').fill('回访20位客户');

    const owners = ['*明', '*华', '*明'];
    for (const [i, owner] of owners.entries()) {
      await page.getByTestId('add-subtask').click();
      const sub = page.getByTestId('subtask').nth(i);
      await sub.locator('input[type="text"]').fill(`回访第${i + 1}组`);
      await sub.locator('select').selectOption(owner);
    }
    expect(await page.getByTestId('add-subtask').isDisabled()).toBe(true);

    await page.getByTestId('create-task').click();
    const status = statusOf(page, 'create-task');
    await status.filter({ hasText: '已创建' }).waitFor();
    expect(await status.textContent()).toBe(`已创建:${NEW_ID}、${NEW_ID}-01、${NEW_ID}-02、${NEW_ID}-03`);
    expect(await page.locator('#nt-name').inputValue()).toBe('');
    expect(await page.getByTestId('subtask').count()).toBe(0);

    const row = (await overviewRows(session.server)).find((r) => r[0] === NEW_ID)!;
    expect(row.slice(0, 5)).toEqual([NEW_ID, 'Q4客户回访', '*丽', '*明', '*华']);
    expect(row).toContain('未开始');
    await page.close();
  });

  it('(b) as *明, shows the subtasks missing today and updates one: the task is 进行中', async () => {
    const { page, calls } = await open('ming@example.com');
    await page.getByTestId('tab-progress').click();
    expect(await page.getByTestId('missing-summary').textContent()).toBe('今天还未更新:2 个子任务');
    expect(await page.getByTestId('tab-progress').textContent()).toBe('更新进度2');
    const others = await page.getByTestId(`pick-${NEW_ID}-02`).textContent();
    expect(others).toContain('*华');
    expect(others).not.toContain('今日未更新');
    const pick = page.getByTestId(`pick-${NEW_ID}-01`);
    expect(await pick.textContent()).toContain('今日未更新');
    await pick.click();
    expect(await page.locator('#pg-progress').inputValue()).toBe('');
    await page.locator('#pg-progress').fill('40');
    await page.locator('#pg-done').fill('完成10位客户回访');
    await page.locator('#pg-next').fill('继续回访');
    await page.getByTestId('save-progress').click();
    const status = statusOf(page, 'save-progress');
    await status.filter({ hasText: '进行中' }).waitFor();
    expect(await status.textContent()).toBe('进度已保存,任务状态:进行中');
    await page.getByTestId('missing-summary').filter({ hasText: ':1 个' }).waitFor();
    expect(await page.getByTestId(`pick-${NEW_ID}-01`).textContent()).not.toContain('今日未更新');
    expect(calls).toEqual(['getSidebarModel', 'updateProgress', 'getSidebarModel']);
    expect((await overviewRows(session.server)).find((r) => r[0] === NEW_ID)).toContain('进行中');
    await page.close();
  });

  it('(c) *明 (the task owner) submits it for acceptance; *丽 (initiator) accepts it: 已完成', async () => {
    const ming = await open('ming@example.com');
    await ming.page.getByTestId('tab-my-tasks').click();
    await ming.page.getByTestId(`submit-${NEW_ID}`).click();
    await ming.page.getByText(`${NEW_ID} — 任务状态:待验收`).waitFor();
    // The model refresh follows the status message: wait for it to take the button away.
    await ming.page.getByTestId(`submit-${NEW_ID}`).waitFor({ state: 'detached' });
    await ming.page.close();

    const li = await open('li@example.com');
    await li.page.getByTestId('tab-my-tasks').click();
    const card = li.page.getByTestId(`awaiting-${NEW_ID}`);
    expect(await card.textContent()).toContain('待验收');
    await card.locator('textarea').fill('回访记录完整');
    await li.page.getByTestId(`accept-${NEW_ID}`).click();
    await li.page.getByText(`${NEW_ID} — 任务状态:已完成`).waitFor();
    await li.page.getByTestId(`awaiting-${NEW_ID}`).waitFor({ state: 'detached' });
    expect(await li.page.getByTestId(`task-${NEW_ID}`).textContent()).toContain('已完成');
    const row = (await overviewRows(session.server)).find((r) => r[0] === NEW_ID)!;
    expect(row).toContain('已完成');
    expect(row).toContain('2024-10-24');
    await li.page.close();
  });

  it('rejecting needs a reason: the error shows beside the box, then the task goes back to 进行中', async () => {
    const { page, calls } = await open('li@example.com');
    await page.getByTestId('tab-my-tasks').click();
    const id = '日常协作2024-015';
    await page.getByTestId(`reject-${id}`).click();
    const box = page.getByTestId(`awaiting-${id}`).locator('textarea');
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await box.getAttribute('aria-describedby'))!
      .split(' ')
      .find((x) => x.endsWith('-error'))!;
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('必填');
    expect(calls).toEqual(['getSidebarModel']);
    await box.fill('缺少运营组素材');
    await page.getByTestId(`reject-${id}`).click();
    await page.getByText(`${id} — 任务状态:进行中`).waitFor();
    expect(calls).toEqual(['getSidebarModel', 'rejectTask', 'getSidebarModel']);
    await page.close();
  });

  it('(d) an invalid new task shows errors beside the fields, sends nothing and keeps the input', async () => {
    const { page, calls } = await open('li@example.com');
    await page.locator('#nt-prefix').fill('产品迭代');
    await page.locator('#nt-owner').selectOption('*明');
    await page.getByLabel('芳', { exact: true }).first().check();
    await page.locator('#nt-project').fill('提升客户复购率');
    await page.locator('#nt-type').selectOption('routine');
    await page.locator('#nt-due').focus();
    await page.locator('#nt-due').pressSequentially('02302024');
    await page.getByTestId('add-subtask').click();
    const sub = page.getByTestId('subtask').first();
    await sub.locator('select').selectOption('*华');
    expect(await sub.getByLabel('*华', { exact: true }).isDisabled()).toBe(true);
    await page.getByTestId('create-task').click();

    const errorOf = async (id: string) => {
      const control = page.locator(`[id="${id}"]`);
      expect(await control.getAttribute('aria-invalid'), id).toBe('true');
      expect(await control.getAttribute('aria-describedby'), id).toContain(`${id}-error`);
      return page.locator(`[id="${id}-error"]`).textContent();
    };
    expect(await errorOf('nt-name')).toBe('必填');
    expect(await errorOf('nt-notes')).toBe('必填');
    expect(await errorOf('nt-due')).toBe('须为有效日期(yyyy-MM-dd)');
    const subName = await sub.locator('input[type="text"]').getAttribute('id');
    expect(await errorOf(subName!)).toBe('必填');
    expect(await page.locator('#nt-prefix').getAttribute('aria-invalid')).toBeNull();
    expect(await statusOf(page, 'create-task').textContent()).toBe('请先修正标出的字段');
    expect(await page.evaluate('document.activeElement.id')).toBe('nt-name');

    expect(calls).toEqual(['getSidebarModel']);
    expect(await page.locator('#nt-prefix').inputValue()).toBe('产品迭代');
    expect(await page.locator('#nt-owner').inputValue()).toBe('*明');
    expect(await page.getByLabel('芳', { exact: true }).first().isChecked()).toBe(true);
    expect(await page.locator('#nt-project').inputValue()).toBe('提升客户复购率');
    expect(
      await page
        .locator('#nt-due')
        .evaluate((e) => (e as unknown as { validity: { badInput: boolean } }).validity.badInput),
    ).toBe(true);
    expect(await sub.locator('select').inputValue()).toBe('*华');

    await page.locator('#nt-name').fill('修正后');
    await page.getByTestId('create-task').click();
    expect(await page.locator('#nt-name').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#nt-name-error').isHidden()).toBe(true);
    await page.close();
  });

  it('shows a server error beside the button, re-enables it and keeps every field', async () => {
    const { page } = await open('li@example.com');
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/rpc', async (route) => {
      await held;
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { message: '负责人:「*某」不在成员表中' } }),
      });
    });
    await page.getByTestId('tab-sync').click();
    expect(await page.locator('#sy-date').inputValue()).toBe('2024-10-24');
    expect(await page.locator('#sy-attachment').inputValue()).toBe('/');
    await page.locator('#sy-topic').fill('回访进展');
    await page.locator('#sy-content').fill('已完成一半');
    await page.locator('#sy-audience').fill('项目组全体');
    await page.locator('#sy-task').fill('日常协作2024-015');
    await page.getByTestId('add-sync').click();
    expect(await page.getByTestId('add-sync').isDisabled()).toBe(true);
    release();
    const status = statusOf(page, 'add-sync');
    await status.filter({ hasText: '不在成员表中' }).waitFor();
    expect(await page.getByTestId('add-sync').isDisabled()).toBe(false);
    expect(await page.locator('#sy-topic').inputValue()).toBe('回访进展');
    expect(await page.locator('#sy-content').inputValue()).toBe('已完成一半');
    expect(await page.locator('#sy-task').inputValue()).toBe('日常协作2024-015');

    await page.unroute('**/rpc');
    await page.getByTestId('add-sync').click();
    await status.filter({ hasText: '记录已保存' }).waitFor();
    expect(await page.locator('#sy-topic').inputValue()).toBe('');
    await page.close();
  });

  it('shows the load error with a retry button when getSidebarModel fails', async () => {
    const page = await session.browser.newPage({ viewport: { width: 300, height: 600 } });
    let fail = true;
    await page.route('**/rpc', (route) =>
      fail
        ? route.fulfill({
            contentType: 'application/json',
            body: JSON.stringify({ ok: false, error: { message: '服务暂时不可用' } }),
          })
        : route.continue(),
    );
    await page.goto(`${session.server.url}/sidebar?user=li@example.com`);
    await page.waitForSelector('#app[data-ready="error"]');
    expect(await page.getByTestId('load-error').textContent()).toBe('服务暂时不可用');
    fail = false;
    await page.getByTestId('retry').click();
    await page.waitForSelector('#app[data-ready="true"]');
    await page.close();
  });

  it('tells a stranger they are not on the Team and keeps the forms disabled', async () => {
    const { page } = await open('stranger@example.com');
    expect(await page.getByTestId('notices').textContent()).toBe(
      '你(stranger@example.com)不在成员表中,请联系主管添加。',
    );
    expect(await page.locator('#nt-name').isDisabled()).toBe(true);
    expect(await page.getByTestId('create-task').isDisabled()).toBe(true);
    await page.close();
  });

  it('escapes user data: a task name with markup shows as text', async () => {
    const name = '<img src=x onerror="window.__pwned=1">回访';
    const created = await rpc(
      session.server,
      'createTask',
      [
        {
          prefix: '安全测试',
          name,
          initiator: '*丽',
          owner: '*丽',
          collaborators: [],
          project: '',
          type: 'routine',
          due: '2024-11-01',
          notes: '<b>粗体</b>',
          subtasks: [],
        },
      ],
      'li@example.com',
    );
    expect(created.ok).toBe(true);
    const { page } = await open('li@example.com');
    await page.getByTestId('tab-my-tasks').click();
    expect(await page.getByTestId(`task-${created.result.taskId}`).textContent()).toContain(name);
    expect(await page.locator('#app img').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await page.close();
  });

  it('settings (admin): fetched when opened, validated, saved as a partial', async () => {
    const { page, calls } = await open('qiang@example.com');
    expect(calls).toEqual(['getSidebarModel']);
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('settings-status').waitFor();
    expect(calls).toEqual(['getSidebarModel', 'getSettings']);
    expect(await page.getByTestId('settings-status').textContent()).toContain('Asia/Shanghai');
    expect(await page.locator('#st-digestHour').inputValue()).toBe('9');

    await page.locator('#st-archiveHour').fill('25');
    await page.getByTestId('save-settings').click();
    expect(await page.locator('#st-archiveHour').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#st-archiveHour-error').textContent()).toBe('须为 0 到 23 之间的整数');
    expect(calls).toEqual(['getSidebarModel', 'getSettings']);

    await page.locator('#st-archiveHour').fill('2');
    await page.locator('#st-digestHour').fill('8');
    await page.locator('#st-extraHolidays').fill('2024-12-30\n\n2024-12-31');
    await page.locator('#st-email').selectOption('dryRun');
    await page.getByTestId('save-settings').click();
    await statusOf(page, 'save-settings').filter({ hasText: '设置已保存' }).waitFor();
    const saved = await rpc(session.server, 'getSettings', [], 'qiang@example.com');
    expect(saved.result).toMatchObject({
      digestHour: 8,
      archiveHour: 2,
      extraHolidays: ['2024-12-30', '2024-12-31'],
      email: 'dryRun',
      rollCallHour: 15,
    });
    await page.close();
  });

  it('settings: a failed fetch offers a retry; the roll-call hour stops at 16, before the 17:00 deadline', async () => {
    const { page, calls } = await open('qiang@example.com');
    let failed = false;
    await page.route('**/rpc', (route) => {
      const { fn } = JSON.parse(route.request().postData() ?? '{}') as { fn: string };
      if (fn !== 'getSettings' || failed) return route.continue();
      failed = true;
      return route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { message: '服务暂时不可用' } }),
      });
    });
    await page.getByTestId('tab-settings').click();
    await page.locator('#panel-settings [role="alert"]').filter({ hasText: '服务暂时不可用' }).waitFor();
    await page.locator('#panel-settings').getByRole('button', { name: '重试' }).click();
    await page.getByTestId('settings-status').waitFor();
    expect(await page.locator('#st-rollCallHour').getAttribute('max')).toBe('16');
    expect(await page.locator('#st-digestHour').getAttribute('max')).toBe('23');
    expect(await page.locator('#st-maxSubtasks option').allTextContents()).toEqual(['1', '2', '3']);

    await page.locator('#st-rollCallHour').fill('17');
    await page.getByTestId('save-settings').click();
    expect(await page.locator('#st-rollCallHour').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#st-rollCallHour-error').textContent()).toBe('须为 0 到 16 之间的整数');
    expect(calls).toEqual(['getSidebarModel', 'getSettings', 'getSettings']);
    await page.close();
  });

  it('my tasks: while a submit or a cancel runs, both buttons of the card are disabled', async () => {
    const created = await rpc(
      session.server,
      'createTask',
      [
        {
          prefix: '日常协作',
          name: '整理周报模板',
          initiator: '*强',
          owner: '*强',
          type: 'routine',
          due: '2024-11-15',
          notes: '模板可直接使用',
        },
      ],
      'qiang@example.com',
    );
    expect(created.ok, created.error?.message).toBe(true);
    const id: string = created.result.taskId;
    const { page } = await open('qiang@example.com');
    let release: () => void = () => {};
    let held = '';
    await page.route('**/rpc', async (route) => {
      const { fn } = JSON.parse(route.request().postData() ?? '{}') as { fn: string };
      if (fn !== 'submitForAcceptance' && fn !== 'cancelTask') return route.continue();
      await new Promise<void>((resolve) => {
        release = resolve;
        held = fn;
      });
      held = '';
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { message: `${fn} 失败` } }),
      });
    });
    await page.getByTestId('tab-my-tasks').click();
    const submit = page.getByTestId(`submit-${id}`);
    const cancel = page.getByTestId(`cancel-${id}`);

    await submit.click();
    await expect.poll(() => held).toBe('submitForAcceptance');
    expect(await submit.isDisabled()).toBe(true);
    expect(await cancel.isDisabled()).toBe(true);
    release();
    await statusOf(page, `submit-${id}`).filter({ hasText: 'submitForAcceptance 失败' }).waitFor();
    expect(await submit.isDisabled()).toBe(false);
    expect(await cancel.isDisabled()).toBe(false);

    await page.getByTestId(`task-${id}`).locator('summary').filter({ hasText: '取消任务' }).click();
    await page.locator(`[id="mt-reason-${id}"]`).fill('不再需要');
    await cancel.click();
    await expect.poll(() => held).toBe('cancelTask');
    expect(await cancel.isDisabled()).toBe(true);
    expect(await submit.isDisabled()).toBe(true);
    release();
    await statusOf(page, `cancel-${id}`).filter({ hasText: 'cancelTask 失败' }).waitFor();
    expect(await cancel.isDisabled()).toBe(false);
    expect(await submit.isDisabled()).toBe(false);
    await page.close();
  });

  describe('(e) screenshots of every tab at 300 px', () => {
    for (const locale of ['zh-CN', 'en'] as Locale[]) {
      it(`in ${locale}`, async () => {
        const world = await startPlayground({
          port: 0,
          world: createSampleWorld({ data: 'sample', locale }),
        });
        try {
          const created = await rpc(
            world,
            'createTask',
            [
              {
                prefix: '产品迭代',
                name: locale === 'en' ? 'Customer follow-up calls' : 'Q4客户回访',
                initiator: '*强',
                owner: '*强',
                collaborators: ['*华'],
                project: '提升客户复购率',
                type: 'project',
                priority: 'high',
                due: '2024-11-15',
                notes: locale === 'en' ? 'Call back 20 customers' : '回访20位客户',
                subtasks: [
                  { name: locale === 'en' ? 'Call list' : '整理回访名单', owner: '*强', collaborators: [] },
                  { name: locale === 'en' ? 'Calls' : '电话回访', owner: '*明', collaborators: ['*华'] },
                ],
              },
            ],
            'qiang@example.com',
          );
          expect(created.ok, created.error?.message).toBe(true);
          const { page } = await open('qiang@example.com', world, locale === 'en' ? 'en-US' : 'zh-CN');
          expect(await page.evaluate('document.documentElement.lang')).toBe(locale);
          for (const tab of TABS) {
            await page.getByTestId(`tab-${tab}`).click();
            if (tab === 'settings') await page.getByTestId('settings-status').waitFor();
            expect(await page.evaluate('document.documentElement.scrollWidth'), tab).toBeLessThanOrEqual(300);
            await page.screenshot({
              path: path.join(ARTIFACTS, `sidebar-${tab}-${locale}.png`),
              fullPage: true,
            });
          }
          await page.close();
        } finally {
          await world.close();
        }
      });
    }
  });
});
