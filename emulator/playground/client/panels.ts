// The bottom panels: Outbox (rendered emails), Triggers, Calls (last execution's metrics) and Logs, as tabs.
import { api, type Mail, type Metrics, type State } from './api';
import type { Ctx } from './context';
import { button, el } from './dom';
import { formatInZone } from './time';
import { createTriggersPanel } from './triggers';

export interface Panel {
  id: string;
  label: string;
  element: HTMLElement;
  /** The number shown on the panel's tab. */
  count?: (state: State) => number;
  /** Fetches and renders the panel's data. */
  load(): Promise<void>;
}

/** Prefixed to every mail preview so it never reaches the network (remote images, fonts and styles stay blocked). */
const OFFLINE_CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`;

function mailPreview(mail: Mail): HTMLElement {
  const head = el(
    'dl',
    { class: 'mail-head' },
    el('dt', {}, '收件人 To'),
    el('dd', {}, mail.to),
    el('dt', {}, '主题 Subject'),
    el('dd', {}, mail.subject),
  );
  const body = mail.htmlBody
    ? el('iframe', {
        sandbox: '',
        srcdoc: OFFLINE_CSP + mail.htmlBody,
        title: `邮件 Mail: ${mail.subject}`,
        'data-testid': 'outbox-html',
      })
    : el('pre', { 'data-testid': 'outbox-text' }, mail.body);
  return el('div', { class: 'mail-preview' }, head, body);
}

function outboxPanel(ctx: Ctx): Panel {
  const list = el('ul', { class: 'mail-list' });
  const preview = el(
    'div',
    { class: 'mail-view' },
    el('p', { class: 'empty' }, '选择一封邮件 Pick a message'),
  );
  let chosen = -1;
  const show = (mails: Mail[], index: number) => {
    chosen = index;
    for (const item of list.querySelectorAll('button'))
      item.setAttribute('aria-pressed', String(item.dataset.index === String(index)));
    preview.replaceChildren(mailPreview(mails[index]!));
  };
  return {
    id: 'outbox',
    label: '发件箱 Outbox',
    count: (state) => state.outbox,
    element: el('div', { class: 'outbox', 'data-testid': 'panel-outbox' }, list, preview),
    async load() {
      const mails = await api.outbox();
      const items = mails.map((m, i) => {
        const when = formatInZone(m.sentAt, ctx.state.timeZone);
        const item = button('', () => show(mails, i), {
          'data-index': i,
          'aria-pressed': 'false',
          'data-testid': 'outbox-item',
        });
        item.append(
          el('span', { class: 'mail-subject' }, m.subject),
          el('span', { class: 'mail-meta' }, `${m.to} · ${when}`),
        );
        return el('li', {}, item);
      });
      list.replaceChildren(
        ...(items.length ? items.reverse() : [el('li', { class: 'empty' }, '还没有邮件 No mail sent yet')]),
      );
      if (mails[chosen]) show(mails, chosen);
    },
  };
}

const METRICS: (keyof Metrics)[] = ['fn', 'user', 'calls', 'reads', 'writes', 'flushes', 'emails', 'simMs'];

function metricsView(m: Metrics): HTMLElement[] {
  const summary = el(
    'dl',
    { class: 'metrics' },
    ...METRICS.flatMap((k) => [el('dt', {}, k), el('dd', {}, String(m[k]))]),
  );
  if (!m.ok) summary.append(el('dt', {}, 'error'), el('dd', { class: 'bad' }, m.error ?? ''));
  const rows = Object.entries(m.byApi)
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => el('tr', {}, el('td', {}, name), el('td', { class: 'num' }, String(n))));
  const table = el(
    'table',
    { class: 'list' },
    el('thead', {}, el('tr', {}, el('th', {}, 'API'), el('th', {}, '次数 Calls'))),
    el('tbody', {}, ...rows),
  );
  return [summary, table];
}

function callsPanel(): Panel {
  const element = el('div', { class: 'calls', 'data-testid': 'panel-calls' });
  return {
    id: 'calls',
    label: '调用 Calls',
    element,
    async load() {
      const metrics = await api.calls();
      element.replaceChildren(
        ...(metrics ? metricsView(metrics) : [el('p', { class: 'empty' }, '还没有执行 No execution yet')]),
      );
    },
  };
}

function logsPanel(ctx: Ctx): Panel {
  const body = el('tbody');
  const element = el(
    'div',
    { class: 'logs', 'data-testid': 'panel-logs' },
    el(
      'table',
      { class: 'list' },
      el(
        'thead',
        {},
        el('tr', {}, ...['时间 At', '执行 Exec', '级别 Level', '消息 Message'].map((h) => el('th', {}, h))),
      ),
      body,
    ),
  );
  return {
    id: 'logs',
    label: '日志 Logs',
    element,
    async load() {
      const logs = await api.logs();
      const rows = logs.map((l) =>
        el(
          'tr',
          { class: `level-${l.level}` },
          el('td', {}, formatInZone(l.at, ctx.state.timeZone)),
          el('td', { class: 'num' }, String(l.exec)),
          el('td', {}, l.level),
          el('td', {}, el('pre', {}, l.message)),
        ),
      );
      body.replaceChildren(
        ...(rows.length
          ? rows
          : [el('tr', {}, el('td', { colspan: 4, class: 'empty' }, '还没有日志 No logs yet'))]),
      );
      body.lastElementChild?.scrollIntoView({ block: 'nearest' });
    },
  };
}

export function createPanels(ctx: Ctx): { element: HTMLElement; update(state: State): Promise<void> } {
  const panels = [outboxPanel(ctx), createTriggersPanel(ctx), callsPanel(), logsPanel(ctx)];
  let current = panels[0]!;
  const tabs = panels.map((p) =>
    button(p.label, () => void ctx.run(() => select(p)), {
      role: 'tab',
      id: `panel-tab-${p.id}`,
      'data-testid': `panel-tab-${p.id}`,
    }),
  );
  const bodies = panels.map((p, i) =>
    el('div', { role: 'tabpanel', class: 'panel', 'aria-labelledby': tabs[i]!.id }, p.element),
  );

  const mark = (panel: Panel) => {
    current = panel;
    panels.forEach((p, i) => {
      tabs[i]!.setAttribute('aria-selected', String(p === panel));
      bodies[i]!.hidden = p !== panel;
    });
  };
  async function select(panel: Panel): Promise<void> {
    mark(panel);
    await panel.load();
  }
  mark(current);
  return {
    element: el(
      'section',
      { class: 'panels', 'aria-label': '面板 Panels' },
      el('div', { class: 'panel-tabs', role: 'tablist' }, ...tabs),
      ...bodies,
    ),
    async update(state) {
      panels.forEach((p, i) => {
        tabs[i]!.textContent = p.count ? `${p.label} (${p.count(state)})` : p.label;
      });
      await current.load();
    },
  };
}
