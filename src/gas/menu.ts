// The add-on menu (SPEC §11): built with createAddonMenu so it works bound and as an add-on, even in AuthMode.NONE.
import { DEFAULT_LOCALE, type Locale, localeFromSpreadsheet } from '../core/locale';
import { t } from '../core/strings';
import { readSettings } from './settings';

/** Menu items and the top-level functions they call; later features add theirs here. */
const MENU_ITEMS = [
  { key: 'menu.openSidebar', fn: 'openSidebar' },
  { key: 'menu.setup', fn: 'setupSheets' },
  { key: 'menu.installJobs', fn: 'installDailyJobs' },
  { key: 'menu.sendDigest', fn: 'sendDigestNow' },
  { key: 'menu.dashboard', fn: 'refreshDashboard' },
  { key: 'menu.review', fn: 'generateReview' },
  { key: 'menu.health', fn: 'runHealthCheck' },
  { key: 'menu.archiveNow', fn: 'archiveNow' },
  { key: 'menu.restore', fn: 'restoreFromArchive' },
  { key: 'menu.about', fn: 'showAbout' },
] as const;

/** In AuthMode.NONE nothing but the menu builder may be touched, so the locale falls back to the default. */
function menuLocale(authMode: unknown): Locale {
  if (String(authMode) === 'NONE') return DEFAULT_LOCALE;
  try {
    return (
      readSettings().locale ??
      localeFromSpreadsheet(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale())
    );
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function buildMenu(e?: { authMode?: unknown }): void {
  const locale = menuLocale(e?.authMode);
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(t(item.key, locale), item.fn);
  menu.addToUi();
}
