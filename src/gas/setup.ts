// Builds and repairs every sheet from the templates (SPEC §2): reads first, then applies only the planned fixes.
import { Role } from '../core/enums';
import { planHeader } from '../core/header-plan';
import { columnLetter } from '../core/letters';
import { type Locale, localeFromSpreadsheet, pick } from '../core/locale';
import {
  editorsFor,
  expectedProtections,
  type FoundProtection,
  type People,
  type ProtectionSpec,
  planProtections,
} from '../core/protection-plan';
import type { Settings } from '../core/settings';
import {
  adjacentRuns,
  type ConditionalFingerprint,
  mayRunSetup,
  openEnded,
  type PlanContext,
  planExistingSheet,
  planNewSheet,
  type SheetInspection,
  type SheetOp,
  type SheetPlan,
  teamNamesRange,
  type ValidationShape,
  validationFingerprint,
} from '../core/setup-plan';
import { t } from '../core/strings';
import { DASHBOARD_NAME, SHEETS, type SheetDef, sheetName } from '../core/templates';
import { ensureEditTrigger } from './install';
import { readSettings, writeSettings } from './settings';
import { allValues } from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

export interface SetupReport {
  locale: Locale;
  changes: string[];
  problems: string[];
}

const DEFAULT_SHEET_NAMES = new Set(['Sheet1', '工作表1']);

/** The locale of a workbook set up before its settings were lost: whichever locale's sheet names are present. */
function detectLocale(names: Set<string>): Locale | null {
  if (names.has(sheetName('overview', 'zh-CN'))) return 'zh-CN';
  if (names.has(sheetName('overview', 'en'))) return 'en';
  return null;
}

function validationShape(v: GoogleAppsScript.Spreadsheet.DataValidation): ValidationShape {
  const criteria = String(v.getCriteriaType());
  const values = v.getCriteriaValues();
  let args: string[];
  if (criteria === 'VALUE_IN_LIST') args = (values[0] as unknown[]).map(String);
  else if (criteria === 'VALUE_IN_RANGE') args = [rangeArg(values[0] as GoogleAppsScript.Spreadsheet.Range)];
  else args = values.map(String);
  return { criteria, args, allowInvalid: v.getAllowInvalid(), helpText: v.getHelpText() };
}

/** `成员!A2:A`; `#REF!` when the sheet the rule pointed into was deleted (the rule then gets rebuilt). */
function rangeArg(r: GoogleAppsScript.Spreadsheet.Range): string {
  try {
    return `${r.getSheet().getName()}!${openEnded(r.getA1Notation())}`;
  } catch {
    return '#REF!';
  }
}

/** The fingerprint of every cell's rule (null: none); cells sharing one rule object are read once. */
export function validationFingerprints(
  rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][],
): (string | null)[][] {
  const known = new Map<object, string>();
  const fp = (v: GoogleAppsScript.Spreadsheet.DataValidation | null) => {
    if (!v) return null;
    const hit = known.get(v);
    if (hit !== undefined) return hit;
    const s = validationFingerprint(validationShape(v));
    known.set(v, s);
    return s;
  };
  return rules.map((row) => row.map(fp));
}

/** Reads what planning needs of an existing sheet: values, header style, formats, validations, rules, visibility. */
function inspect(sheet: Sheet, def: SheetDef, locale: Locale): SheetInspection {
  const width = def.columns.length;
  const values = allValues(sheet);
  const header = planHeader(def, locale, values, sheet.getName());
  const hiddenKeys = def.columns.map((c, i) => (c.hidden ? i : -1)).filter((i) => i >= 0);
  const hiddenColumns =
    header.action === 'report'
      ? []
      : hiddenKeys.map((i) => header.positions[i]!).filter((col) => sheet.isColumnHiddenByUser(col));
  const maxRows = sheet.getMaxRows();
  const cols = Math.max(width, values[0]?.length ?? 1);
  const headerRange = sheet.getRange(1, 1, 1, cols);
  const data = maxRows > 1 ? sheet.getRange(2, 1, maxRows - 1, cols) : null;
  return {
    values,
    frozenRows: sheet.getFrozenRows(),
    hidden: sheet.isSheetHidden(),
    headerWeights: headerRange.getFontWeights()[0]!,
    headerBackgrounds: headerRange.getBackgrounds()[0]!,
    headerNotes: headerRange.getNotes()[0]!,
    hiddenColumns,
    formats: data ? data.getNumberFormats() : [],
    validations: data ? validationFingerprints(data.getDataValidations()) : [],
    conditional: sheet.getConditionalFormatRules().map(conditionalFingerprint),
  };
}

