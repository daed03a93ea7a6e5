// 设置 / Settings (SPEC §9, admin only): fetched when first opened; job times, windows, calendar, email, and how the jobs stand.
import { fieldLabel, type SettingsPatch, settingsPatchSchema, validate } from '../../core/schemas';
import { SETTING_RANGES } from '../../core/settings';
import type { SettingsView } from '../../gas/settings-actions';
import type { Ctx } from '../context';
import { h, option } from '../dom';
import { ErrorView, type Field, field, input, onSubmit, say, submitBar, textarea } from '../form';
import { callServer, loadInto } from '../rpc';
import type { TabView } from '../tabs';

/** The settings typed as numbers; 子任务上限 is a choice of its few values instead. */
const { maxSubtasks: SUBTASK_RANGE, ...NUMBERS } = SETTING_RANGES;
type NumberKey = keyof typeof NUMBERS;
const NUMBER_KEYS = Object.keys(NUMBERS) as NumberKey[];

const dateLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

export function settingsTab(ctx: Ctx): TabView {
  const { t, locale } = ctx;
  const panel = h('section', { class: 'panel' });
  /** Fetched or being fetched; after a failed fetch, opening the tab again tries again. */
  let requested = false;

  function status(view: SettingsView): HTMLElement {
    const { triggers, remainingEmailQuota, timeZone, runsAs, jobs } = view.status;
    return h(
      'div',
      { class: 'card', 'data-testid': 'settings-status' },
      h('div', {}, t('msg.timeZone', { timeZone })),
      h('div', {}, t('msg.quota', { count: remainingEmailQuota })),
      h('div', {}, runsAs ? t('msg.runsAs', { admin: runsAs }) : t('msg.jobsNotInstalled')),
      h(
        'ul',
        { class: 'plain-list', 'data-testid': 'settings-jobs' },
        ...jobs.map((j) =>
          h(
            'li',
            { class: 'meta' },
            t('msg.jobRun', { job: t(`job.${j.job}`), last: j.lastRun ?? '—', next: j.nextRun }),
          ),
        ),
      ),
      h('div', {}, t('msg.triggers')),
      triggers.length
        ? h(
            'ul',
            { class: 'plain-list' },
            ...triggers.map((tr) => h('li', { class: 'meta' }, `${tr.handler} · ${tr.type}`)),
          )
        : h('div', { class: 'meta' }, t('msg.noTriggers')),
    );
  }

  function form(view: SettingsView): { element: HTMLFormElement; bar: ReturnType<typeof submitBar> } {
    const numbers = Object.fromEntries(
      NUMBER_KEYS.map((key) => [
        key,
        input(`st-${key}`, { type: 'number', ...NUMBERS[key], step: 1, value: view[key] }),
      ]),
    ) as Record<NumberKey, HTMLInputElement>;
    const maxSubtasks = h('select', { id: 'st-maxSubtasks' });
    for (let n = SUBTASK_RANGE.min; n <= SUBTASK_RANGE.max; n++)
      maxSubtasks.append(option(String(n), String(n), n === view.maxSubtasks));
    const calendar = h(
      'select',
      { id: 'st-calendar' },
      option('cn', t('settings.calendar.cn'), view.calendar === 'cn'),
      option('weekdays', t('settings.calendar.weekdays'), view.calendar === 'weekdays'),
    );
    const holidays = textarea('st-extraHolidays', 3);
    holidays.value = view.extraHolidays.join('\n');
    const workdays = textarea('st-extraWorkdays', 3);
    workdays.value = view.extraWorkdays.join('\n');
    const email = h(
      'select',
      { id: 'st-email' },
      option('on', t('settings.email.on'), view.email === 'on'),
      option('dryRun', t('settings.email.dryRun'), view.email === 'dryRun'),
    );
    const label = (key: string) => fieldLabel(key, locale);
    const fields: Record<string, Field> = {
      ...Object.fromEntries(NUMBER_KEYS.map((key) => [key, field(label(key), numbers[key])])),
      maxSubtasks: field(label('maxSubtasks'), maxSubtasks),
      calendar: field(label('calendar'), calendar),
      extraHolidays: field(label('extraHolidays'), holidays, { hint: t('hint.oneDatePerLine') }),
      extraWorkdays: field(label('extraWorkdays'), workdays, { hint: t('hint.oneDatePerLine') }),
      email: field(label('email'), email),
    };
    const pair = (a: string, b: string) => h('div', { class: 'row2' }, fields[a]!.wrap, fields[b]!.wrap);
    const bar = submitBar(t('button.saveSettings'), 'save-settings');
    const element = h(
      'form',
      { 'aria-label': t('tab.settings') },
      h('h3', {}, t('section.schedule')),
      pair('digestHour', 'archiveHour'),
      pair('rollCallHour', 'rollCallMinute'),
      pair('escalationHour', 'escalationMinute'),
      h('h3', {}, t('section.rules')),
      pair('dueSoonDays', 'archiveDelayDays'),
      fields.maxSubtasks!.wrap,
      fields.calendar!.wrap,
      fields.extraHolidays!.wrap,
      fields.extraWorkdays!.wrap,
      fields.email!.wrap,
      bar.row,
    );

    /** Only what changed goes to saveSettings (a partial); empty number boxes are reported, not skipped. */
    const patch = (): Record<string, unknown> => {
      const now: Record<string, unknown> = {
        ...Object.fromEntries(
          NUMBER_KEYS.map((key) => {
            const v = numbers[key].value;
            return [key, v === '' ? '' : Number(v)];
          }),
        ),
        maxSubtasks: Number(maxSubtasks.value),
        calendar: calendar.value,
        extraHolidays: dateLines(holidays.value),
        extraWorkdays: dateLines(workdays.value),
        email: email.value,
      };
      const before = view as unknown as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(now).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])),
      );
    };

    onSubmit(element, {
      bar,
      errors: new ErrorView((path) => fields[path], locale),
      t,
      check: () => validate(settingsPatchSchema, patch(), locale),
      call: (value: SettingsPatch) => callServer('saveSettings', value),
      done: (saved) => {
        show(saved, t('msg.settingsSaved'));
        void ctx.refresh();
      },
    });
    return { element, bar };
  }

  function show(view: SettingsView, message = ''): void {
    const f = form(view);
    panel.replaceChildren(status(view), f.element);
    if (message) say(f.bar, message, 'ok');
  }

  async function load(): Promise<void> {
    requested = true;
    requested = await loadInto(panel, {
      loading: t('msg.loading'),
      retry: t('button.retry'),
      fetch: () => callServer('getSettings'),
      show: (view) => show(view),
      again: () => void load(),
    });
  }

  return {
    key: 'settings',
    label: t('tab.settings'),
    panel,
    shown: () => {
      if (!requested) void load();
    },
  };
}
