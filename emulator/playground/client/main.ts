// Playground page: wires the top bar, menu, workbook grid, sidebar and bottom panels to the playground's HTTP API.
import { api, type State, type Workbook } from './api';
import type { Ctx } from './context';
import { el } from './dom';
import { createSheetArea } from './grid';
import { createMenubar } from './menu';
import { createPanels } from './panels';
import { createSidebar } from './sidebar';
import { createTopbar } from './topbar';

const USER_KEY = 'taskSync.playground.user';

/** The remembered user if they can still open the file, else the server's default. */
function pickUser(state: State, wanted: string | null): string {
  const known = state.team.some((m) => m.email === wanted) || wanted === state.owner;
  return wanted && known ? wanted : state.defaultUser;
}

async function start(root: HTMLElement): Promise<void> {
  let state = await api.state();
  let workbook: Workbook = { timeZone: state.timeZone, sheets: [] };
  let user = pickUser(state, localStorage.getItem(USER_KEY));
  const statusLine = el('p', { class: 'status', role: 'status', 'data-testid': 'status' });

  const ctx: Ctx = {
    get state() {
      return state;
    },
    get workbook() {
      return workbook;
    },
    get user() {
      return user;
    },
    async setUser(email) {
      user = email;
      localStorage.setItem(USER_KEY, email);
      ctx.status(`身份 Acting as ${email}`);
      await ctx.reopen();
    },
    async refresh() {
      [state, workbook] = await Promise.all([api.state(), api.workbook()]);
      user = pickUser(state, user);
      topbar.update(state);
      menubar.update(state.menus);
      sheets.update();
      await panels.update(state);
    },
    async reopen() {
      await menubar.open();
      sidebar.switchUser(user);
      await ctx.refresh();
    },
    status(text, tone = 'info') {
      statusLine.textContent = text;
      statusLine.className = `status ${tone}`;
    },
    showSidebar: () => sidebar.show(user),
    async run(action) {
      try {
        await action();
      } catch (e) {
        ctx.status(`✗ ${(e as Error).message}`, 'error');
      }
    },
  };

  const topbar = createTopbar(ctx);
  const menubar = createMenubar(ctx);
  const sheets = createSheetArea(ctx);
  const sidebar = createSidebar();
  const panels = createPanels(ctx);
  root.replaceChildren(
    topbar.element,
    menubar.element,
    el(
      'div',
      { class: 'workspace' },
      el('div', { class: 'main-column' }, sheets.element, statusLine, panels.element),
      sidebar.element,
    ),
  );
  await ctx.run(ctx.reopen);
  root.dataset.ready = 'true';
}

const root = document.getElementById('app')!;
start(root).catch((e: Error) => {
  root.textContent = `无法加载 Could not load the playground: ${e.message}`;
});
