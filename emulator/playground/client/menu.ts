// The menu bar: 扩展程序 / Extensions with the add-on menu onOpen built, and reopening the file (optionally in AuthMode.NONE).
import { api, type Menu, type MenuItem } from './api';
import type { Ctx } from './context';
import { button, el } from './dom';
import { askText, showMessage } from './modal';

export interface Menubar {
  element: HTMLElement;
  update(menus: Menu[]): void;
  /** Opens the file as the acting user: onOpen runs and builds the menu. */
  open(): Promise<void>;
}

/** Menu functions that ask with ui.prompt(): the question the page asks first, whose answer is queued. */
const PROMPTS: Record<string, { title: string; label: string }> = {
  restoreFromArchive: { title: '从归档恢复 Restore from archive', label: '任务ID Task ID' },
};

async function answersFor(fn: string): Promise<string[] | null> {
  const prompt = PROMPTS[fn];
  if (!prompt) return [];
  const answer = await askText(prompt.title, prompt.label);
  return answer === null ? null : [answer];
}

async function runItem(ctx: Ctx, item: MenuItem): Promise<void> {
  const answers = await answersFor(item.functionName);
  if (!answers) return;
  const answer = await api.menu(item.functionName, ctx.user, answers);
  await ctx.refresh();
  if (answer.sidebar) ctx.showSidebar();
  if (answer.ok) ctx.status(`${item.caption} ✓`);
  else ctx.status(`${item.caption} ✗ ${answer.error?.message ?? ''}`, 'error');
  for (const alert of answer.alerts) await showMessage(alert.title || item.caption, alert.prompt);
  if (!answer.ok) await showMessage(`${item.caption} 出错 failed`, answer.error?.message ?? '', 'error');
}

function menuGroup(ctx: Ctx, menu: Menu, close: () => void): HTMLElement {
  const entries = menu.items.map((entry) => {
    if ('separator' in entry) return el('div', { role: 'separator', class: 'separator' });
    const run = () => {
      close();
      void ctx.run(() => runItem(ctx, entry));
    };
    return button(entry.caption, run, { role: 'menuitem', 'data-testid': `menu-item-${entry.functionName}` });
  });
  return el(
    'div',
    { role: 'group', 'aria-label': menu.title },
    el('div', { class: 'menu-title' }, menu.title),
    ...entries,
  );
}

/** Arrow keys move between items, Escape closes and returns to the menu button. */
function menuKeys(dropdown: HTMLElement, close: () => void) {
  return (e: KeyboardEvent) => {
    const items = [...dropdown.querySelectorAll<HTMLButtonElement>('[role=menuitem]')];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') close();
    else if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    e.preventDefault();
  };
}

export function createMenubar(ctx: Ctx): Menubar {
  const dropdown = el('div', { class: 'dropdown', role: 'menu', id: 'menu-extensions-list', hidden: true });
  const opener = el(
    'button',
    {
      type: 'button',
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
      'aria-controls': dropdown.id,
      'data-testid': 'menu-extensions',
    },
    '扩展程序 Extensions ▾',
  );
  const setOpen = (open: boolean) => {
    dropdown.hidden = !open;
    opener.setAttribute('aria-expanded', String(open));
  };
  const close = () => {
    setOpen(false);
    opener.focus();
  };
  opener.addEventListener('click', () => {
    setOpen(dropdown.hidden);
    if (!dropdown.hidden) dropdown.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
  });
  dropdown.addEventListener('keydown', menuKeys(dropdown, close));
  const menu = el('div', { class: 'menu' }, opener, dropdown);
  menu.addEventListener('focusout', (e) => {
    if (!menu.contains(e.relatedTarget as Node | null)) setOpen(false);
  });

  const noneMode = el('input', { type: 'checkbox', 'data-testid': 'auth-none' });
  const open = async () => {
    const answer = await api.open(ctx.user, noneMode.checked ? 'NONE' : 'LIMITED');
    if (!answer.ok) ctx.status(`onOpen ✗ ${answer.error?.message ?? ''}`, 'error');
    menubar.update(answer.menus);
  };
  const reopen = () => void ctx.run(ctx.reopen);
  noneMode.addEventListener('change', reopen);

  const menubar: Menubar = {
    element: el(
      'nav',
      { class: 'menubar', 'aria-label': '菜单 Menu' },
      menu,
      el('label', { class: 'check' }, noneMode, '以 AuthMode.NONE 打开 Open in AuthMode.NONE'),
      button('重新打开 Reopen (onOpen)', reopen),
    ),
    update(menus) {
      const groups = menus.map((m) => menuGroup(ctx, m, close));
      dropdown.replaceChildren(
        ...(groups.length
          ? groups
          : [el('div', { class: 'empty' }, '没有菜单 No add-on menu (onOpen added none)')]),
      );
    },
    open,
  };
  return menubar;
}
