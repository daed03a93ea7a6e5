// The sidebar app: a loading state, one getSidebarModel call, then every tab from the model; on failure the error and a retry.
import type { SidebarModel } from '../core/sidebar-model';
import { BOOT_TEXTS } from '../core/sidebar-strings';
import { type Ctx, canAct, schemaContext, translator } from './context';
import { h } from './dom';
import { callServer, loadInto, messageOf } from './rpc';
import { type TabView, tabStrip } from './tabs';
import { myTasksTab } from './tabs/my-tasks';
import { newTaskTab } from './tabs/new-task';
import { progressTab } from './tabs/progress';
import { settingsTab } from './tabs/settings';
import { syncTab } from './tabs/sync';

/** Before the model arrives the locale is unknown, so the loading and retry texts are in both languages. */
const bilingual = (key: keyof typeof BOOT_TEXTS) => `${BOOT_TEXTS[key].zh} · ${BOOT_TEXTS[key].en}`;

function notices(model: SidebarModel, t: Ctx['t']): HTMLElement[] {
  const { me } = model;
  if (!me.known) return [h('p', { class: 'notice', role: 'note' }, t('msg.unknownUser'))];
  if (me.name === null)
    return [h('p', { class: 'notice', role: 'note' }, t('msg.notOnTeam', { email: me.email }))];
  return [h('p', { class: 'whoami' }, t('msg.me', { name: me.name, email: me.email }))];
}

function render(root: HTMLElement, first: SidebarModel): void {
  let model = first;
  document.documentElement.lang = model.locale;
  const t = translator(model.strings);
  const header = h('div', { class: 'notices', 'data-testid': 'notices' }, ...notices(model, t));
  const problem = h('p', { class: 'status status-error', role: 'alert' });
  problem.hidden = true;
  let views: TabView[] = [];
  let strip: ReturnType<typeof tabStrip> | null = null;

  const ctx: Ctx = {
    get model() {
      return model;
    },
    locale: model.locale,
    t,
    schema: () => schemaContext(model),
    canAct: () => canAct(model),
    refresh: async () => {
      try {
        model = await callServer('getSidebarModel');
        problem.hidden = true;
      } catch (e) {
        problem.textContent = messageOf(e);
        problem.hidden = false;
        return;
      }
      header.replaceChildren(...notices(model, t));
      for (const view of views) view.update?.();
      strip?.updateCounts();
    },
  };

  views = [
    newTaskTab(ctx),
    progressTab(ctx),
    syncTab(ctx),
    myTasksTab(ctx),
    ...(model.me.isAdmin ? [settingsTab(ctx)] : []),
  ];
  strip = tabStrip(views, t('app.title'));
  root.replaceChildren(header, problem, strip.element, ...views.map((v) => v.panel));
}

export function startSidebar(root: HTMLElement): void {
  const load = async () => {
    root.dataset.ready = 'loading';
    root.setAttribute('aria-busy', 'true');
    const shown = await loadInto(root, {
      loading: bilingual('msg.loading'),
      retry: bilingual('button.retry'),
      fetch: () => callServer('getSidebarModel'),
      show: (model) => render(root, model),
      again: () => void load(),
      errorAttrs: { 'data-testid': 'load-error' },
      retryAttrs: { class: 'primary', 'data-testid': 'retry' },
    });
    root.dataset.ready = shown ? 'true' : 'error';
    root.removeAttribute('aria-busy');
  };
  void load();
}
