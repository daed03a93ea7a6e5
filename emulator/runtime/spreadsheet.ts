// Fake SpreadsheetApp and Spreadsheet: the active (bound) file, its sheets, builders, enums and flush.
import { parseA1 } from '../model/a1';
import { canEditProtection, PROTECTED_MESSAGE, sheetById } from '../model/sheet-ops';
import type { ConditionalRule, Rect } from '../world';
import { BooleanCriteriaEnum, ConditionalFormatRule, ConditionalFormatRuleBuilder } from './conditional';
import { charge, gasError } from './context';
import { SIM_COST } from './cost';
import type { Env } from './env';
import { makeProtections, ProtectionType } from './protection';
import { Range } from './range';
import { newSheetState, Sheet } from './sheet';
import type { Ui } from './ui';
import { DataValidationBuilder, DataValidationCriteria } from './validation';

export interface SpreadsheetServices {
  SpreadsheetApp: unknown;
  range: (sheetId: number, rect: Rect) => unknown;
}

export function makeSpreadsheetApp(
  env: Env,
  ui: () => Ui,
  userOf: (email: string) => unknown,
): SpreadsheetServices {
  const { track } = env;
  const sheets = new Map<number, unknown>();
  const range = (sheetId: number, rect: Rect): unknown => track(new Range(rangeDeps, sheetId, rect), 'Range');
  const protections = makeProtections(env, range, userOf);
  const sheet = (id: number): unknown => {
    let s = sheets.get(id);
    if (!s) {
      s = track(new Sheet(sheetDeps, id), 'Sheet');
      sheets.set(id, s);
    }
    return s;
  };
  const conditionalRule = (sheetId: number, state: ConditionalRule): unknown =>
    track(new ConditionalFormatRule(state, sheetId, range), 'ConditionalFormatRule');
  let spreadsheet: unknown;
  const rangeDeps = { env, protections, sheet };
  const sheetDeps = { env, protections, range, spreadsheet: () => spreadsheet, conditionalRule };
  spreadsheet = track(new Spreadsheet(env, sheet, range, protections), 'Spreadsheet');

  const app = {
    DataValidationCriteria,
    ProtectionType,
    BooleanCriteria: BooleanCriteriaEnum,
    WrapStrategy: { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' },
    getActiveSpreadsheet: () => spreadsheet,
    getActive: () => spreadsheet,
    getActiveSheet: () => sheet(env.world.spreadsheet.activeSheetId),
    getUi: () => ui(),
    /** Sends queued writes: a round trip only when there are any. */
    flush: () => {
      if (env.exec.pendingSheetWrites) {
        env.exec.flushes++;
        charge(env.world, env.exec, SIM_COST.flush);
        env.exec.pendingSheetWrites = false;
      }
    },
    newDataValidation: () => track(new DataValidationBuilder(range), 'DataValidationBuilder'),
    newConditionalFormatRule: () =>
      track(new ConditionalFormatRuleBuilder(range), 'ConditionalFormatRuleBuilder'),
    openById: () => {
      throw gasError(
        'You do not have permission to call SpreadsheetApp.openById (spreadsheets.currentonly scope).',
      );
    },
  };
  return { SpreadsheetApp: track(app, 'SpreadsheetApp'), range };
}

export class Spreadsheet {
  constructor(
    private readonly env: Env,
    private readonly sheet: (id: number) => unknown,
    private readonly range: (sheetId: number, rect: Rect) => unknown,
    private readonly protections: ReturnType<typeof makeProtections>,
  ) {}
  private get ss() {
    return this.env.world.spreadsheet;
  }
  getId(): string {
    return this.ss.id;
  }
  getName(): string {
    return this.ss.name;
  }
  rename(name: string): void {
    this.ss.name = String(name);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.ss.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.ss.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    this.ss.timeZone = String(timeZone);
  }
  getSpreadsheetLocale(): string {
    return this.ss.locale;
  }
  getOwner(): unknown {
    return this.env.track({ getEmail: () => this.ss.owner }, 'User');
  }
  getEditors(): unknown[] {
    return this.ss.editors.map((e) => this.env.track({ getEmail: () => e }, 'User'));
  }
  getSheets(): unknown[] {
    return this.ss.sheets.map((s) => this.sheet(s.id));
  }
  getNumSheets(): number {
    return this.ss.sheets.length;
  }
  getSheetByName(name: string): unknown {
    const s = this.ss.sheets.find((x) => x.name === String(name));
    return s ? this.sheet(s.id) : null;
  }
  getActiveSheet(): unknown {
    return this.sheet(this.ss.activeSheetId);
  }
  setActiveSheet(sheet: { sheetId: number }): unknown {
    this.ss.activeSheetId = sheet.sheetId;
    return this.sheet(sheet.sheetId);
  }
  /** insertSheet(), insertSheet(name), insertSheet(name, index) or insertSheet(index). The new sheet becomes active. */
  insertSheet(a?: string | number, b?: number): unknown {
    const name = typeof a === 'string' ? a : `Sheet${this.ss.sheets.length + 1}`;
    const index = typeof a === 'number' ? a : b;
    if (this.ss.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const state = newSheetState(this.ss, name);
    const at =
      index === undefined ? this.ss.sheets.length : Math.max(0, Math.min(index, this.ss.sheets.length));
    this.ss.sheets.splice(at, 0, state);
    this.ss.activeSheetId = state.id;
    return this.sheet(state.id);
  }
  deleteSheet(sheet: { sheetId: number }): void {
    if (this.ss.sheets.length <= 1) throw gasError("You can't remove all the sheets in a document.");
    const state = sheetById(this.ss, sheet.sheetId);
    if (!state) throw gasError('This sheet has been deleted.');
    const user = this.env.exec.effectiveUser;
    if (
      state.protections.some(
        (p) => p.type === 'SHEET' && !p.warningOnly && !canEditProtection(this.ss, p, user),
      )
    ) {
      throw gasError(PROTECTED_MESSAGE);
    }
    this.ss.sheets = this.ss.sheets.filter((s) => s.id !== sheet.sheetId);
    if (this.ss.activeSheetId === sheet.sheetId) this.ss.activeSheetId = this.ss.sheets[0]!.id;
  }
  getRange(a1: string): unknown {
    const bang = a1.lastIndexOf('!');
    const sheetName = bang >= 0 ? parseA1(a1, 1, 1)?.sheet : null;
    const state = sheetName
      ? this.ss.sheets.find((s) => s.name === sheetName)
      : sheetById(this.ss, this.ss.activeSheetId);
    if (!state) throw gasError('Range not found');
    const parsed = parseA1(a1, state.maxRows, state.maxCols);
    if (!parsed) throw gasError('Range not found');
    return this.range(state.id, parsed.rect);
  }
  getProtections(type: string): unknown[] {
    return this.ss.sheets.flatMap((s) =>
      s.protections.filter((p) => p.type === String(type)).map((p) => this.protections.wrap(s.id, p)),
    );
  }
  toast(message: string, title?: string): void {
    this.env.world.ui.toasts.push({ message: String(message), title: title ? String(title) : '' });
  }
}
