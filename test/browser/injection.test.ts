// Hostile text in Chromium (SPEC §14): the sidebar, the playground grid and the outbox show formulas and markup as text.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { World } from '../../emulator/world';
import { hostileEmail, hostileWorld, MARKUP_PAYLOADS, PAYLOADS } from '../helpers/hostile';
import { ADMIN, emulatorFor } from '../helpers/project';
import { SKIP_BROWSER } from './chromium';
import { usePlayground } from './session';

const OV = '部门任务总览表';
const PR = '任务执行进度跟踪表';
const SYNC = '信息同步共享记录表';
/** The member named `<img src=x onerror=alert(1)>`. */
const IMG = PAYLOADS.indexOf(MARKUP_PAYLOADS[0]!);

/** Elements the payloads would have created had they been parsed as HTML. */
const INJECTED = `(() => [...document.querySelectorAll('[onerror],[onload],img[src="x"],script')]
  .filter((e) => e.tagName !== 'SCRIPT' || (e.textContent ?? '').includes('alert(')).length)()`;

describe.skipIf(SKIP_BROWSER)('hostile text in the browser', () => {
  let world: World;
  const session = usePlayground(() => {
    world = hostileWorld();
    const emu = emulatorFor(world);
    emu.callOk('runDailyDigest', [], ADMIN);
    emu.callOk('refreshDashboard', [], ADMIN);
    return world;
  });
  const dialogs: string[] = [];

  /** A page that records (and dismisses) any dialog a payload might open. */
  async function newPage(width: number): Promise<Page> {
    const page = await session.browser.newPage({ viewport: { width, height: 900 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    return page;
  }

  async function expectClean(where: Page | Frame, label: string): Promise<void> {
    expect(await where.evaluate(INJECTED), `${label}: injected elements`).toBe(0);
    expect(dialogs, `${label}: dialogs`).toEqual([]);
  }

  async function sidebar(email: string): Promise<Page> {
    const page = await newPage(300);
    await page.goto(`${session.server.url}/sidebar?user=${encodeURIComponent(email)}`);
    await page.waitForSelector('#app[data-ready="true"]');
    return page;
  }

  it('notices a payload parsed as HTML (so the checks below can fail)', async () => {
    const page = await newPage(300);
    await page.goto(`${session.server.url}/sidebar?user=${encodeURIComponent(ADMIN)}`);
    await page.evaluate(
      `document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(MARKUP_PAYLOADS[0])})`,
    );
    await expect.poll(() => dialogs.length).toBe(1);
    expect(await page.evaluate(INJECTED)).toBe(1);
    dialogs.length = 0;
    await page.close();
  });

  it.each([
    [
      'a member named <img src=x onerror=alert(1)>',
      hostileEmail(IMG),
      ['new-task', 'progress', 'sync', 'my-tasks'],
    ],
    ['the admin', ADMIN, ['new-task', 'progress', 'sync', 'my-tasks', 'settings']],
  ])('shows every payload as text in the sidebar of %s, on every tab', async (_, email, tabs) => {
    const page = await sidebar(email as string);
    for (const tab of tabs as string[]) {
      await page.getByTestId(`tab-${tab}`).click();
      await expectClean(page, tab);
    }
    const text = (await page.locator('body').textContent()) ?? '';
    for (const p of PAYLOADS) expect(text, p).toContain(p);
    await page.close();
  });

  it('stores what is typed into the sidebar forms as text', async () => {
    const page = await sidebar(hostileEmail(IMG));
    const me = PAYLOADS[IMG]!;
    const [formula, link, plus, minus, at, img, script] = [
      PAYLOADS[0]!,
      PAYLOADS[4]!,
      PAYLOADS[1]!,
      PAYLOADS[2]!,
      PAYLOADS[3]!,
      PAYLOADS[5]!,
      PAYLOADS[6]!,
    ];
    await page.locator('#nt-prefix').fill('@x');
    await page.locator('#nt-name').fill(script);
    await page.locator('#nt-owner').selectOption(me);
    await page.locator('#nt-project').fill(formula);
    await page.locator('#nt-type').selectOption('routine');
    await page.locator('#nt-due').fill('2024-11-20');
    await page.locator('#nt-notes').fill(img);
    await page.getByTestId('add-subtask').click();
    const sub = page.getByTestId('subtask').first();
    await sub.locator('input[type="text"]').fill(link);
    await sub.locator('select').selectOption(me);
    await page.getByTestId('create-task').click();
    await page.getByText('@x2024-002-01').first().waitFor();
    await expectClean(page, 'new task');

    await page.getByTestId('tab-progress').click();
    await page.getByTestId('pick-@x2024-002-01').click();
    await page.locator('#pg-progress').fill('30');
    await page.locator('#pg-done').fill(plus);
    await page.locator('#pg-next').fill(minus);
    await page.locator('#pg-blockers').fill(at);
    await page.getByTestId('save-progress').click();
    const progressRow = () =>
      world.spreadsheet.sheets.find((s) => s.name === PR)!.rows.find((r) => r[0] === '@x2024-002-01')!;
    await expect.poll(() => progressRow()[4]).toBe(30);

    await page.getByTestId('tab-sync').click();
    await page.locator('#sy-topic').fill(img);
    await page.locator('#sy-content').fill(formula);
    await page.locator('#sy-audience').fill(plus);
    await page.locator('#sy-attachment').fill(link);
    await page.locator('#sy-notes').fill(minus);
    await page.locator('#sy-task').fill('@x2024-002');
    const rows = world.spreadsheet.sheets.find((s) => s.name === SYNC)!.rows.length;
    await page.getByTestId('add-sync').click();
    await expect
      .poll(() => world.spreadsheet.sheets.find((s) => s.name === SYNC)!.rows.length)
      .toBeGreaterThan(rows);
    await expectClean(page, 'forms');
    await page.close();

    const sheets = (await session.workbook()).sheets;
    const row = (sheet: string, id: string) =>
      sheets.find((s) => s.name === sheet)!.values.find((r) => r[0] === id || r.includes(id))!;
    expect(row(OV, '@x2024-002').slice(1, 6)).toEqual([script, me, me, '', formula]);
    expect(row(OV, '@x2024-002')).toContain(img);
    expect(row(PR, '@x2024-002-01').slice(2, 8)).toEqual([link, me, '30', plus, minus, at]);
    expect(row(SYNC, '@x2024-002').slice(1, 7)).toEqual([img, formula, me, plus, link, minus]);
  });

  it('shows the payloads as text in the playground grid and in the outbox', async () => {
    const page = await newPage(1440);
    await page.goto(session.server.url);
    await page.waitForSelector('#app[data-ready="true"]');
    for (const sheet of [OV, PR, SYNC, '成员', '看板']) {
      await page.getByTestId(`tab-${sheet}`).click();
      const text = (await page.getByTestId('grid').textContent()) ?? '';
      for (const p of PAYLOADS) expect(text, `${sheet}: ${p}`).toContain(p);
      await expectClean(page, sheet);
    }
    await page.getByTestId('panel-tab-outbox').click();
    await page
      .getByTestId('outbox-item')
      .filter({ hasText: hostileEmail(IMG) })
      .first()
      .click();
    const frame = page.frameLocator('[data-testid="outbox-html"]');
    await frame.locator('body').waitFor();
    expect(await frame.locator('body').textContent()).toContain(PAYLOADS[IMG]);
    expect(await frame.locator('img, script').count()).toBe(0);
    await expectClean(page, 'outbox');
    await page.close();
  });
});
