// The add-on menu and the sidebar through dist/Code.js: onOpen in every auth mode, onInstall, openSidebar, About.
import { describe, expect, it } from 'vitest';
import { ADMIN, emptyWorld, emulatorFor, sampleWorld } from '../helpers/project';

const captions = (world: ReturnType<typeof emptyWorld>) =>
  world.ui.menus.flatMap((m) => m.items.map((i) => ('caption' in i ? i.caption : '—')));

describe('onOpen', () => {
  it('builds the add-on menu in AuthMode.NONE without touching any other service', () => {
    const world = emptyWorld();
    const r = emulatorFor(world).simpleTrigger(
      'onOpen',
      { kind: 'open', user: ADMIN, authMode: 'NONE' },
      ADMIN,
      'NONE',
    );
    expect(r.ok).toBe(true);
    expect(captions(world)).toEqual([
      '打开侧边栏',
      '初始化/修复模板',
      '安装每日任务',
      '立即发送摘要',
      '刷新看板',
      '生成复盘报告',
      '数据检查',
      '立即归档',
      '从归档恢复',
      '关于',
    ]);
    expect(Object.keys(r.metrics.byApi).sort()).toEqual([
      'Menu.addItem',
      'Menu.addToUi',
      'SpreadsheetApp.getUi',
      'Ui.createAddonMenu',
    ]);
  });

  it('speaks the workbook locale in AuthMode.LIMITED', () => {
    const world = sampleWorld({ locale: 'en' });
    const r = emulatorFor(world).simpleTrigger(
      'onOpen',
      { kind: 'open', user: ADMIN, authMode: 'LIMITED' },
      ADMIN,
    );
    expect(r.ok).toBe(true);
    expect(captions(world)).toEqual([
      'Open sidebar',
      'Set up or repair sheets',
      'Install daily jobs',
      'Send digest now',
      'Refresh dashboard',
      'Generate review',
      'Check data',
      'Archive now',
      'Restore from archive',
      'About',
    ]);
    expect(world.ui.menus[0]!.items.map((i) => ('functionName' in i ? i.functionName : ''))).toEqual([
      'openSidebar',
      'setupSheets',
      'installDailyJobs',
      'sendDigestNow',
      'refreshDashboard',
      'generateReview',
      'runHealthCheck',
      'archiveNow',
      'restoreFromArchive',
      'showAbout',
    ]);
  });

  it('is what onInstall runs (in AuthMode.FULL)', () => {
    const world = emptyWorld();
    expect(emulatorFor(world).call('onInstall', [{ authMode: 'FULL' }], ADMIN).ok).toBe(true);
    expect(captions(world)).toContain('初始化/修复模板');
  });
});

describe('menu items', () => {
  it('openSidebar shows the sidebar titled in the locale', () => {
    const world = sampleWorld();
    expect(emulatorFor(world).call('openSidebar', [], 'ming@example.com').ok).toBe(true);
    expect(world.ui.sidebar?.title).toBe('任务同步');
    expect(world.ui.sidebar?.html).toContain('<main');
  });

  it('setupSheets and About tell the user in an alert', () => {
    const world = sampleWorld();
    const emu = emulatorFor(world);
    emu.callOk('setupSheets', [], ADMIN);
    expect(world.ui.alerts.at(-1)?.prompt).toBe('模板完好,无需修改。');
    emu.callOk('showAbout', [], ADMIN);
    expect(world.ui.alerts.at(-1)?.prompt).toContain('Asia/Shanghai');
  });

  it('refuses setup by someone who is neither the admin nor a manager', () => {
    const world = sampleWorld();
    const r = emulatorFor(world).call('setupSheets', [], 'ming@example.com');
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe('只有管理员(qiang@example.com)或主管可以运行「初始化/修复模板」。');
  });
});
