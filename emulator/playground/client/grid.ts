// The workbook area: sheet tabs, the selected sheet as a grid (sticky frozen rows, a page at a time) and its charts.
import type { SheetView } from './api';
import { createChartPane } from './charts';
import type { Ctx } from './context';
import { button, el, textWidth } from './dom';
import { createEditor } from './editor';
import { createTabs } from './tabs';

const PAGE_ROWS = 300;
/** Blank rows and columns after the data, to type new rows into as in Sheets. */
const EXTRA_ROWS = 20;
const EXTRA_COLS = 2;

const ROW_HEADER_WIDTH = 46;
const MIN_WIDTH = 72;
const MAX_WIDTH = 240;
/** The font size the column widths are estimated for (the cells' 12px text, a little generously). */
const CELL_TEXT_PX = 12.5;

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const sizeOf = (sheet: SheetView) => ({
  rows: sheet.values.length + EXTRA_ROWS,
  cols: Math.max(0, ...sheet.values.map((r) => r.length)) + EXTRA_COLS,
});

function rowOf(sheet: SheetView, row: number, cols: number): HTMLTableRowElement {
  const frozen = row <= sheet.frozenRows;
  const values = sheet.values[row - 1] ?? [];
  const tr = el('tr', {
    class: frozen ? `frozen${row === sheet.frozenRows ? ' frozen-last' : ''}` : undefined,
  });
  tr.append(el('th', { scope: 'row' }, String(row)));
  for (let col = 1; col <= cols; col++) {
    const text = values[col - 1] ?? '';
    tr.append(
      el(
        'td',
        { 'data-a1': `${columnLetter(col)}${row}`, tabindex: -1, title: text.length > 12 ? text : undefined },
        text,
      ),
    );
  }
  return tr;
}

/** A <colgroup>: each column as wide as the script set it, or else fitting the longest text in its first rows. */
function columnsOf(sheet: SheetView, cols: number): { group: HTMLTableColElement; width: number } {
  const sample = sheet.values.slice(0, 50);
  const widths = Array.from({ length: cols }, (_, c) => {
    const set = sheet.columnWidths[String(c + 1)];
    if (set !== undefined) return set;
    const longest = Math.max(0, ...sample.map((r) => textWidth(r[c] ?? '', CELL_TEXT_PX)));
    return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 16)));
  });
  const group = el('colgroup');
  for (const w of [ROW_HEADER_WIDTH, ...widths]) {
    const col = el('col');
    col.style.width = `${w}px`;
    group.append(col);
  }
  return { group, width: widths.reduce((a, b) => a + b, ROW_HEADER_WIDTH) };
}

function tableOf(sheet: SheetView, shownRows: number): HTMLTableElement {
  const { cols } = sizeOf(sheet);
  const columns = columnsOf(sheet, cols);
  const letters = Array.from({ length: cols }, (_, i) => el('th', { scope: 'col' }, columnLetter(i + 1)));
  const body = el('tbody');
  for (let row = 1; row <= shownRows; row++) body.append(rowOf(sheet, row, cols));
  const table = el(
    'table',
    { class: 'grid', 'data-testid': 'grid', 'aria-label': sheet.name },
    columns.group,
    el('thead', {}, el('tr', {}, el('th', { class: 'corner' }), ...letters)),
    body,
  );
  table.style.width = `${columns.width}px`;
  return table;
}

/** Frozen rows stick below the column letters and the frozen rows above them. */
function pinFrozenRows(table: HTMLTableElement): void {
  let top = table.tHead!.offsetHeight;
  for (const tr of table.tBodies[0]!.rows) {
    if (!tr.classList.contains('frozen')) break;
    for (const cell of tr.cells) cell.style.top = `${top}px`;
    top += tr.offsetHeight;
  }
}

const positionOf = (td: HTMLTableCellElement) => ({
  row: (td.parentElement as HTMLTableRowElement).sectionRowIndex + 1,
  col: td.cellIndex,
});

