// Plans setup and repair of one sheet from an inspection of it: the minimal list of structural fixes, never data writes.
import { type HeaderPlan, planHeader } from './header-plan';
import { columnLetter } from './letters';
import { type Locale, pick } from './locale';
import { t } from './strings';
import {
  type ColumnDef,
  type ConditionalDef,
  HEADER_BACKGROUND,
  headersOf,
  numberFormatOf,
  type SheetDef,
  sheetName,
  TOOL_COLUMN_NOTE,
  TOOL_HEADER_BACKGROUND,
  validationOf,
} from './templates';

/** What setup reads of an existing sheet (cells as getValues gives them; fingerprints as below). */
export interface SheetInspection {
  values: unknown[][];
  frozenRows: number;
  hidden: boolean;
  /** Row 1, columns 1..width. */
  headerWeights: string[];
  headerBackgrounds: string[];
  headerNotes: string[];
  /** Rows 2..maxRows, columns 1..width: number formats and validation fingerprints (null: none). */
  formats: string[][];
  validations: (string | null)[][];
  conditional: ConditionalFingerprint[];
  /** Columns (1-based) hidden by a person or by setup. */
  hiddenColumns: number[];
}

export interface ConditionalFingerprint {
  formula: string;
  background: string;
  /** Where the rule applies, as `A2:L` (start cell and end column; the end row follows the sheet's size). */
  ranges: string[];
}

/** A validation rule as plain data; `range` args are `SheetName!A2:A` (end row dropped). */
export interface ValidationShape {
  criteria: string;
  args: string[];
  allowInvalid: boolean;
  helpText: string;
}

export function validationFingerprint(v: ValidationShape): string {
  return JSON.stringify([v.criteria, v.args, v.allowInvalid, v.helpText]);
}

/** `A2:A1000` → `A2:A`: a range's start and end column, without the end row (it follows the sheet's size). */
export function openEnded(a1: string): string {
  const m = /^([A-Z]+\d+)(?::([A-Z]+)\d*)?$/.exec(a1.replace(/\$/g, ''));
  if (!m) return a1;
  return `${m[1]}:${m[2] ?? m[1]!.replace(/\d+/, '')}`;
}

/** Where member dropdowns read names from: the Team sheet's name column, row 2 down (e.g. `成员!A2:A`). */
export function teamNamesRange(locale: Locale, nameCol = 1): string {
  const letter = columnLetter(nameCol);
  return `${sheetName('team', locale)}!${letter}2:${letter}`;
}

/** Who may run setup and its repairs once an admin is recorded: the admin, the 主管s and the file's owner. */
export function mayRunSetup(admin: string, me: string, managers: string[], owner = ''): boolean {
  return !admin || me === admin || managers.includes(me) || (owner !== '' && me === owner);
}

export interface PlanContext {
  locale: Locale;
  sheetName: string;
  /** Where member dropdowns read names from, e.g. `成员!A2:A`. */
  teamNamesRange: string;
  dueSoonDays: number;
}

export interface ExpectedColumn {
  def: ColumnDef;
  col: number;
  header: string;
  format: string;
  validation: ValidationShape | null;
}

export type SheetOp =
  | { op: 'writeHeaderCells'; cells: { col: number; text: string }[] }
  | { op: 'insertHeaderRow'; headers: string[] }
  | { op: 'styleHeader'; width: number; backgrounds: string[]; notes: string[] }
  | { op: 'freeze' }
  | { op: 'widths'; widths: { col: number; width: number }[] }
  | { op: 'format'; col: number; count: number; format: string }
  | { op: 'validation'; col: number; shape: ValidationShape }
  | { op: 'conditional'; rules: ExpectedConditional[]; keep: number[] }
  | { op: 'visibility'; hidden: boolean }
  | { op: 'hideColumns'; cols: number[] };

/** Adjacent columns that agree (same width, same format…), as runs: the first column and how many. */
export function adjacentRuns<T extends { col: number }>(
  items: T[],
  same: (a: T, b: T) => boolean,
): { first: T; count: number }[] {
  const runs: { first: T; count: number }[] = [];
  for (const item of items) {
    const last = runs[runs.length - 1];
    if (last && same(last.first, item) && last.first.col + last.count === item.col) last.count++;
    else runs.push({ first: item, count: 1 });
  }
  return runs;
}

/** Adjacent columns with the same number format, as one op each (one call instead of one per column). */
function formatRuns(cols: { col: number; format: string }[]): SheetOp[] {
  return adjacentRuns(cols, (a, b) => a.format === b.format).map(({ first, count }) => ({
    op: 'format',
    col: first.col,
    count,
    format: first.format,
  }));
}

