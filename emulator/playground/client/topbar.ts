// The top bar: spreadsheet name, simulated clock, acting user, refresh, and reset with its language.
import { api, type State } from './api';
import type { Ctx } from './context';
import { button, el, labelled } from './dom';
import { askConfirm } from './modal';
import { formatInZone, fromLocalInput, nextDayAt, plusHours, toLocalInput } from './time';

export interface Topbar {
  element: HTMLElement;
  update(state: State): void;
}

const ROLE_LABELS: Record<string, string> = { manager: '主管', lead: '负责人', member: '成员' };

function userOptions(state: State): HTMLOptionElement[] {
  const people = state.team.some((m) => m.email === state.owner)
    ? state.team
    : [...state.team, { name: '所有者 owner', email: state.owner, role: '' }];
  return people.map((m) =>
    el('option', { value: m.email }, `${m.name} <${m.email}> ${ROLE_LABELS[m.role] ?? m.role}`),
  );
}

/** The earliest next run of the daily jobs, as the admin's settings report it (the jobs run as the admin). */
async function nextJobTime(ctx: Ctx): Promise<string> {
  const answer = await api.nextJobRuns(ctx.state.owner);
  if (!answer.ok || !answer.result)
    throw new Error(answer.error?.message ?? '无法读取任务时间 Cannot read the job times.');
  const next = answer.result.status.jobs.map((j) => j.nextRun).sort()[0];
  const iso = next ? fromLocalInput(next.replace(' ', 'T'), ctx.state.timeZone) : null;
  if (!iso) throw new Error('没有已安排的任务 No job is scheduled.');
  return iso;
}

function clockControls(ctx: Ctx): { element: HTMLElement; update(state: State): void } {
  const shown = el('output', { class: 'clock-now', 'data-testid': 'clock-now' });
  const input = el('input', { type: 'datetime-local', step: 60, 'data-testid': 'clock-input' });
  const setClock = (given: string | null, pending?: Promise<string>) =>
    ctx.run(async () => {
      const iso = pending ? await pending : given;
      if (!iso) throw new Error('请选择时间 Pick a date and time first.');
      await api.clock(iso);
      ctx.status(`时钟 Clock → ${formatInZone(iso, ctx.state.timeZone)}`);
      await ctx.refresh();
    });
  const form = el(
    'form',
    { class: 'clock' },
    el('span', { class: 'label' }, '时钟 Clock'),
    shown,
    labelled('设为 Set to', input),
    el('button', { type: 'submit' }, '设置 Set'),
    button('+1 h', () => setClock(plusHours(ctx.state.now, 1))),
    button('次日 09:00 Next day 09:00', () => setClock(nextDayAt(ctx.state.now, 9, ctx.state.timeZone))),
    button('下一个任务时间 Next job time', () => setClock(null, nextJobTime(ctx))),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void setClock(fromLocalInput(input.value, ctx.state.timeZone));
  });
  return {
    element: form,
    update(state) {
      shown.textContent = `${formatInZone(state.now, state.timeZone)} (${state.timeZone})`;
      if (document.activeElement !== input) input.value = toLocalInput(state.now, state.timeZone);
    },
  };
}

function resetControls(ctx: Ctx): { element: HTMLElement; update(state: State): void } {
  const language = el(
    'select',
    { 'data-testid': 'reset-locale' },
    el('option', { value: 'zh-CN' }, '中文 zh-CN'),
    el('option', { value: 'en' }, 'English en'),
  );
  let chosen = false;
  language.addEventListener('change', () => {
    chosen = true;
  });
  const reset = () =>
    ctx.run(async () => {
      const ok = await askConfirm(
        '重置 Reset',
        `用示例数据重新开始(${language.value})? Start over from the sample data?`,
      );
      if (!ok) return;
      await api.reset(language.value);
      ctx.status('已重置 Reset to the sample data');
      await ctx.reopen();
    });
  /** The language follows the workbook's until the user picks one. */
  return {
    element: el('div', { class: 'reset' }, labelled('语言 Language', language), button('重置 Reset', reset)),
    update(state) {
      if (!chosen) language.value = state.locale.startsWith('en') ? 'en' : 'zh-CN';
    },
  };
}

export function createTopbar(ctx: Ctx): Topbar {
  const name = el('h1', { 'data-testid': 'spreadsheet-name' });
  const users = el('select', { 'data-testid': 'user-picker' });
  users.addEventListener('change', () => void ctx.run(() => ctx.setUser(users.value)));
  const clock = clockControls(ctx);
  const reset = resetControls(ctx);
  const element = el(
    'header',
    { class: 'topbar' },
    name,
    clock.element,
    labelled('身份 Acting as', users),
    button('刷新 Refresh', () => void ctx.run(ctx.refresh)),
    reset.element,
  );
  return {
    element,
    update(state) {
      name.textContent = state.name;
      document.title = `${state.name} · Task Sync playground`;
      users.replaceChildren(...userOptions(state));
      users.value = ctx.user;
      clock.update(state);
      reset.update(state);
    },
  };
}
