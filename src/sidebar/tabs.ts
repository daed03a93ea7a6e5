// The tab strip (WAI-ARIA tabs): arrow keys, Home and End move between tabs; the selected tab shows its panel.
import { h } from './dom';

export interface TabView {
  key: string;
  label: string;
  panel: HTMLElement;
  /** A short count beside the label (e.g. subtasks missing today's update); '' for none. */
  count?: () => string;
  /** Called each time the tab is shown. */
  shown?: () => void;
  /** Called after the model is refreshed. */
  update?: () => void;
}

export interface TabStrip {
  element: HTMLElement;
  select(key: string, focus?: boolean): void;
  /** Re-reads every tab's count. */
  updateCounts(): void;
}

export function tabStrip(views: TabView[], label: string): TabStrip {
  const list = h('div', { class: 'tablist', role: 'tablist', 'aria-label': label });
  const tabs = views.map((view) => {
    const count = h('span', { class: 'tab-count' });
    const tab = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${view.key}`,
        'aria-controls': `panel-${view.key}`,
        'aria-selected': 'false',
        tabindex: -1,
        'data-testid': `tab-${view.key}`,
      },
      view.label,
      count,
    );
    view.panel.id = `panel-${view.key}`;
    view.panel.setAttribute('role', 'tabpanel');
    view.panel.setAttribute('aria-labelledby', tab.id);
    view.panel.hidden = true;
    tab.addEventListener('click', () => select(view.key));
    list.append(tab);
    return { view, tab, count };
  });
  let current = '';

  function select(key: string, focus = false): void {
    for (const { view, tab } of tabs) {
      const on = view.key === key;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      view.panel.hidden = !on;
      if (on && focus) tab.focus();
    }
    if (key !== current) {
      current = key;
      tabs.find((x) => x.view.key === key)?.view.shown?.();
    }
  }

  list.addEventListener('keydown', (e) => {
    const at = tabs.findIndex((x) => x.view.key === current);
    const to: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    if (!(e.key in to)) return;
    e.preventDefault();
    const next = tabs[(to[e.key]! + tabs.length) % tabs.length]!;
    select(next.view.key, true);
  });

  const updateCounts = () => {
    for (const { view, count } of tabs) {
      const text = view.count?.() ?? '';
      count.textContent = text;
      count.hidden = text === '';
    }
  };
  updateCounts();
  select(views[0]!.key);
  return { element: list, select, updateCounts };
}
