// Pure operations on the emulator's sheet state, shared by the fake services and the host (user edits, playground).
import {
  type CellValue,
  isDateCell,
  isFormulaCell,
  type ProtectionState,
  type Rect,
  type SheetState,
  type SpreadsheetState,
} from '../world';
import { type Axis, contains, intersects, shiftAll, shiftRect } from './rects';

export function sheetById(ss: SpreadsheetState, id: number): SheetState | undefined {
  return ss.sheets.find((s) => s.id === id);
}

export function cellAt(sheet: SheetState, row: number, col: number): CellValue {
  return sheet.rows[row - 1]?.[col - 1] ?? '';
}

export function isEmptyCell(v: CellValue | undefined): boolean {
  return v === undefined || v === '';
}

export function setCell(sheet: SheetState, row: number, col: number, v: CellValue): void {
  let line = sheet.rows[row - 1];
  if (!line) {
    if (v === '') return;
    while (sheet.rows.length < row) sheet.rows.push([]);
    line = sheet.rows[row - 1]!;
  }
  while (line.length < col - 1) line.push('');
  line[col - 1] = v;
}

export function lastRow(sheet: SheetState): number {
  for (let r = sheet.rows.length; r >= 1; r--) {
    if (sheet.rows[r - 1]!.some((v) => !isEmptyCell(v))) return r;
  }
  return 0;
}

export function lastColumn(sheet: SheetState): number {
  let max = 0;
  for (const line of sheet.rows) {
    for (let c = line.length; c > max; c--) {
      if (!isEmptyCell(line[c - 1])) {
        max = c;
        break;
      }
    }
  }
  return max;
}

function shiftNotes(
  notes: Record<string, string>,
  axis: Axis,
  after: number,
  count: number,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(notes)) {
    const [r, c] = key.split(':').map(Number) as [number, number];
    const moved = shiftRect({ r1: r, c1: c, r2: r, c2: c }, axis, after, count);
    if (moved) out[`${moved.r1}:${moved.c1}`] = text;
  }
  return out;
}

/** Inserts (count > 0) or deletes (count < 0) whole rows or columns after line `after`, shifting everything on the sheet. */
export function shiftLines(
  ss: SpreadsheetState,
  sheet: SheetState,
  axis: Axis,
  after: number,
  count: number,
): void {
  if (axis === 'row') {
    if (count > 0) sheet.rows.splice(after, 0, ...Array.from({ length: count }, () => [] as CellValue[]));
    else sheet.rows.splice(after, -count);
    sheet.maxRows += count;
  } else {
    for (const line of sheet.rows) {
      if (line.length <= after) continue;
      if (count > 0) line.splice(after, 0, ...Array.from({ length: count }, () => '' as CellValue));
      else line.splice(after, -count);
    }
    sheet.maxCols += count;
  }
  sheet.notes = shiftNotes(sheet.notes, axis, after, count);
  if (axis === 'col') {
    sheet.hiddenColumns = sheet.hiddenColumns.flatMap((c) => {
      const moved = shiftRect({ r1: 1, c1: c, r2: 1, c2: c }, 'col', after, count);
      return moved ? [moved.c1] : [];
    });
  }
  sheet.formats = shiftAll(sheet.formats, axis, after, count);
  sheet.validations = shiftAll(sheet.validations, axis, after, count);
  sheet.styles = shiftAll(sheet.styles, axis, after, count);
  sheet.protections = sheet.protections.flatMap((p) => {
    if (p.type === 'SHEET') return [{ ...p, unprotected: shiftAll(p.unprotected, axis, after, count) }];
    const rect = shiftRect(p.rect, axis, after, count);
    return rect ? [{ ...p, rect }] : [];
  });
  sheet.conditionalRules = sheet.conditionalRules
    .map((rule) => ({ ...rule, ranges: shiftAll(rule.ranges, axis, after, count) }))
    .filter((rule) => rule.ranges.length > 0);
  sheet.charts = sheet.charts.map((ch) => ({ ...ch, ranges: shiftAll(ch.ranges, axis, after, count) }));
  for (const other of ss.sheets) {
    for (const v of other.validations) {
      const ref = v.v?.criteria === 'VALUE_IN_RANGE' ? (v.v.args[0] as Rect & { sheetId: number }) : null;
      if (ref && ref.sheetId === sheet.id) {
        const moved = shiftRect(ref, axis, after, count);
        if (moved) Object.assign(ref, moved);
      }
    }
  }
  if (axis === 'row' && count < 0 && sheet.frozenRows > after)
    sheet.frozenRows = Math.max(after, sheet.frozenRows + count);
}

/** Whether a user may edit under a protection: the owner always; otherwise its editors (or everyone when it mirrors the file). */
export function canEditProtection(ss: SpreadsheetState, p: ProtectionState, user: string): boolean {
  if (user !== '' && user === ss.owner) return true;
  if (p.domainEdit) return true;
  if (p.editors === null) return ss.editors.includes(user);
  return p.editors.includes(user);
}

export interface ProtectionCheck {
  /** The first protection that forbids the edit, or null. */
  blockedBy: ProtectionState | null;
  /** Warning-only protections the edit touches (Sheets asks the user to confirm). */
  warnings: ProtectionState[];
}

/** Checks a rectangle edit by `user` against the sheet's protections. */
export function checkProtection(
  ss: SpreadsheetState,
  sheet: SheetState,
  rect: Rect,
  user: string,
): ProtectionCheck {
  const warnings: ProtectionState[] = [];
  for (const p of sheet.protections) {
    if (p.type === 'RANGE' && !intersects(p.rect, rect)) continue;
    if (p.type === 'SHEET' && fullyUnprotected(p, rect)) continue;
    if (p.warningOnly) {
      warnings.push(p);
      continue;
    }
    if (!canEditProtection(ss, p, user)) return { blockedBy: p, warnings };
  }
  return { blockedBy: null, warnings };
}

function fullyUnprotected(p: ProtectionState, rect: Rect): boolean {
  for (let r = rect.r1; r <= rect.r2; r++) {
    for (let c = rect.c1; c <= rect.c2; c++) {
      if (!p.unprotected.some((u) => contains(u, r, c))) return false;
    }
  }
  return true;
}

export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** JSON-safe copy of a cell value, for snapshots. */
export function cloneCell(v: CellValue): CellValue {
  if (isDateCell(v)) return { d: v.d };
  if (isFormulaCell(v)) return { f: v.f };
  return v;
}