export function createSheetArea(ctx: Ctx): { element: HTMLElement; update(): void } {
  const limits = new Map<string, number>();
  let selected = '';
  let active = { row: 1, col: 1 };
  const scroller = el('div', { class: 'grid-scroll', role: 'tabpanel', 'aria-label': '表格 Grid' });
  const footer = el('div', { class: 'grid-footer' });
  const charts = createChartPane();
  const tabs = createTabs((name) => {
    selected = name;
    active = { row: 1, col: 1 };
    scroller.scrollTo(0, 0);
    update();
  });
  const cellAt = (row: number, col: number) =>
    scroller.querySelector<HTMLTableCellElement>(`td[data-a1="${columnLetter(col)}${row}"]`);

  function focusCell(row: number, col: number): void {
    const td = cellAt(Math.max(1, row), Math.max(1, col));
    if (!td) return;
    cellAt(active.row, active.col)?.setAttribute('tabindex', '-1');
    active = positionOf(td);
    td.setAttribute('tabindex', '0');
    td.focus();
  }

  const editor = createEditor(ctx, (td) => {
    const { row, col } = positionOf(td);
    focusCell(row + 1, col);
  });

  scroller.addEventListener('click', (e) => {
    const td = (e.target as HTMLElement).closest('td');
    if (!td || editor.isEditing(td)) return;
    const { row, col } = positionOf(td);
    focusCell(row, col);
    editor.open(td, selected);
  });
  scroller.addEventListener('keydown', (e) => {
    const td = e.target as HTMLTableCellElement;
    if (td.tagName !== 'TD') return;
    const move = MOVES[e.key];
    if (move) focusCell(active.row + move[0], active.col + move[1]);
    else if (e.key === 'Enter' || e.key === 'F2') editor.open(td, selected);
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) editor.open(td, selected, e.key);
    else return;
    e.preventDefault();
  });

  function renderFooter(sheet: SheetView, shown: number): void {
    const total = sizeOf(sheet).rows;
    const more = button(
      `显示更多 Show ${Math.min(PAGE_ROWS, total - shown)} more`,
      () => {
        limits.set(sheet.name, shown + PAGE_ROWS);
        update();
      },
      { 'data-testid': 'show-more' },
    );
    footer.replaceChildren(
      `${Math.min(shown, sheet.values.length)} / ${sheet.values.length} 行 rows`,
      ...(shown < total ? [more] : []),
    );
  }

  function update(): void {
    const { sheets } = ctx.workbook;
    if (!sheets.some((s) => s.name === selected))
      selected = (sheets.find((s) => !s.hidden) ?? sheets[0])?.name ?? '';
    tabs.update(sheets, selected);
    const sheet = sheets.find((s) => s.name === selected);
    charts.update(sheet);
    const hadFocus = scroller.contains(document.activeElement);
    const { scrollTop, scrollLeft } = scroller;
    if (!sheet) {
      scroller.replaceChildren(el('p', { class: 'empty' }, '没有工作表 No sheets'));
      footer.replaceChildren();
      return;
    }
    const shown = Math.min(sizeOf(sheet).rows, limits.get(sheet.name) ?? PAGE_ROWS);
    const table = tableOf(sheet, shown);
    scroller.replaceChildren(table);
    pinFrozenRows(table);
    scroller.scrollTo(scrollLeft, scrollTop);
    renderFooter(sheet, shown);
    if (!cellAt(active.row, active.col)) active = { row: 1, col: 1 };
    cellAt(active.row, active.col)?.setAttribute('tabindex', '0');
    if (hadFocus) focusCell(active.row, active.col);
  }

  return {
    element: el(
      'section',
      { class: 'sheet-area', 'aria-label': '工作簿 Workbook' },
      el('div', { class: 'sheet-body' }, scroller, charts.element),
      footer,
      tabs.element,
    ),
    update,
  };
}