function conditionalFingerprint(rule: ConditionalFormatRule): ConditionalFingerprint {
  const cond = rule.getBooleanCondition();
  return {
    formula: cond ? String(cond.getCriteriaValues()[0] ?? '') : '',
    background: (cond?.getBackground() as string | null) ?? '',
    ranges: rule.getRanges().map((r) => openEnded(r.getA1Notation())),
  };
}

/** Data rows (2 down) of `count` columns from `col`. */
function columnRange(sheet: Sheet, col: number, count = 1): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(`${columnLetter(col)}2:${columnLetter(col + count - 1)}`);
}

function buildValidation(
  ss: Spreadsheet,
  shape: ValidationShape,
): GoogleAppsScript.Spreadsheet.DataValidation {
  let b = SpreadsheetApp.newDataValidation();
  if (shape.criteria === 'VALUE_IN_LIST') b = b.requireValueInList(shape.args, true);
  else if (shape.criteria === 'VALUE_IN_RANGE') b = b.requireValueInRange(ss.getRange(shape.args[0]!), true);
  else if (shape.criteria === 'DATE_IS_VALID_DATE') b = b.requireDate();
  else if (shape.criteria === 'TEXT_IS_VALID_EMAIL') b = b.requireTextIsEmail();
  else b = b.requireFormulaSatisfied(shape.args[0]!);
  return b.setAllowInvalid(shape.allowInvalid).setHelpText(shape.helpText).build();
}

/** Applies a sheet's planned fixes; `rules` are its conditional format rules when already read (saves a read). */
function applyOps(ss: Spreadsheet, sheet: Sheet, ops: SheetOp[], rules?: ConditionalFormatRule[]): void {
  for (const op of ops) {
    switch (op.op) {
      case 'writeHeaderCells':
        for (const run of contiguous(op.cells))
          sheet.getRange(1, run[0]!.col, 1, run.length).setValues([run.map((c) => c.text)]);
        break;
      case 'insertHeaderRow':
        sheet.insertRowsBefore(1, 1);
        sheet.getRange(1, 1, 1, op.headers.length).setValues([op.headers]);
        break;
      case 'styleHeader': {
        const header = sheet.getRange(1, 1, 1, op.width);
        header.setFontWeight('bold');
        header.setBackgrounds([op.backgrounds]);
        header.setNotes([op.notes]);
        break;
      }
      case 'freeze':
        sheet.setFrozenRows(1);
        break;
      case 'widths':
        for (const { first, count } of adjacentRuns(op.widths, (a, b) => a.width === b.width))
          sheet.setColumnWidths(first.col, count, first.width);
        break;
      case 'format':
        columnRange(sheet, op.col, op.count).setNumberFormat(op.format);
        break;
      case 'validation':
        columnRange(sheet, op.col).setDataValidation(buildValidation(ss, op.shape));
        break;
      case 'conditional': {
        const existing = op.keep.length ? (rules ?? sheet.getConditionalFormatRules()) : [];
        const ours = op.rules.map((r) => {
          let b = SpreadsheetApp.newConditionalFormatRule()
            .whenFormulaSatisfied(r.formula)
            .setBackground(r.background);
          if (r.fontColor) b = b.setFontColor(r.fontColor);
          return b.setRanges(r.ranges.map((a1) => sheet.getRange(a1))).build();
        });
        sheet.setConditionalFormatRules([...ours, ...op.keep.map((i) => existing[i]!)]);
        break;
      }
      case 'visibility':
        if (op.hidden) sheet.hideSheet();
        else sheet.showSheet();
        break;
      case 'hideColumns':
        for (const col of op.cols) sheet.hideColumns(col);
        break;
    }
  }
}

