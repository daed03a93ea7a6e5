// The sheet tabs, with hidden sheets listed greyed under a toggle.
import type { SheetView } from './api';
import { button, el } from './dom';

export interface Tabs {
  element: HTMLElement;
  update(sheets: SheetView[], selected: string): void;
}

/** Left/Right arrows move between tabs, as in a tablist. */
function arrowKeys(list: HTMLElement) {
  return (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const tabs = [...list.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
    tabs[(at + (e.key === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length]?.focus();
    e.preventDefault();
  };
}

export function createTabs(onSelect: (name: string) => void): Tabs {
  const list = el('div', { class: 'tabs', role: 'tablist', 'aria-label': '工作表 Sheets' });
  list.addEventListener('keydown', arrowKeys(list));
  const toggle = el('button', {
    type: 'button',
    class: 'hidden-toggle',
    'aria-expanded': 'false',
    'data-testid': 'hidden-sheets-toggle',
  });
  let showHidden = false;
  let last: { sheets: SheetView[]; selected: string } = { sheets: [], selected: '' };

  const tab = (sheet: SheetView, selected: string) => {
    const active = sheet.name === selected;
    return button(sheet.name, () => onSelect(sheet.name), {
      role: 'tab',
      class: sheet.hidden ? 'tab hidden-sheet' : 'tab',
      'aria-selected': String(active),
      tabindex: active ? 0 : -1,
      title: sheet.hidden ? '隐藏的工作表 Hidden sheet' : undefined,
      'data-testid': `tab-${sheet.name}`,
    });
  };

  const update = (sheets: SheetView[], selected: string) => {
    last = { sheets, selected };
    const hidden = sheets.filter((s) => s.hidden);
    const listed = hidden.filter((s) => showHidden || s.name === selected);
    list.replaceChildren(...[...sheets.filter((s) => !s.hidden), ...listed].map((s) => tab(s, selected)));
    toggle.hidden = hidden.length === 0;
    toggle.textContent = `${showHidden ? '▾' : '▸'} 隐藏的工作表 Hidden sheets (${hidden.length})`;
    toggle.setAttribute('aria-expanded', String(showHidden));
  };
  toggle.addEventListener('click', () => {
    showHidden = !showHidden;
    update(last.sheets, last.selected);
  });
  return { element: el('div', { class: 'tabbar' }, list, toggle), update };
}
