// The emulator's whole state as plain, JSON-safe data: one spreadsheet, properties, triggers, mail, locks, UI and call logs.

/** A date/time cell: serial days since 1899-12-30 in the spreadsheet's wall clock, as Sheets stores it. */
export interface DateCell {
  d: number;
}
/** A formula cell (the emulator stores formulas but does not compute them). */
export interface FormulaCell {
  f: string;
}
export type CellValue = string | number | boolean | DateCell | FormulaCell;

/** An inclusive, 1-based rectangle of cells. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}
/** A value that applies to a rectangle; later entries win where they overlap. */
export interface RectRule<T> extends Rect {
  v: T;
}

export type ValidationCriteria =
  | 'VALUE_IN_LIST'
  | 'VALUE_IN_RANGE'
  | 'NUMBER_BETWEEN'
  | 'DATE_IS_VALID_DATE'
  | 'CUSTOM_FORMULA'
  | 'TEXT_IS_VALID_EMAIL'
  | 'CHECKBOX';

/** A range reference stored inside a rule: by sheet id so renames keep it valid. */
export interface RangeRef extends Rect {
  sheetId: number;
}

export interface ValidationRule {
  criteria: ValidationCriteria;
  /** VALUE_IN_LIST: [string[]]; VALUE_IN_RANGE: [RangeRef]; NUMBER_BETWEEN: [min, max]; CUSTOM_FORMULA: [formula]. */
  args: unknown[];
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText: string;
}

export interface CellStyle {
  fontWeight?: string;
  background?: string;
  fontColor?: string;
  horizontalAlignment?: string;
  wrap?: boolean;
}

export type BooleanCriteria = 'CUSTOM_FORMULA' | 'NUMBER_EQUAL_TO' | 'TEXT_EQUAL_TO' | 'CELL_EMPTY';

