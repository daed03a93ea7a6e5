// Fake SpreadsheetApp.Range: values, display values, formulas, notes, formats, validations and styles of a rectangle.
import { rectToA1 } from '../model/a1';
import { covers, ruleGrid, setGrid, setRule } from '../model/rects';
import { cellAt, checkProtection, PROTECTED_MESSAGE, setCell, sheetById } from '../model/sheet-ops';
import { displayValue } from '../model/values';
import { type CellStyle, isFormulaCell, type Rect, type SheetState, type ValidationRule } from '../world';
import { gasError } from './context';
import { cellToScript, type Env, scriptToCell, typeName } from './env';
import type { ProtectionFactory } from './protection';
import { DataValidation, validationState } from './validation';

export interface RangeDeps {
  env: Env;
  protections: ProtectionFactory;
  /** Wraps a sheet id as a tracked Sheet. */
  sheet: (id: number) => unknown;
}

export class Range {
  constructor(
    private readonly deps: RangeDeps,
    readonly sheetId: number,
    readonly rect: Rect,
  ) {}

  private state(): SheetState {
    const s = sheetById(this.deps.env.world.spreadsheet, this.sheetId);
    if (!s) throw gasError('The sheet this range belongs to has been deleted.');
    return s;
  }

  private get rows(): number {
    return this.rect.r2 - this.rect.r1 + 1;
  }
  private get cols(): number {
    return this.rect.c2 - this.rect.c1 + 1;
  }

  /** Script writes are subject to protections, except warning-only ones (scripts never see the warning). */
  private assertEditable(): SheetState {
    const sheet = this.state();
    const { world, exec } = this.deps.env;
    if (checkProtection(world.spreadsheet, sheet, this.rect, exec.effectiveUser).blockedBy)
      throw gasError(PROTECTED_MESSAGE);
    return sheet;
  }

  private grid<T>(read: (sheet: SheetState, row: number, col: number) => T): T[][] {
    const sheet = this.state();
    const out: T[][] = [];
    for (let r = this.rect.r1; r <= this.rect.r2; r++) {
      const line: T[] = [];
      for (let c = this.rect.c1; c <= this.rect.c2; c++) line.push(read(sheet, r, c));
      out.push(line);
    }
    return out;
  }

  private eachCell(fn: (row: number, col: number) => void): void {
    for (let r = this.rect.r1; r <= this.rect.r2; r++)
      for (let c = this.rect.c1; c <= this.rect.c2; c++) fn(r, c);
  }

  private formatGrid(sheet: SheetState): string[][] {
    return ruleGrid(sheet.formats, this.rect, '');
  }

  getValues(): unknown[][] {
    const env = this.deps.env;
    return this.grid((s, r, c) => cellToScript(env, cellAt(s, r, c)));
  }
  getValue(): unknown {
    return cellToScript(this.deps.env, cellAt(this.state(), this.rect.r1, this.rect.c1));
  }
  getDisplayValues(): string[][] {
    const sheet = this.state();
    const formats = this.formatGrid(sheet);
    return this.grid((s, r, c) =>
      displayValue(cellAt(s, r, c), formats[r - this.rect.r1]![c - this.rect.c1]!),
    );
  }
  getDisplayValue(): string {
    return this.getDisplayValues()[0]![0]!;
  }
  getFormulas(): string[][] {
    return this.grid((s, r, c) => {
      const v = cellAt(s, r, c);
      return isFormulaCell(v) ? v.f : '';
    });
  }
  getFormula(): string {
    return this.getFormulas()[0]![0]!;
  }

