// getSettings / saveSettings (admin only): the settings, and how the installed jobs and the mail quota stand.
import { parseOrThrow, settingsPatchSchema } from '../core/schemas';
import type { Settings } from '../core/settings';
import { t } from '../core/strings';
import { activeEmail } from './session';
import { readSettings, writeSettings } from './settings';
import { setupWorkbook } from './setup';

export interface SettingsView extends Settings {
  status: {
    timeZone: string;
    /** The installed triggers of this project visible to the admin. */
    triggers: { handler: string; type: string }[];
    remainingEmailQuota: number;
  };
}

function assertAdmin(settings: Settings): void {
  const me = activeEmail();
  if (!me || me !== settings.admin.toLowerCase())
    throw new Error(t('error.adminOnly', settings.locale ?? 'zh-CN', { admin: settings.admin }));
}

export function getSettings(): SettingsView {
  const settings = readSettings();
  assertAdmin(settings);
  return {
    ...settings,
    status: {
      timeZone: SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
      triggers: ScriptApp.getProjectTriggers().map((tr) => ({
        handler: tr.getHandlerFunction(),
        type: String(tr.getEventType()),
      })),
      remainingEmailQuota: MailApp.getRemainingDailyQuota(),
    },
  };
}

export function saveSettings(partial: unknown): SettingsView {
  const settings = readSettings();
  assertAdmin(settings);
  const patch = parseOrThrow(settingsPatchSchema, partial, settings.locale ?? 'zh-CN');
  const next: Settings = { ...settings };
  for (const [k, v] of Object.entries(patch))
    if (v !== undefined) (next as unknown as Record<string, unknown>)[k] = v;
  writeSettings(next);
  if (next.dueSoonDays !== settings.dueSoonDays) setupWorkbook();
  return getSettings();
}
