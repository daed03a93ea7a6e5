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

type Trigger = GoogleAppsScript.Script.Trigger;

const hasTrigger = (triggers: Trigger[], fn: string, type: string) =>
  triggers.some((tr) => tr.getHandlerFunction() === fn && String(tr.getEventType()) === type);

/** The installable edit trigger that guards direct edits (it runs as whoever installs it): created once. */
export function ensureEditTrigger(triggers: Trigger[] = ScriptApp.getProjectTriggers()): boolean {
  if (hasTrigger(triggers, 'handleEdit', 'ON_EDIT')) return false;
  ScriptApp.newTrigger('handleEdit').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
  return true;
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
  const installed: string[] = [];
  if (!hasTrigger(triggers, SCHEDULER, 'CLOCK')) {
    ScriptApp.newTrigger(SCHEDULER).timeBased().everyHours(1).create();
    installed.push(SCHEDULER);
  }
  if (ensureEditTrigger(triggers)) installed.push('handleEdit');
  const locale = currentLocale();
  tellUser(
    t('menu.installJobs', locale),
    t(installed.length ? 'jobs.installed' : 'jobs.alreadyInstalled', locale, { email: me }),
  );
  return { runsAs: me, installed };
}
