// Small UI helpers: show a sidebar or a message when a UI is attached, and stay silent when run by a trigger.

import { DEFAULT_LOCALE, type Locale } from '../core/locale';
import { readSettings } from './settings';

/** An alert when a person is looking (menu run); nothing when run by a trigger or from tests without a UI. */
export function tellUser(title: string, message: string): void {
  try {
    SpreadsheetApp.getUi().alert(title, message, SpreadsheetApp.getUi().ButtonSet.OK);
  } catch {
    // No UI in this context (time-driven trigger, API run): the return value carries the message.
  }
}

export function currentLocale(): Locale {
  return readSettings().locale ?? DEFAULT_LOCALE;
}
