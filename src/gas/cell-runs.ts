// Cells of one column written as runs of adjacent rows: one range call per run instead of one per cell.

export interface CellWrite {
  row: number;
  col: number;
  value: string;
}

/** Groups cells by column, then into runs of adjacent rows (the last write to a cell wins). */
function runsOf(cells: CellWrite[]): { row: number; col: number; values: string[] }[] {
  const byCell = new Map(cells.map((c) => [`${c.col}:${c.row}`, c]));
  const sorted = [...byCell.values()].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: { row: number; col: number; values: string[] }[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.col === c.col && last.row + last.values.length === c.row) last.values.push(c.value);
    else runs.push({ row: c.row, col: c.col, values: [c.value] });
  }
  return runs;
}

/** Sets cell notes: setNote for a lone cell, setNotes for each run of adjacent rows. */
export function writeNotes(sheet: GoogleAppsScript.Spreadsheet.Sheet, notes: CellWrite[]): void {
  for (const run of runsOf(notes)) {
    const range = sheet.getRange(run.row, run.col, run.values.length, 1);
    if (run.values.length === 1) range.setNote(run.values[0]!);
    else range.setNotes(run.values.map((v) => [v]));
  }
}

/** Sets cell values: setValue for a lone cell, setValues for each run of adjacent rows. */
export function writeValues(sheet: GoogleAppsScript.Spreadsheet.Sheet, cells: CellWrite[]): void {
  for (const run of runsOf(cells)) {
    const range = sheet.getRange(run.row, run.col, run.values.length, 1);
    if (run.values.length === 1) range.setValue(run.values[0]!);
    else range.setValues(run.values.map((v) => [v]));
  }
}