function contiguous<T extends { col: number }>(cells: T[]): T[][] {
  const runs: T[][] = [];
  for (const c of [...cells].sort((a, b) => a.col - b.col)) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1]!.col === c.col - 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/** The Team's emails from its values (row 1 is the header): everyone's, and the 主管s' (protections, the admin check). */
function teamEmailsOf(plan: SheetPlan | null, values: unknown[][], locale: Locale) {
  if (!plan || plan.header.action === 'report') return { all: [], managers: [] };
  const pos = (key: string) => plan.columns.find((c) => c.def.key === key)!.col - 1;
  const start = plan.header.action === 'insertRow' ? 0 : 1;
  const rows = values.slice(start).map((row) => ({
    email: String(row[pos('email')] ?? '')
      .trim()
      .toLowerCase(),
    manager: Role.parse(row[pos('role')], locale) === 'manager',
  }));
  const valid = rows.filter((r) => r.email.includes('@'));
  return { all: valid.map((r) => r.email), managers: valid.filter((r) => r.manager).map((r) => r.email) };
}

/**
 * Whether the 主管 running setup takes the admin's place: the recorded admin is no longer on a readable Team sheet
 * (SPEC §4: the jobs and the edit check run as the admin, so someone must be able to take them over).
 */
function handsOver(admin: string, me: string, team: { all: string[]; managers: string[] }): boolean {
  const recorded = admin.toLowerCase();
  return recorded !== '' && team.all.length > 0 && !team.all.includes(recorded) && team.managers.includes(me);
}

function readProtections(ss: Spreadsheet): { found: FoundProtection[]; objects: Protection[] } {
  const objects = [
    ...ss.getProtections(SpreadsheetApp.ProtectionType.RANGE),
    ...ss.getProtections(SpreadsheetApp.ProtectionType.SHEET),
  ] as Protection[];
  const found = objects.map((p): FoundProtection => {
    const range = p.getRange();
    const type = String(p.getProtectionType()) === 'SHEET' ? 'SHEET' : 'RANGE';
    return {
      sheet: range.getSheet().getName(),
      type,
      range: type === 'SHEET' ? '' : rangeKey(range.getA1Notation()),
      description: p.getDescription(),
      warningOnly: p.isWarningOnly(),
      editors: p.getEditors().map((u) => u.getEmail()),
      domainEdit: p.canDomainEdit(),
    };
  });
  return { found, objects };
}

/** Header ranges compare exactly (`A1:L1`); column ranges by start and column (`A2:A`). */
function rangeKey(a1: string): string {
  return /^[A-Z]+1:[A-Z]+1$/.test(a1) ? a1 : openEnded(a1);
}

function createProtection(sheet: Sheet, spec: ProtectionSpec, people: People, fileEditors: string[]): void {
  const p = spec.type === 'SHEET' ? sheet.protect() : sheet.getRange(spec.range).protect();
  p.setDescription(spec.description);
  if (spec.rule === 'warning') {
    p.setWarningOnly(true);
    return;
  }
  const editors = editorsFor(spec, people);
  p.addEditors(editors);
  const others = fileEditors.filter((e) => !editors.includes(e));
  if (others.length) p.removeEditors(others);
  try {
    p.setDomainEdit(false);
  } catch {
    // Accounts outside a Workspace domain have no domain-edit setting to turn off.
  }
}

/**
 * Sets up an empty workbook or repairs a damaged one. Data rows are never written; what cannot be known is reported.
 * Run again on a healthy workbook, it reads but writes nothing.
 */
