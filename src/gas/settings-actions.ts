// getSettings / saveSettings (admin only): the settings, and how the installed jobs and the mail quota stand.
import { parseOrThrow, settingsPatchSchema } from '../core/schemas';
import type { Settings } from '../core/settings';
import { t } from '../core/strings';
import { SCHEDULER } from './install';
import { type JobStatus, jobStatuses } from './jobs';
import { activeEmail, type Clock, openClock } from './session';
import { writeSettings } from './settings';
import { repairDueSoonFormats } from './setup';

export interface SettingsView extends Settings {
  status: {
    timeZone: string;
    /** The installed triggers of this project visible to the admin. */
    triggers: { handler: string; type: string }[];
    /** Who the jobs run as (the owner of the scheduler trigger), or null when they are not installed. */
    runsAs: string | null;
    jobs: JobStatus[];
    remainingEmailQuota: number;
  };
}

function assertAdmin(settings: Settings): void {
  const me = activeEmail();
  if (!me || me !== settings.admin.toLowerCase())
    throw new Error(t('error.adminOnly', settings.locale ?? 'zh-CN', { admin: settings.admin }));
}

/** The settings and the jobs' state: six reads (properties, time zone, triggers, sheet list, log, quota). */
export function getSettings(): SettingsView {
  const clock = openClock();
  assertAdmin(clock.props.settings);
  return viewOf(clock);
}

function viewOf(clock: Clock): SettingsView {
  const triggers = ScriptApp.getProjectTriggers();
  return {
    ...clock.props.settings,
    status: {
      timeZone: clock.timeZone,
      triggers: triggers.map((tr) => ({ handler: tr.getHandlerFunction(), type: String(tr.getEventType()) })),
      runsAs: triggers.some((tr) => tr.getHandlerFunction() === SCHEDULER) ? activeEmail() : null,
      jobs: jobStatuses(clock),
      remainingEmailQuota: MailApp.getRemainingDailyQuota(),
    },
  };
}

/**
 * Saves the admin's changes. The view is read before the first write; a new due-soon window re-applies only the
 * conditional formats that read it (three more calls).
 */
export function saveSettings(partial: unknown): SettingsView {
  const clock = openClock();
  const settings = clock.props.settings;
  assertAdmin(settings);
  const patch = parseOrThrow(settingsPatchSchema, partial, settings.locale ?? 'zh-CN');
  const next: Settings = { ...settings };
  for (const [k, v] of Object.entries(patch))
    if (v !== undefined) (next as unknown as Record<string, unknown>)[k] = v;
  const view = viewOf({ ...clock, props: { ...clock.props, settings: next } });
  writeSettings(next);
  if (next.dueSoonDays !== settings.dueSoonDays)
    repairDueSoonFormats(clock.ss, clock.locale, next.dueSoonDays);
  return view;
}