export interface ConditionalRule {
  ranges: Rect[];
  criteria: BooleanCriteria;
  args: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export interface ProtectionState {
  id: number;
  type: 'RANGE' | 'SHEET';
  /** The protected rectangle (for SHEET: the whole sheet, kept for convenience). */
  rect: Rect;
  description: string;
  warningOnly: boolean;
  /** null until a script changes the editor list: the protection then mirrors the file's editors (no effect). */
  editors: string[] | null;
  domainEdit: boolean;
  unprotected: Rect[];
}

export interface ChartState {
  id: number;
  type: string;
  ranges: Rect[];
  /** The title option (kept apart from the other options). */
  title: string;
  /** The anchor cell and the pixel offset from its top-left corner. */
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface SheetState {
  id: number;
  name: string;
  hidden: boolean;
  frozenRows: number;
  maxRows: number;
  maxCols: number;
  /** rows[r][c] is the cell at row r+1, column c+1; rows may be shorter than maxCols (missing = ''). */
  rows: CellValue[][];
  /** Cell notes keyed `${row}:${col}` (1-based). */
  notes: Record<string, string>;
  formats: RectRule<string>[];
  validations: RectRule<ValidationRule | null>[];
  styles: RectRule<CellStyle>[];
  columnWidths: Record<string, number>;
  /** Columns (1-based) hidden with hideColumns. */
  hiddenColumns: number[];
  protections: ProtectionState[];
  conditionalRules: ConditionalRule[];
  charts: ChartState[];
}

export interface SpreadsheetState {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  owner: string;
  /** Everyone who may open and edit the file (the owner included). */
  editors: string[];
  sheets: SheetState[];
  activeSheetId: number;
}

export interface ClockSpec {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  at?: number;
}

export interface TriggerState {
  uid: string;
  handler: string;
  owner: string;
  eventType: 'CLOCK' | 'ON_EDIT' | 'ON_OPEN' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  source: 'CLOCK' | 'SPREADSHEETS';
  sourceId: string;
  clock?: ClockSpec;
  /** Minute offset chosen at creation, as Apps Script picks a random minute for hourly/daily triggers. */
  minuteOffset: number;
  createdAt: number;
  lastRun?: number;
}

export interface MailMessage {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  replyTo: string;
  from: string;
  sentAt: string;
}

export interface UiState {
  sidebar: { title: string; html: string } | null;
  dialogs: { title: string; html: string; modal: boolean }[];
  alerts: { title: string; prompt: string; buttons: string }[];
  toasts: { message: string; title: string }[];
  menus: { title: string; items: ({ caption: string; functionName: string } | { separator: true })[] }[];
  /** Answers the next ui.prompt()/alert() calls take, in order: a string (OK + text) or null (Cancel/close). */
  pendingAnswers: (string | null)[];
}

export interface LogEntry {
  at: string;
  exec: number;
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
}

export type CallKind = 'read' | 'write' | 'meta' | 'local';
export interface CallRecord {
  api: string;
  kind: CallKind;
  service: string;
  /** This read had to flush writes made earlier in the same execution (a read-after-write round trip). */
  flush: boolean;
}

export interface ExecutionMetrics {
  exec: number;
  fn: string;
  user: string;
  calls: number;
  /** Reads and writes of the spreadsheet (SpreadsheetApp, Spreadsheet, Sheet, Range, Protection). */
  sheetCalls: number;
  reads: number;
  writes: number;
  meta: number;
  local: number;
  flushes: number;
  emails: number;
  recipients: number;
  simMs: number;
  /** Local CPU time of the execution in ms (the script and the emulator's fake services together). */
  cpuMs: number;
  /**
   * The most heap the execution held above the heap at its start (after a full collection), in MB, sampled at every
   * service call, garbage not yet collected included; only with the emulator's measureHeap option.
   */
  peakHeapMb?: number;
  byApi: Record<string, number>;
  ok: boolean;
  error?: string;
}

export interface WorldConfig {
  /** 'addon': ScriptApp enforces the editor add-on's one-trigger-per-type-per-user-per-document rule. */
  mode: 'addon' | 'bound';
  /** 'domain': simple triggers and other users' executions can see the active user; 'consumer': they get ''. */
  identity: 'domain' | 'consumer';
  /** Recipients per day (consumer 100, Workspace 1,500). */
  mailDailyQuota: number;
  /** Seed of the deterministic random source (trigger minutes, UUIDs). */
  seed: number;
}

/** Bumped whenever the shape changes, so a saved playground from an older build starts over. */
export const WORLD_VERSION = 2;

export interface World {
  version: number;
  clock: { now: number };
  config: WorldConfig;
  spreadsheet: SpreadsheetState;
  properties: {
    script: Record<string, string>;
    document: Record<string, string>;
    user: Record<string, Record<string, string>>;
  };
  triggers: TriggerState[];
  outbox: MailMessage[];
  /** Recipients used per quota day (keyed yyyy-MM-dd in America/Los_Angeles, where the quota day turns). */
  mailUsed: Record<string, number>;
  /** Lock scope → id of the execution holding it. */
  locks: Record<string, number>;
  ui: UiState;
  logs: LogEntry[];
  /** Metrics of recent executions, newest last (bounded). */
  executions: ExecutionMetrics[];
  seq: number;
}

export function emptySheet(id: number, name: string): SheetState {
  return {
    id,
    name,
    hidden: false,
    frozenRows: 0,
    maxRows: 1000,
    maxCols: 26,
    rows: [],
    notes: {},
    formats: [],
    validations: [],
    styles: [],
    columnWidths: {},
    hiddenColumns: [],
    protections: [],
    conditionalRules: [],
    charts: [],
  };
}

export interface NewWorldOptions {
  now: number;
  timeZone: string;
  locale: string;
  owner: string;
  editors?: string[];
  name?: string;
  config?: Partial<WorldConfig>;
}

/** A world with one spreadsheet holding one empty sheet, as a new Google Sheets file has. */
export function createWorld(opts: NewWorldOptions): World {
  const firstSheet = emptySheet(0, opts.locale.startsWith('zh') ? '工作表1' : 'Sheet1');
  return {
    version: WORLD_VERSION,
    clock: { now: opts.now },
    config: { mode: 'addon', identity: 'domain', mailDailyQuota: 100, seed: 1, ...opts.config },
    spreadsheet: {
      id: '1TaskSyncEmulatorSpreadsheet',
      name: opts.name ?? 'Task Sync',
      timeZone: opts.timeZone,
      locale: opts.locale,
      owner: opts.owner,
      editors: [...new Set([opts.owner, ...(opts.editors ?? [])])],
      sheets: [firstSheet],
      activeSheetId: 0,
    },
    properties: { script: {}, document: {}, user: {} },
    triggers: [],
    outbox: [],
    mailUsed: {},
    locks: {},
    ui: { sidebar: null, dialogs: [], alerts: [], toasts: [], menus: [], pendingAnswers: [] },
    logs: [],
    executions: [],
    seq: 1,
  };
}

export function isDateCell(v: unknown): v is DateCell {
  return typeof v === 'object' && v !== null && 'd' in v;
}
export function isFormulaCell(v: unknown): v is FormulaCell {
  return typeof v === 'object' && v !== null && 'f' in v;
}
