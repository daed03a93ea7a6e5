// The health check's structural findings: a missing sheet, a damaged header row, data validation lost to a paste.
import { type Finding, type LiveKey, sheetRef } from './health';
import { type FixKey, fixText, problemText } from './health-texts';
import { columnLetter } from './letters';
import type { Locale } from './locale';
import type { Columns, HeaderDamage } from './records';
import { expectedColumns, validationFingerprint } from './setup-plan';
import { sheetDef } from './templates';

export function missingSheetFinding(sheet: string, locale: Locale, canRepair: boolean): Finding {
  return {
    kind: 'sheetMissing',
    sheet,
    cell: sheetRef(sheet),
    rowId: '',
    problem: problemText('sheetMissing', locale, { sheet }),
    suggestedFix: fixText(canRepair ? 'repairedSheet' : 'askAdmin', locale, {}),
  };
}

export function headerFinding(sheet: string, damage: HeaderDamage, locale: Locale): Finding {
  const column = damage.kind === 'column' ? damage.column : '';
  return {
    kind: damage.kind === 'column' ? 'headerColumn' : 'headerRow',
    sheet,
    cell: `${sheetRef(sheet)}!1:1`,
    rowId: '',
    problem: problemText(damage.kind === 'column' ? 'headerColumn' : 'headerRow', locale, { column }),
    suggestedFix: fixText(damage.kind === 'column' ? 'headerColumn' : 'headerRow', locale, { column }),
  };
}

interface ValidationCheck {
  key: LiveKey;
  sheet: string;
  locale: Locale;
  cols: Columns;
  /** Where member dropdowns read names from (`成员!A2:A`). */
  teamNamesRange: string;
  /** The rule fingerprints of data rows 2.. (validationFingerprint; null where a cell has none). */
  found: (string | null)[][];
  canRepair: boolean;
}

/** One finding per validated column where some data cell's rule is not the template's, naming the rows affected. */
export function validationFindings(v: ValidationCheck): Finding[] {
  const def = sheetDef(v.key);
  const positions = def.columns.map((c) => v.cols[c.key]! + 1);
  // dueSoonDays only shapes conditional formats, which this check does not compare.
  const ctx = { locale: v.locale, sheetName: v.sheet, teamNamesRange: v.teamNamesRange, dueSoonDays: 0 };
  const fix: FixKey = v.canRepair ? 'repairedValidation' : 'askAdmin';
  return expectedColumns(def, ctx, positions).flatMap((c) => {
    if (!c.validation) return [];
    const want = validationFingerprint(c.validation);
    const rows = v.found.flatMap((row, i) => (row[c.col - 1] === want ? [] : [i + 2]));
    if (rows.length === 0) return [];
    const letter = columnLetter(c.col);
    const first = rows[0]!;
    const last = rows[rows.length - 1]!;
    const range = first === last ? `${letter}${first}` : `${letter}${first}:${letter}${last}`;
    return [
      {
        kind: 'validationLost' as const,
        sheet: v.sheet,
        cell: `${sheetRef(v.sheet)}!${range}`,
        rowId: '',
        problem: problemText('validationLost', v.locale, { column: c.header, count: rows.length }),
        suggestedFix: fixText(fix, v.locale, {}),
      },
    ];
  });
}