export function setupWorkbook(requested?: Locale): SetupReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings: Settings = readSettings();
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  const existing = new Map<string, Sheet>();
  for (const s of ss.getSheets()) existing.set(s.getName(), s);
  const locale: Locale =
    settings.locale ??
    requested ??
    detectLocale(new Set(existing.keys())) ??
    localeFromSpreadsheet(ss.getSpreadsheetLocale());
  const ctxOf = (def: SheetDef): PlanContext => ({
    locale,
    sheetName: sheetName(def.key, locale),
    teamNamesRange: teamNamesRange(locale),
    dueSoonDays: settings.dueSoonDays,
  });

  // Read everything first.
  const inspected = new Map<SheetDef, SheetInspection>();
  for (const def of SHEETS) {
    const sheet = existing.get(sheetName(def.key, locale));
    if (sheet) inspected.set(def, inspect(sheet, def, locale));
  }
  const plans = new Map<SheetDef, SheetPlan>();
  for (const def of SHEETS) {
    const found = inspected.get(def);
    plans.set(def, found ? planExistingSheet(def, ctxOf(def), found) : planNewSheet(def, ctxOf(def)));
  }
  const teamDef = SHEETS.find((d) => d.key === 'team')!;
  const teamPlan = plans.get(teamDef)!;
  const teamPos =
    teamPlan.header.action === 'report' ? null : teamPlan.columns.find((c) => c.def.key === 'name')!.col;
  if (teamPos !== null && teamPos !== 1) {
    for (const def of SHEETS) {
      const ctx = { ...ctxOf(def), teamNamesRange: teamNamesRange(locale, teamPos) };
      const found = inspected.get(def);
      plans.set(def, found ? planExistingSheet(def, ctx, found) : planNewSheet(def, ctx));
    }
  }
  const team = teamEmailsOf(plans.get(teamDef)!, inspected.get(teamDef)?.values ?? [], locale);
  const managers = team.managers;
  const handover = handsOver(settings.admin, me, team);
  const admin = handover ? me : settings.admin.toLowerCase() || me;
  const owner = (ss.getOwner()?.getEmail() ?? admin).toLowerCase();
  if (!mayRunSetup(settings.admin.toLowerCase(), me, managers, owner)) {
    throw new Error(t('error.notAdmin', locale, { admin: settings.admin }));
  }
  const fileEditors = ss.getEditors().map((u) => u.getEmail());
  const { found, objects } = readProtections(ss);
  const emptyDefault = emptyDefaultSheet(existing);

  // Then write.
  const changes: string[] = [];
  const problems: string[] = [];
  if (!settings.locale || !settings.admin || handover) writeSettings({ ...settings, locale, admin });
  if (handover) changes.push(t('setup.adminHandover', locale, { from: settings.admin, to: me }));
  const sheets = new Map<SheetDef, Sheet>();
  SHEETS.forEach((def, index) => {
    const name = sheetName(def.key, locale);
    sheets.set(def, existing.get(name) ?? ss.insertSheet(name, index));
  });
  const dashboardName = pick(DASHBOARD_NAME, locale);
  const dashboard = existing.get(dashboardName) ?? createDashboard(ss, dashboardName, locale);
  if (!existing.has(dashboardName)) changes.push(t('setup.created', locale, { sheet: dashboardName }));
  for (const def of SHEETS) {
    const plan = plans.get(def)!;
    applyOps(ss, sheets.get(def)!, plan.ops);
    changes.push(...plan.changes);
    problems.push(...plan.problems);
  }
  const byName = new Map([...sheets].map(([def, sheet]) => [sheetName(def.key, locale), sheet]));
  byName.set(dashboardName, dashboard);
  const people: People = { owner, admin, me, managers };
  const expected = SHEETS.flatMap((def) => {
    const plan = plans.get(def)!;
    if (plan.header.action === 'report') return [];
    return expectedProtections(def, locale, sheetName(def.key, locale), plan.header.positions);
  });
  expected.push(dashboardProtection(dashboardName, locale));
  const pplan = planProtections(expected, found, people);
  // A protection only its editors (or the file's owner) may change is reported, not fatal: a 主管 taking over from
  // an admin who left cannot edit the admin-only ones.
  const attempt = (sheet: string, what: string, change: () => void) => {
    try {
      change();
      return true;
    } catch {
      problems.push(t('setup.protectionLocked', locale, { sheet, what, owner }));
      return false;
    }
  };
  for (const i of pplan.remove) attempt(found[i]!.sheet, found[i]!.description, () => objects[i]!.remove());
  const created = new Set([
    ...SHEETS.filter((def) => !inspected.has(def)).map((def) => sheetName(def.key, locale)),
    ...(existing.has(dashboardName) ? [] : [dashboardName]),
  ]);
  for (const spec of pplan.create) {
    const made = attempt(spec.sheet, spec.description, () =>
      createProtection(byName.get(spec.sheet)!, spec, people, fileEditors),
    );
    if (made && !created.has(spec.sheet))
      changes.push(t('setup.protectionRepaired', locale, { sheet: spec.sheet, what: spec.description }));
  }
  if (emptyDefault) ss.deleteSheet(emptyDefault);
  // Installed for the admin only: it runs as them.
  if (me === admin && ensureEditTrigger()) changes.push(t('setup.editTrigger', locale));
  return { locale, changes, problems };
}