  setValues(values: unknown): Range {
    const method = 'SpreadsheetApp.Range.setValues';
    if (!Array.isArray(values) || !values.every((row) => Array.isArray(row))) {
      throw gasError(`The parameters (${typeName(values)}) don't match the method signature for ${method}.`);
    }
    if (values.length !== this.rows) {
      throw gasError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.rows}.`,
      );
    }
    for (const row of values as unknown[][]) {
      if (row.length !== this.cols) {
        throw gasError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.cols}.`,
        );
      }
    }
    const sheet = this.assertEditable();
    const formats = this.formatGrid(sheet);
    const env = this.deps.env;
    (values as unknown[][]).forEach((row, i) => {
      row.forEach((v, j) => {
        setCell(sheet, this.rect.r1 + i, this.rect.c1 + j, scriptToCell(env, v, formats[i]![j]!, method));
      });
    });
    return this;
  }
  setValue(value: unknown): Range {
    const sheet = this.assertEditable();
    const formats = this.formatGrid(sheet);
    const env = this.deps.env;
    this.eachCell((r, c) => {
      const format = formats[r - this.rect.r1]![c - this.rect.c1]!;
      setCell(sheet, r, c, scriptToCell(env, value, format, 'SpreadsheetApp.Range.setValue'));
    });
    return this;
  }
  clearContent(): Range {
    const sheet = this.assertEditable();
    this.eachCell((r, c) => setCell(sheet, r, c, ''));
    return this;
  }
  clearFormat(): Range {
    const sheet = this.assertEditable();
    sheet.formats = setRule(sheet.formats, this.rect, '');
    sheet.styles = setRule(sheet.styles, this.rect, {});
    return this;
  }
  clear(): Range {
    this.clearContent();
    this.clearFormat();
    return this.clearDataValidations();
  }

  getNotes(): string[][] {
    return this.grid((s, r, c) => s.notes[`${r}:${c}`] ?? '');
  }
  getNote(): string {
    return this.getNotes()[0]![0]!;
  }
  setNote(note: string | null): Range {
    const sheet = this.assertEditable();
    this.eachCell((r, c) => {
      if (note) sheet.notes[`${r}:${c}`] = String(note);
      else delete sheet.notes[`${r}:${c}`];
    });
    return this;
  }
  setNotes(notes: unknown[][]): Range {
    const sheet = this.assertEditable();
    this.checkShape(notes, 'setNotes');
    notes.forEach((row, i) => {
      row.forEach((n, j) => {
        const key = `${this.rect.r1 + i}:${this.rect.c1 + j}`;
        if (n) sheet.notes[key] = String(n);
        else delete sheet.notes[key];
      });
    });
    return this;
  }
  clearNote(): Range {
    return this.setNote(null);
  }

  private checkShape(values: unknown, method: string): asserts values is unknown[][] {
    if (
      !Array.isArray(values) ||
      values.length !== this.rows ||
      values.some((r) => !Array.isArray(r) || r.length !== this.cols)
    ) {
      throw gasError(
        `The data does not match the dimensions of the range in SpreadsheetApp.Range.${method}.`,
      );
    }
  }

  getNumberFormats(): string[][] {
    return this.formatGrid(this.state()).map((row) => row.map((f) => f || 'General'));
  }
  getNumberFormat(): string {
    return this.getNumberFormats()[0]![0]!;
  }
  setNumberFormat(format: string): Range {
    const sheet = this.assertEditable();
    sheet.formats = setRule(sheet.formats, this.rect, String(format));
    return this;
  }
  setNumberFormats(formats: unknown[][]): Range {
    const sheet = this.assertEditable();
    this.checkShape(formats, 'setNumberFormats');
    const grid = formats.map((row) => row.map((f) => String(f)));
    sheet.formats = setGrid(sheet.formats, this.rect, grid, (f) => f);
    return this;
  }

  getDataValidations(): (DataValidation | null)[][] {
    const env = this.deps.env;
    const rangeOf = (sheetId: number, rect: Rect) => env.track(new Range(this.deps, sheetId, rect), 'Range');
    const wrapped = new Map<ValidationRule, DataValidation>();
    const wrap = (rule: ValidationRule) => {
      const known = wrapped.get(rule);
      if (known) return known;
      const v = env.track(new DataValidation(rule, rangeOf), 'DataValidation');
      wrapped.set(rule, v);
      return v;
    };
    return ruleGrid<ValidationRule | null>(this.state().validations, this.rect, null).map((row) =>
      row.map((rule) => (rule ? wrap(rule) : null)),
    );
  }
  getDataValidation(): DataValidation | null {
    return this.getDataValidations()[0]![0]!;
  }
  setDataValidation(rule: DataValidation | null): Range {
    const state = validationState(rule, 'setDataValidation');
    const sheet = this.assertEditable();
    sheet.validations = setRule(sheet.validations, this.rect, state);
    return this;
  }
  setDataValidations(rules: (DataValidation | null)[][]): Range {
    const sheet = this.assertEditable();
    this.checkShape(rules, 'setDataValidations');
    const states = new Map<unknown, ValidationRule | null>();
    const grid = rules.map((row) =>
      row.map((rule) => {
        if (!states.has(rule)) states.set(rule, validationState(rule, 'setDataValidations'));
        return states.get(rule)!;
      }),
    );
    sheet.validations = setGrid(sheet.validations, this.rect, grid, (v) => JSON.stringify(v));
    return this;
  }
  clearDataValidations(): Range {
    return this.setDataValidation(null);
  }

  private styleGrid<K extends keyof CellStyle>(
    key: K,
    fallback: NonNullable<CellStyle[K]>,
  ): NonNullable<CellStyle[K]>[][] {
    const sheet = this.state();
    const out: NonNullable<CellStyle[K]>[][] = [];
    for (let r = this.rect.r1; r <= this.rect.r2; r++) {
      const line: NonNullable<CellStyle[K]>[] = [];
      for (let c = this.rect.c1; c <= this.rect.c2; c++) {
        let v: CellStyle[K] | undefined;
        for (let i = sheet.styles.length - 1; i >= 0 && v === undefined; i--) {
          const rule = sheet.styles[i]!;
          if (r >= rule.r1 && r <= rule.r2 && c >= rule.c1 && c <= rule.c2 && rule.v[key] !== undefined)
            v = rule.v[key];
        }
        line.push((v ?? fallback) as NonNullable<CellStyle[K]>);
      }
      out.push(line);
    }
    return out;
  }
  private setStyle(style: CellStyle): Range {
    this.assertEditable();
    this.layerStyle(this.rect, style);
    return this;
  }
  /** Layers a style over a rectangle; older rules it hides completely lose the keys it sets. */
  private layerStyle(rect: Rect, style: CellStyle): void {
    const sheet = this.state();
    sheet.styles = [
      ...this.stylesOutside(rect, Object.keys(style) as (keyof CellStyle)[]),
      { ...rect, v: style },
    ];
  }
  /** The style rules with `keys` removed from those the rectangle hides completely (emptied rules dropped). */
  private stylesOutside(rect: Rect, keys: (keyof CellStyle)[]): SheetState['styles'] {
    return this.state().styles.flatMap((rule) => {
      if (!covers(rect, rule)) return [rule];
      const v = { ...rule.v };
      for (const k of keys) delete v[k];
      return Object.keys(v).length ? [{ ...rule, v }] : [];
    });
  }
  getFontWeights(): string[][] {
    return this.styleGrid('fontWeight', 'normal');
  }
  getFontWeight(): string {
    return this.getFontWeights()[0]![0]!;
  }
  setFontWeight(weight: string | null): Range {
    return this.setStyle({ fontWeight: weight ?? 'normal' });
  }
  getBackgrounds(): string[][] {
    return this.styleGrid('background', '#ffffff');
  }
  getBackground(): string {
    return this.getBackgrounds()[0]![0]!;
  }
  setBackground(color: string | null): Range {
    return this.setStyle({ background: color ?? '#ffffff' });
  }
  /** A value per cell, layered as one rule per run of equal values down each column (not one per cell). */
  private setStyles<K extends keyof CellStyle>(key: K, grid: unknown, method: string): Range {
    this.checkShape(grid, method);
    const runs = setGrid([], this.rect, grid as CellStyle[K][][], (v) => String(v));
    this.state().styles = [
      ...this.stylesOutside(this.rect, [key]),
      ...runs.map(({ v, ...rect }) => ({ ...rect, v: { [key]: v } as CellStyle })),
    ];
    return this;
  }
  setFontWeights(weights: unknown[][]): Range {
    return this.setStyles(
      'fontWeight',
      weights.map((row) => row.map((w) => w ?? 'normal')),
      'setFontWeights',
    );
  }
  setBackgrounds(colors: unknown[][]): Range {
    return this.setStyles(
      'background',
      colors.map((row) => row.map((c) => c ?? '#ffffff')),
      'setBackgrounds',
    );
  }
  getFontColors(): string[][] {
    return this.styleGrid('fontColor', '#000000');
  }
  getFontColor(): string {
    return this.getFontColors()[0]![0]!;
  }
  setFontColor(color: string | null): Range {
    return this.setStyle({ fontColor: color ?? '#000000' });
  }
  setHorizontalAlignment(alignment: string | null): Range {
    return this.setStyle({ horizontalAlignment: alignment ?? 'general' });
  }
  setWrap(wrap: boolean): Range {
    return this.setStyle({ wrap: Boolean(wrap) });
  }

  getRow(): number {
    return this.rect.r1;
  }
  getColumn(): number {
    return this.rect.c1;
  }
  getLastRow(): number {
    return this.rect.r2;
  }
  getLastColumn(): number {
    return this.rect.c2;
  }
  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.cols;
  }
  getA1Notation(): string {
    return rectToA1(this.rect);
  }
  getGridId(): number {
    return this.sheetId;
  }
  getSheet(): unknown {
    return this.deps.sheet(this.sheetId);
  }
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this.rows || column > this.cols)
      throw gasError('Cell reference out of range');
    const r = this.rect.r1 + row - 1;
    const c = this.rect.c1 + column - 1;
    return this.deps.env.track(new Range(this.deps, this.sheetId, { r1: r, c1: c, r2: r, c2: c }), 'Range');
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const r1 = this.rect.r1 + rowOffset;
    const c1 = this.rect.c1 + columnOffset;
    const rect = { r1, c1, r2: r1 + (numRows ?? this.rows) - 1, c2: c1 + (numColumns ?? this.cols) - 1 };
    if (r1 < 1 || c1 < 1)
      throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
    return this.deps.env.track(new Range(this.deps, this.sheetId, rect), 'Range');
  }
  activate(): Range {
    return this;
  }
  protect(): unknown {
    this.state();
    return this.deps.protections.create(this.sheetId, 'RANGE', this.rect);
  }
}
