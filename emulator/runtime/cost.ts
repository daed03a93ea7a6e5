// Classifies every fake service method as a read, write, meta or local call, and what each costs in simulated time.
import type { CallKind } from '../world';

const READS: Record<string, string[]> = {
  Range: [
    'getValues',
    'getValue',
    'getDisplayValues',
    'getDisplayValue',
    'getFormulas',
    'getFormula',
    'getNotes',
    'getNote',
    'getNumberFormats',
    'getNumberFormat',
    'getDataValidations',
    'getDataValidation',
    'getFontWeights',
    'getFontWeight',
    'getBackgrounds',
    'getBackground',
    'getFontColors',
    'getFontColor',
  ],
  Sheet: [
    'getLastRow',
    'getLastColumn',
    'getMaxRows',
    'getMaxColumns',
    'getFrozenRows',
    'getColumnWidth',
    'isSheetHidden',
    'getProtections',
    'getConditionalFormatRules',
    'getCharts',
    'isColumnHiddenByUser',
    'getDataRange',
    'getSheetValues',
  ],
  Spreadsheet: [
    'getSheets',
    'getSheetByName',
    'getSpreadsheetTimeZone',
    'getSpreadsheetLocale',
    'getProtections',
    'getEditors',
    'getOwner',
    'getNumSheets',
  ],
  Protection: [
    'getEditors',
    'isWarningOnly',
    'getDescription',
    'getRange',
    'canDomainEdit',
    'getUnprotectedRanges',
    'canEdit',
    'getProtectionType',
  ],
  Properties: ['getProperty', 'getProperties', 'getKeys'],
  ScriptApp: ['getProjectTriggers', 'getUserTriggers'],
  MailApp: ['getRemainingDailyQuota'],
};

const WRITES: Record<string, string[]> = {
  Range: [
    'setValues',
    'setValue',
    'setNumberFormat',
    'setNumberFormats',
    'setDataValidation',
    'setDataValidations',
    'clearDataValidations',
    'setNote',
    'setNotes',
    'clearNote',
    'clearContent',
    'clear',
    'clearFormat',
    'setFontWeight',
    'setFontWeights',
    'setBackground',
    'setBackgrounds',
    'setFontColor',
    'setHorizontalAlignment',
    'setWrap',
    'protect',
  ],
  Sheet: [
    'appendRow',
    'insertRowsAfter',
    'insertRowsBefore',
    'insertRowAfter',
    'insertRowBefore',
    'deleteRow',
    'deleteRows',
    'insertColumnsAfter',
    'deleteColumns',
    'setFrozenRows',
    'setColumnWidth',
    'setColumnWidths',
    'hideSheet',
    'showSheet',
    'setName',
    'protect',
    'setConditionalFormatRules',
    'insertChart',
    'removeChart',
    'clear',
    'clearContents',
    'setTabColor',
    'activate',
    'hideColumns',
    'showColumns',
  ],
  Spreadsheet: ['insertSheet', 'deleteSheet', 'setSpreadsheetTimeZone', 'setActiveSheet', 'rename'],
  Protection: [
    'setDescription',
    'setWarningOnly',
    'addEditor',
    'addEditors',
    'removeEditor',
    'removeEditors',
    'setDomainEdit',
    'remove',
    'setUnprotectedRanges',
  ],
  Properties: ['setProperty', 'setProperties', 'deleteProperty', 'deleteAllProperties'],
  ScriptApp: ['deleteTrigger'],
  TriggerBuilder: ['create'],
  MailApp: ['sendEmail'],
  Lock: ['tryLock', 'waitLock', 'releaseLock'],
};

/** Classes whose getters are local snapshots or builders: no round trip. */
const LOCAL_CLASSES = new Set([
  'DataValidationBuilder',
  'DataValidation',
  'ConditionalFormatRuleBuilder',
  'ConditionalFormatRule',
  'BooleanCondition',
  'Color',
  'RgbColor',
  'TriggerBuilder',
  'ClockTriggerBuilder',
  'SpreadsheetTriggerBuilder',
  'Trigger',
  'Utilities',
  'Logger',
  'HtmlService',
  'HtmlOutput',
  'HtmlTemplate',
  'User',
  'EmbeddedChartBuilder',
  'Menu',
  'Session',
]);

/** Services that talk to the spreadsheet: their writes are batched and flushed by the next read. */
export const SHEET_CLASSES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'Protection',
  'EmbeddedChart',
]);

const table = new Map<string, CallKind>();
for (const [cls, names] of Object.entries(READS)) for (const n of names) table.set(`${cls}.${n}`, 'read');
for (const [cls, names] of Object.entries(WRITES)) for (const n of names) table.set(`${cls}.${n}`, 'write');

export function classify(cls: string, method: string): CallKind {
  const kind = table.get(`${cls}.${method}`);
  if (kind) return kind;
  if (cls === 'TriggerBuilder' || cls === 'ClockTriggerBuilder' || cls === 'SpreadsheetTriggerBuilder') {
    return method === 'create' ? 'write' : 'local';
  }
  return LOCAL_CLASSES.has(cls) ? 'local' : 'meta';
}

/** Illustrative simulated costs in ms (not measured): a read or flush is a round trip, writes are queued. */
export const SIM_COST: Record<CallKind | 'flush' | 'email', number> = {
  read: 60,
  write: 15,
  flush: 60,
  meta: 1,
  local: 0.1,
  email: 300,
};
