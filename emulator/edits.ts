// A user's edit in the grid: protection and validation apply, the cells change, then onEdit and installable edit triggers fire.
import { parseA1 } from './model/a1';
import { ruleAt } from './model/rects';
import { cellAt, checkProtection, PROTECTED_MESSAGE, setCell } from './model/sheet-ops';
import { validateUserValue } from './model/validate';
import { displayValue, parseUserEntered } from './model/values';
import type { Emulator, RunResult } from './sandbox';
import type { CellValue } from './world';

export interface UserEdit {
  sheet: string;
  /** A cell (`B3`) or, for a paste, a range (`B3:D4`) with `values` of the same shape. */
  a1: string;
  /** What the user typed in one cell, or null to clear it. */
  value?: string | null;
  /** A paste: one string per cell. */
  values?: (string | null)[][];
  user: string;
}

export interface EditOutcome {
  ok: boolean;
  /** Why Sheets refused the edit (protection or a rejecting validation rule); nothing changed. */
  rejected?: string;
  /** Warning-only protections and warn-only validations the edit passed through. */
  warnings: string[];
  triggers: { fn: string; ok: boolean; error?: string }[];
}

export function applyUserEdit(emu: Emulator, edit: UserEdit): EditOutcome {
  const { world } = emu;
  const ss = world.spreadsheet;
  const sheet = ss.sheets.find((s) => s.name === edit.sheet);
  if (!sheet) return { ok: false, rejected: `No sheet named "${edit.sheet}".`, warnings: [], triggers: [] };
  const parsed = parseA1(edit.a1, sheet.maxRows, sheet.maxCols);
  if (!parsed || parsed.rect.r2 > sheet.maxRows || parsed.rect.c2 > sheet.maxCols) {
    return { ok: false, rejected: `Bad cell address "${edit.a1}".`, warnings: [], triggers: [] };
  }
  const rect = parsed.rect;
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  const grid =
    edit.values ?? Array.from({ length: rows }, () => Array.from({ length: cols }, () => edit.value ?? null));
  if (grid.length !== rows || grid.some((r) => r.length !== cols)) {
    return { ok: false, rejected: `The pasted values do not match ${edit.a1}.`, warnings: [], triggers: [] };
  }
  if (!ss.editors.includes(edit.user) && edit.user !== ss.owner) {
    return {
      ok: false,
      rejected: `${edit.user || 'This user'} can only view this spreadsheet.`,
      warnings: [],
      triggers: [],
    };
  }
  const protection = checkProtection(ss, sheet, rect, edit.user);
  if (protection.blockedBy) return { ok: false, rejected: PROTECTED_MESSAGE, warnings: [], triggers: [] };
  const warnings = protection.warnings.map((p) => `Protected (warning): ${p.description || 'this range'}`);

  const next: CellValue[][] = grid.map((line, i) =>
    line.map((text, j) =>
      parseUserEntered(text ?? '', ruleAt(sheet.formats, rect.r1 + i, rect.c1 + j) ?? ''),
    ),
  );
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const check = validateUserValue(ss, sheet, rect.r1 + i, rect.c1 + j, next[i]![j]!, world.clock.now);
      if (!check.ok) {
        return {
          ok: false,
          rejected:
            check.helpText || 'The data you entered violates the data validation rules set on this cell.',
          warnings,
          triggers: [],
        };
      }
      if (check.warning) warnings.push(`Invalid (warning): ${check.helpText}`);
    }
  }
  const single = rows === 1 && cols === 1;
  const oldValue = single ? cellAt(sheet, rect.r1, rect.c1) : '';
  next.forEach((line, i) => {
    line.forEach((v, j) => {
      setCell(sheet, rect.r1 + i, rect.c1 + j, v);
    });
  });

  const event = {
    kind: 'edit' as const,
    sheetId: sheet.id,
    ...rect,
    user: emu.visibleUser(edit.user),
    authMode: 'LIMITED',
    ...(single && grid[0]![0] ? { value: grid[0]![0]! } : {}),
    ...(single && oldValue !== '' ? { oldValue: displayValue(oldValue, '') } : {}),
  };
  const triggers: EditOutcome['triggers'] = [];
  const report = (fn: string, r: RunResult) =>
    triggers.push({ fn, ok: r.ok, ...(r.error ? { error: r.error.message } : {}) });
  const simple = emu.simpleTrigger('onEdit', event, edit.user);
  if (!(simple.error?.message ?? '').startsWith('Script function not found')) report('onEdit', simple);
  for (const t of world.triggers.filter((x) => x.eventType === 'ON_EDIT' && x.sourceId === ss.id)) {
    report(
      t.handler,
      emu.installableTrigger(
        t,
        { ...event, authMode: 'FULL', triggerUid: t.uid, user: emu.visibleUser(edit.user, t.owner) },
        edit.user,
      ),
    );
  }
  return { ok: true, warnings, triggers };
}
