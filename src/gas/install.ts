// 安装每日任务 (SPEC §6): exactly one hourly trigger for the scheduler (an editor add-on may hold only one time-driven
// trigger per user per document), plus the edit guard; installing again changes nothing.
import { t } from '../core/strings';
import { readSettings } from './settings';
import { currentLocale, tellUser } from './ui';

export const SCHEDULER = 'runScheduledJobs';

export interface InstallReport {
  runsAs: string;
  installed: string[];
}

function assertAdmin(me: string): void {
  const settings = readSettings();
  if (settings.admin && settings.admin.toLowerCase() !== me.toLowerCase()) {
    throw new Error(t('error.adminOnly', settings.locale ?? 'zh-CN', { admin: settings.admin }));
  }
}

export function installDailyJobs(): InstallReport {
  const me = Session.getEffectiveUser().getEmail();
  assertAdmin(me);
  const triggers = ScriptApp.getProjectTriggers();
  const has = (fn: string, type: string) =>
    triggers.some((tr) => tr.getHandlerFunction() === fn && String(tr.getEventType()) === type);
  const installed: string[] = [];
  if (!has(SCHEDULER, 'CLOCK')) {
    ScriptApp.newTrigger(SCHEDULER).timeBased().everyHours(1).create();
    installed.push(SCHEDULER);
  }
  if (!has('handleEdit', 'ON_EDIT')) {
    ScriptApp.newTrigger('handleEdit')
      .forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet())
      .onEdit()
      .create();
    installed.push('handleEdit');
  }
  const locale = currentLocale();
  tellUser(
    t('menu.installJobs', locale),
    t(installed.length ? 'jobs.installed' : 'jobs.alreadyInstalled', locale, { email: me }),
  );
  return { runsAs: me, installed };
}
