// The add-on sidebar panel: /sidebar in an iframe, 300 px wide on the right, closed by its button or google.script.host.close().
import { button, el } from './dom';

export interface Sidebar {
  element: HTMLElement;
  /** Opens (or reloads) the sidebar as this user. */
  show(user: string): void;
  /** Reloads it as this user if it is open. */
  switchUser(user: string): void;
}

export function createSidebar(): Sidebar {
  const frame = el('iframe', { title: '侧边栏 Sidebar', 'data-testid': 'sidebar-frame' });
  const hide = () => {
    element.hidden = true;
    frame.removeAttribute('src');
  };
  const element = el(
    'aside',
    { class: 'sidebar', 'aria-label': '侧边栏 Sidebar', 'data-testid': 'sidebar', hidden: true },
    el(
      'div',
      { class: 'sidebar-head' },
      el('h2', {}, '任务同步 Task Sync'),
      button('✕', hide, { 'aria-label': '关闭侧边栏 Close sidebar', 'data-testid': 'sidebar-close' }),
    ),
    frame,
  );
  window.addEventListener('message', (e) => {
    const data = e.data as { source?: string; type?: string } | null;
    if (e.source === frame.contentWindow && data?.source === 'task-sync-sidebar' && data.type === 'close')
      hide();
  });
  const show = (user: string) => {
    element.hidden = false;
    frame.src = `/sidebar?user=${encodeURIComponent(user)}`;
  };
  return {
    element,
    show,
    switchUser(user) {
      if (!element.hidden) show(user);
    },
  };
}
