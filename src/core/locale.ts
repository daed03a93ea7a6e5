// The two locales Task Sync speaks, and how a spreadsheet's locale maps to one of them.
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A text in both locales. */
export interface Bilingual {
  zh: string;
  en: string;
}

export function pick(text: Bilingual, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

/** A text with its `{name}` placeholders filled in (unknown names stay as written). */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Spreadsheet locales such as `zh_CN`, `zh_TW` → zh-CN; anything else → en. */
export function localeFromSpreadsheet(spreadsheetLocale: string): Locale {
  return spreadsheetLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The separator between names in a people list (and other short lists): 、 in Chinese, a comma in English. */
export function peopleSeparator(locale: Locale): string {
  return locale === 'en' ? ', ' : '、';
}

export function isLocale(v: unknown): v is Locale {
  return v === 'zh-CN' || v === 'en';
}