export interface ExpectedConditional extends ConditionalFingerprint {
  fontColor: string | null;
}

export interface SheetPlan {
  header: HeaderPlan;
  columns: ExpectedColumn[];
  ops: SheetOp[];
  changes: string[];
  problems: string[];
}

const OWN_BACKGROUNDS = new Set(['#eeeeee', '#f4c7c3', '#fce8b2', '#ceead6']);

export function expectedColumns(def: SheetDef, ctx: PlanContext, positions: number[]): ExpectedColumn[] {
  return def.columns.map((c, i) => {
    const col = positions[i]!;
    const letter = columnLetter(col);
    const rule = def.validated ? validationOf(c, ctx.locale) : null;
    let validation: ValidationShape | null = null;
    if (rule) {
      const spec = rule.spec;
      const base = { allowInvalid: false, helpText: rule.helpText };
      if (spec.kind === 'list') validation = { criteria: 'VALUE_IN_LIST', args: spec.values, ...base };
      else if (spec.kind === 'members')
        validation = { criteria: 'VALUE_IN_RANGE', args: [ctx.teamNamesRange], ...base };
      else if (spec.kind === 'date') validation = { criteria: 'DATE_IS_VALID_DATE', args: [], ...base };
      else if (spec.kind === 'email') validation = { criteria: 'TEXT_IS_VALID_EMAIL', args: [], ...base };
      else validation = { criteria: 'CUSTOM_FORMULA', args: [spec.formula(letter)], ...base };
    }
    return { def: c, col, header: pick(c.header, ctx.locale), format: numberFormatOf(c), validation };
  });
}

export function expectedConditionals(
  def: SheetDef,
  ctx: PlanContext,
  columns: ExpectedColumn[],
): ExpectedConditional[] {
  const letterOf = (key: string) => columnLetter(columns.find((c) => c.def.key === key)!.col);
  const width = Math.max(...columns.map((c) => c.col));
  return def.conditional.map((rule: ConditionalDef) => {
    const range =
      rule.target === 'row'
        ? `A2:${columnLetter(width)}`
        : `${letterOf(rule.target.column)}2:${letterOf(rule.target.column)}`;
    return {
      formula: rule.formula(letterOf, { locale: ctx.locale, dueSoonDays: ctx.dueSoonDays }),
      background: rule.background,
      fontColor: rule.fontColor ?? null,
      ranges: [range],
    };
  });
}

function sameConditional(a: ConditionalFingerprint, b: ConditionalFingerprint): boolean {
  return (
    a.formula === b.formula &&
    a.background.toLowerCase() === b.background.toLowerCase() &&
    a.ranges.join() === b.ranges.join()
  );
}

/** Plans a sheet that does not exist yet: everything is written. */
export function planNewSheet(def: SheetDef, ctx: PlanContext): SheetPlan {
  const headers = headersOf(def, ctx.locale);
  const positions = headers.map((_, i) => i + 1);
  const columns = expectedColumns(def, ctx, positions);
  const ops: SheetOp[] = [
    { op: 'writeHeaderCells', cells: headers.map((text, i) => ({ col: i + 1, text })) },
    headerStyleOp(ctx, columns),
    { op: 'freeze' },
    { op: 'widths', widths: columns.map((c) => ({ col: c.col, width: c.def.width })) },
    ...formatRuns(columns.map((c) => ({ col: c.col, format: c.format }))),
    ...columns.flatMap((c): SheetOp[] =>
      c.validation ? [{ op: 'validation', col: c.col, shape: c.validation }] : [],
    ),
  ];
  const rules = expectedConditionals(def, ctx, columns);
  if (rules.length) ops.push({ op: 'conditional', rules, keep: [] });
  const hiddenCols = columns.filter((c) => c.def.hidden).map((c) => c.col);
  if (hiddenCols.length) ops.push({ op: 'hideColumns', cols: hiddenCols });
  if (def.hidden) ops.push({ op: 'visibility', hidden: true });
  return {
    header: { action: 'write', positions, cells: [] },
    columns,
    ops,
    changes: [t('setup.created', ctx.locale, { sheet: ctx.sheetName })],
    problems: [],
  };
}

