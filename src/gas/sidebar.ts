// The sidebar: opening it from the menu, and the one call its first paint needs (getSidebarModel).
import { readSubtasks, readTasks } from '../core/records';
import { buildSidebarModel, type SidebarModel } from '../core/sidebar-model';
import { t } from '../core/strings';
import { openSession } from './session';
import { readTable } from './tables';
import { currentLocale } from './ui';

export function openSidebar(): void {
  const locale = currentLocale();
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t('sidebar.title', locale));
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Six reads whatever the size: settings, time zone, sheet list, Team, overview and progress. */
export function getSidebarModel(): SidebarModel {
  const s = openSession();
  const overview = readTable(s.byName, 'overview', s.locale);
  const progress = readTable(s.byName, 'progress', s.locale);
  return buildSidebarModel({
    actor: s.actor,
    isAdmin: s.actor.email !== '' && s.actor.email === s.settings.admin.toLowerCase(),
    locale: s.locale,
    timeZone: s.timeZone,
    today: s.today,
    members: s.members,
    tasks: readTasks(overview.values, overview.cols, s),
    subtasks: readSubtasks(progress.values, progress.cols, s),
    archivedIds: Object.entries(s.archivedSeq).map(
      ([prefixYear, seq]) => `${prefixYear}-${String(seq).padStart(3, '0')}`,
    ),
    settings: s.settings,
  });
}