/** Sheets whose conditional formats read the due-soon window (the only setting they depend on). */
const DUE_SOON_SHEETS = SHEETS.filter((def) =>
  def.conditional.some(
    (rule) =>
      rule.formula(() => 'A', { locale: 'en', dueSoonDays: 0 }) !==
      rule.formula(() => 'A', { locale: 'en', dueSoonDays: 1 }),
  ),
);

/**
 * After the due-soon window changes: re-applies the conditional formats that read it, as setup plans them, and
 * nothing else. Per sheet, the header row and the rules are read, then the rules written in one call; a sheet that
 * is missing or whose header is not intact is left to 初始化/修复模板.
 */
export function repairDueSoonFormats(ss: Spreadsheet, locale: Locale, dueSoonDays: number): void {
  for (const def of DUE_SOON_SHEETS) {
    const name = sheetName(def.key, locale);
    let header: GoogleAppsScript.Spreadsheet.Range;
    try {
      header = ss.getRange(`'${name.replace(/'/g, "''")}'!1:1`);
    } catch {
      continue;
    }
    const sheet = header.getSheet();
    const values = header.getValues();
    const rules = sheet.getConditionalFormatRules();
    // Only the plan's conditional op is used, so the inspection carries nothing else.
    const found: SheetInspection = {
      values,
      frozenRows: 1,
      hidden: Boolean(def.hidden),
      headerWeights: [],
      headerBackgrounds: [],
      headerNotes: [],
      hiddenColumns: [],
      formats: [],
      validations: [],
      conditional: rules.map(conditionalFingerprint),
    };
    const ctx = { locale, sheetName: name, teamNamesRange: teamNamesRange(locale), dueSoonDays };
    const plan = planExistingSheet(def, ctx, found);
    if (plan.header.action !== 'ok') continue;
    applyOps(
      ss,
      sheet,
      plan.ops.filter((op) => op.op === 'conditional'),
      rules,
    );
  }
}

/** Wide enough for the dashboard's longest label, "Active tasks (not started + in progress)". */
const DASHBOARD_LABEL_WIDTH = 280;

/** The dashboard sheet, after the Team sheet, with a line saying how to fill it (the refresh writes it whole). */
function createDashboard(ss: Spreadsheet, name: string, locale: Locale): Sheet {
  const sheet = ss.insertSheet(name, SHEETS.findIndex((d) => d.key === 'team') + 1);
  sheet.getRange(1, 1).setValue(t('dashboard.empty', locale));
  sheet.setColumnWidth(1, DASHBOARD_LABEL_WIDTH);
  return sheet;
}

/** The dashboard is written by whoever refreshes it (menu or daily job): a warning keeps hands off it. */
function dashboardProtection(sheet: string, locale: Locale): ProtectionSpec {
  return { sheet, type: 'SHEET', range: '', description: t('protection.sheet', locale), rule: 'warning' };
}

/** A brand-new file's lone, empty "Sheet1", which goes once the template sheets exist. */
function emptyDefaultSheet(existing: Map<string, Sheet>): Sheet | null {
  if (existing.size !== 1) return null;
  const [name, sheet] = [...existing][0]!;
  return DEFAULT_SHEET_NAMES.has(name) && sheet.getLastRow() === 0 ? sheet : null;
}
