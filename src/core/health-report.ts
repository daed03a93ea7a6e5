// Lays out the 数据检查 / Data Health sheet: a summary line, a header and one row per finding, then the repairs made.
import { Grid, type GridLayout } from './grid';
import type { Finding } from './health';
import { STRUCTURE_KINDS } from './health-texts';
import { type Bilingual, type Locale, pick } from './locale';
import { t } from './strings';
import { sheetName } from './templates';

interface HealthReport {
  locale: Locale;
  /** When the check ran, `yyyy-MM-dd HH:mm` in the spreadsheet's time zone. */
  stamp: string;
  findings: Finding[];
  /** What 初始化/修复模板 repaired, and what it could not. */
  repaired: string[];
  unrepaired: string[];
}

const HEADERS: Bilingual[] = [
  { zh: '单元格', en: 'Cell' },
  { zh: 'ID', en: 'ID' },
  { zh: '问题', en: 'Problem' },
  { zh: '建议处理', en: 'Suggested fix' },
];

/** The one-line summary: when, how many problems (structure, then per sheet) and how many repairs. */
function healthSummary(r: HealthReport): string {
  const rows = r.findings.filter((f) => !STRUCTURE_KINDS.has(f.kind));
  const counts = (['overview', 'progress', 'sync'] as const)
    .map((key) => sheetName(key, r.locale))
    .map((name) => `${name} ${rows.filter((f) => f.sheet === name).length}`)
    .join(r.locale === 'en' ? ', ' : ',');
  return t('health.summary', r.locale, {
    at: r.stamp,
    problems: r.findings.length,
    structure: r.findings.length - rows.length,
    counts,
    repaired: r.repaired.length,
  });
}

/** Every cell is text (plain-text formatted), so a pasted `=…` quoted in a finding never becomes a formula. */
export function layoutHealth(r: HealthReport): GridLayout {
  const grid = new Grid();
  grid.boldRow(grid.row([healthSummary(r)]));
  grid.boldRow(grid.row(HEADERS.map((h) => pick(h, r.locale))));
  for (const f of r.findings) grid.row([f.cell, f.rowId, f.problem, f.suggestedFix]);
  if (r.findings.length === 0) grid.row([t('health.none', r.locale)]);
  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    grid.row([]);
    grid.boldRow(grid.row([title]));
    for (const line of lines) grid.row([line]);
  };
  section(t('health.repaired', r.locale), r.repaired);
  section(t('health.needsHand', r.locale), r.unrepaired);
  return grid.layout(HEADERS.length);
}
