// Applies a cell's data-validation rule to a value a user typed (script writes are never validated).

import {
  type CellValue,
  isDateCell,
  isFormulaCell,
  type RectRule,
  type SheetState,
  type SpreadsheetState,
  type ValidationRule,
} from '../world';
import { instantToWall } from './datefmt';
import { compileFormula, type FormulaContext, type FormulaValue, isTruthy } from './formula';
import { contains } from './rects';
import { cellAt, lastRow, sheetById } from './sheet-ops';
import { displayValue, wallToSerial } from './values';

export function ruleEntryAt(
  sheet: SheetState,
  row: number,
  col: number,
): RectRule<ValidationRule | null> | undefined {
  for (let i = sheet.validations.length - 1; i >= 0; i--) {
    const r = sheet.validations[i]!;
    if (contains(r, row, col)) return r;
  }
  return undefined;
}

function toFormulaValue(v: CellValue): FormulaValue {
  if (v === '') return null;
  if (isDateCell(v)) return v.d;
  if (isFormulaCell(v)) return '#ERROR!';
  return v;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Today's serial day number in the spreadsheet's time zone. */
export function todaySerial(ss: SpreadsheetState, now: number): number {
  return Math.floor(wallToSerial(instantToWall(now, ss.timeZone)));
}

/**
 * Whether `value` may go into the cell under its validation rule. Empty values always pass (clearing is allowed);
 * rules that only warn (allowInvalid) pass too, with `warning` set.
 */
export function validateUserValue(
  ss: SpreadsheetState,
  sheet: SheetState,
  row: number,
  col: number,
  value: CellValue,
  now: number,
): { ok: boolean; warning: boolean; helpText: string } {
  const entry = ruleEntryAt(sheet, row, col);
  const rule = entry?.v;
  if (!entry || !rule || value === '') return { ok: true, warning: false, helpText: '' };
  const valid = satisfies(ss, sheet, entry as RectRule<ValidationRule>, row, col, value, now);
  if (valid) return { ok: true, warning: false, helpText: '' };
  return { ok: rule.allowInvalid, warning: rule.allowInvalid, helpText: rule.helpText };
}

function satisfies(
  ss: SpreadsheetState,
  sheet: SheetState,
  entry: RectRule<ValidationRule>,
  row: number,
  col: number,
  value: CellValue,
  now: number,
): boolean {
  const rule = entry.v;
  const text = displayValue(value, '');
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return (rule.args[0] as string[]).includes(text);
    case 'VALUE_IN_RANGE': {
      const ref = rule.args[0] as RectRule<unknown> & { sheetId: number };
      const source = sheetById(ss, ref.sheetId);
      if (!source) return false;
      for (let r = ref.r1; r <= Math.min(ref.r2, lastRow(source)); r++) {
        for (let c = ref.c1; c <= ref.c2; c++)
          if (displayValue(cellAt(source, r, c), '') === text) return true;
      }
      return false;
    }
    case 'NUMBER_BETWEEN':
      return (
        typeof value === 'number' && value >= (rule.args[0] as number) && value <= (rule.args[1] as number)
      );
    case 'DATE_IS_VALID_DATE':
      return isDateCell(value);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && EMAIL.test(value);
    case 'CHECKBOX':
      return typeof value === 'boolean';
    case 'CUSTOM_FORMULA': {
      const ctx: FormulaContext = {
        cell: (name, r, c) => {
          const target = name === null ? sheet : ss.sheets.find((s) => s.name === name);
          if (!target) return null;
          if (target === sheet && r === row && c === col) return toFormulaValue(value);
          return toFormulaValue(cellAt(target, r, c));
        },
        lastRow: (name) => {
          const target = name === null ? sheet : ss.sheets.find((s) => s.name === name);
          return target ? Math.max(lastRow(target), target === sheet ? row : 0) : 0;
        },
        today: () => todaySerial(ss, now),
      };
      return isTruthy(
        compileFormula(String(rule.args[0])).evaluate({ row: entry.r1, col: entry.c1 }, { row, col }, ctx),
      );
    }
  }
}
