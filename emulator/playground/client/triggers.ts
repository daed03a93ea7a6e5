// The Triggers panel: installed triggers with "run now", running every trigger due up to the clock, or any handler.
import { api, type TriggerInfo, type TriggerRun } from './api';
import type { Ctx } from './context';
import { button, el, labelled } from './dom';
import type { Panel } from './panels';
import { formatInZone } from './time';

function kindOf(t: TriggerInfo): string {
  const spec = t.clock ? Object.entries(t.clock).map(([k, v]) => `${k}=${v}`) : [];
  return [t.eventType, ...spec].join(' ');
}

function runSummary(runs: TriggerRun[], timeZone: string): string {
  if (!runs.length) return '没有到期的触发器 No trigger was due';
  return runs
    .map(
      (r) => `${r.handler} @ ${formatInZone(r.at, timeZone)} ${r.ok ? '✓' : `✗ ${r.error?.message ?? ''}`}`,
    )
    .join(' · ');
}

export function createTriggersPanel(ctx: Ctx): Panel {
  const run = (handler?: string) =>
    ctx.run(async () => {
      const runs = await api.runTriggers(ctx.user, handler);
      ctx.status(runSummary(runs, ctx.state.timeZone), runs.every((r) => r.ok) ? 'info' : 'error');
      await ctx.refresh();
    });
  const rowOf = (t: TriggerInfo) =>
    el(
      'tr',
      {},
      el('td', {}, t.handler),
      el('td', {}, t.owner),
      el('td', {}, kindOf(t)),
      el('td', {}, t.lastRun ? formatInZone(t.lastRun, ctx.state.timeZone) : '—'),
      el(
        'td',
        {},
        button('立即运行 Run now', () => void run(t.handler), { 'data-testid': `trigger-run-${t.handler}` }),
      ),
    );

  const body = el('tbody');
  const handler = el('input', {
    type: 'text',
    autocomplete: 'off',
    placeholder: 'functionName',
    'data-testid': 'run-handler',
  });
  const form = el(
    'form',
    { class: 'run-handler' },
    labelled('处理函数 Handler', handler),
    el('button', { type: 'submit' }, '运行 Run'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (handler.value.trim()) void run(handler.value.trim());
  });
  const headers = ['处理函数 Handler', '所有者 Owner', '类型 Type', '上次运行 Last run', ''];
  return {
    id: 'triggers',
    label: '触发器 Triggers',
    count: (state) => state.triggers,
    element: el(
      'div',
      { class: 'triggers', 'data-testid': 'panel-triggers' },
      el(
        'div',
        { class: 'actions' },
        button('运行到期触发器 Run due triggers up to now', () => void run(), { 'data-testid': 'run-due' }),
        form,
      ),
      el(
        'table',
        { class: 'list' },
        el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', {}, h)))),
        body,
      ),
    ),
    async load() {
      const triggers = await api.triggers();
      body.replaceChildren(
        ...(triggers.length
          ? triggers.map(rowOf)
          : [
              el(
                'tr',
                {},
                el('td', { colspan: 5, class: 'empty' }, '没有已安装的触发器 No installed triggers'),
              ),
            ]),
      );
    },
  };
}