function headerStyleOp(ctx: PlanContext, columns: ExpectedColumn[]): SheetOp {
  const width = Math.max(...columns.map((c) => c.col));
  const backgrounds: string[] = Array.from({ length: width }, () => HEADER_BACKGROUND);
  const notes: string[] = Array.from({ length: width }, () => '');
  for (const c of columns) {
    if (c.def.tool) {
      backgrounds[c.col - 1] = TOOL_HEADER_BACKGROUND;
      notes[c.col - 1] = pick(TOOL_COLUMN_NOTE, ctx.locale);
    }
  }
  return { op: 'styleHeader', width, backgrounds, notes };
}

/** Plans the repair of an existing sheet from what was read of it. */
export function planExistingSheet(def: SheetDef, ctx: PlanContext, found: SheetInspection): SheetPlan {
  const header = planHeader(def, ctx.locale, found.values, ctx.sheetName);
  if (header.action === 'report') {
    return { header, columns: [], ops: [], changes: [], problems: header.problems.map((p) => p.message) };
  }
  const columns = expectedColumns(def, ctx, header.positions);
  const ops: SheetOp[] = [];
  const changes: string[] = [];
  if (header.action === 'insertRow') {
    ops.push({ op: 'insertHeaderRow', headers: headersOf(def, ctx.locale) });
    changes.push(t('setup.headerRowInserted', ctx.locale, { sheet: ctx.sheetName }));
  } else if (header.action === 'write' && header.cells.length) {
    ops.push({ op: 'writeHeaderCells', cells: header.cells });
    for (const c of header.cells) {
      changes.push(
        t('setup.headerWritten', ctx.locale, {
          sheet: ctx.sheetName,
          column: columnLetter(c.col),
          header: c.text,
        }),
      );
    }
  }
  // After an inserted header row, what was read of rows 1.. describes data rows: restyle and recheck everything.
  const fresh = header.action === 'insertRow';
  const style = headerStyleOp(ctx, columns) as Extract<SheetOp, { op: 'styleHeader' }>;
  const styleOk =
    !fresh &&
    columns.every((c) => found.headerWeights[c.col - 1] === 'bold') &&
    columns.every(
      (c) => (found.headerBackgrounds[c.col - 1] ?? '').toLowerCase() === style.backgrounds[c.col - 1],
    ) &&
    columns.every((c) => (found.headerNotes[c.col - 1] ?? '') === style.notes[c.col - 1]);
  if (!styleOk || found.frozenRows !== 1) {
    if (!styleOk) ops.push(style);
    if (found.frozenRows !== 1) ops.push({ op: 'freeze' });
    changes.push(t('setup.styleRepaired', ctx.locale, { sheet: ctx.sheetName }));
  }
  for (const c of columns) {
    const formats = found.formats.map((row) => row[c.col - 1] ?? 'General');
    if (fresh || formats.some((f) => f.toLowerCase() !== c.format.toLowerCase())) {
      ops.push({ op: 'format', col: c.col, count: 1, format: c.format });
      changes.push(t('setup.formatRepaired', ctx.locale, { sheet: ctx.sheetName, header: c.header }));
    }
    if (c.validation) {
      const want = validationFingerprint(c.validation);
      if (fresh || found.validations.some((row) => row[c.col - 1] !== want)) {
        ops.push({ op: 'validation', col: c.col, shape: c.validation });
        changes.push(t('setup.validationRepaired', ctx.locale, { sheet: ctx.sheetName, header: c.header }));
      }
    }
  }
  const rules = expectedConditionals(def, ctx, columns);
  const others = found.conditional
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => !OWN_BACKGROUNDS.has(r.background.toLowerCase()));
  const ours = found.conditional.filter((r) => OWN_BACKGROUNDS.has(r.background.toLowerCase()));
  const rulesOk = ours.length === rules.length && rules.every((want, i) => sameConditional(want, ours[i]!));
  if (!rulesOk) {
    ops.push({ op: 'conditional', rules, keep: others.map((o) => o.i) });
    changes.push(t('setup.conditionalRepaired', ctx.locale, { sheet: ctx.sheetName }));
  }
  const unhidden = columns
    .filter((c) => c.def.hidden && (fresh || !found.hiddenColumns.includes(c.col)))
    .map((c) => c.col);
  if (unhidden.length) {
    ops.push({ op: 'hideColumns', cols: unhidden });
    changes.push(t('setup.columnHidden', ctx.locale, { sheet: ctx.sheetName }));
  }
  if (found.hidden !== Boolean(def.hidden)) {
    ops.push({ op: 'visibility', hidden: Boolean(def.hidden) });
    changes.push(t('setup.visibilityRepaired', ctx.locale, { sheet: ctx.sheetName }));
  }
  return { header, columns, ops, changes, problems: [] };
}
