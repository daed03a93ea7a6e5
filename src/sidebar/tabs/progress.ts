// 更新进度 / Update progress (SPEC §5): my open subtasks first, which still miss today's update, and the update form.
import { Status } from '../../core/enums';
import { updateProgressSchema, validate } from '../../core/schemas';
import type { SubtaskItem } from '../../core/sidebar-model';
import type { Ctx } from '../context';
import { badge, h, metaLine } from '../dom';
import {
  actionForm,
  ErrorView,
  type Field,
  field,
  group,
  input,
  onSubmit,
  say,
  submitBar,
  textarea,
} from '../form';
import { callServer } from '../rpc';
import type { TabView } from '../tabs';

export function progressTab(ctx: Ctx): TabView {
  const { t, locale } = ctx;
  let selected: string | null = null;

  const summary = h('p', { class: 'summary', 'data-testid': 'missing-summary' });
  const picker = h('div', { class: 'picker' });
  const progress = input('pg-progress', { type: 'number', min: 0, max: 100, step: 1, inputmode: 'numeric' });
  const done = textarea('pg-done');
  const next = textarea('pg-next');
  const blockers = textarea('pg-blockers');
  const fields: Record<string, Field> = {
    subtaskId: group('pg-pick', t('field.subtaskPick'), picker, { required: true }),
    progress: field(t('field.progress'), progress, { required: true }),
    done: field(t('field.done'), done),
    next: field(t('field.next'), next),
    blockers: field(t('field.blockers'), blockers, { hint: t('hint.blockers') }),
  };
  const bar = submitBar(t('button.saveProgress'), 'save-progress');
  const form = actionForm(
    t('tab.progress'),
    ctx.canAct(),
    summary,
    fields.subtaskId!.wrap,
    fields.progress!.wrap,
    fields.done!.wrap,
    fields.next!.wrap,
    fields.blockers!.wrap,
    bar.row,
  );

  function fill(item: SubtaskItem): void {
    selected = item.subtaskId;
    progress.value = item.progress === null ? '' : String(item.progress);
    done.value = item.done;
    next.value = item.next;
    blockers.value = item.blockers;
  }

  function pick(item: SubtaskItem, mine: boolean): HTMLElement {
    const radio = h('input', {
      type: 'radio',
      name: 'pg-subtask',
      id: `pg-${item.subtaskId}`,
      value: item.subtaskId,
    });
    radio.checked = item.subtaskId === selected;
    radio.addEventListener('change', () => fill(item));
    const missing = mine && ctx.model.missingToday.includes(item.subtaskId);
    return h(
      'label',
      { class: 'pick', for: radio.id, 'data-testid': `pick-${item.subtaskId}` },
      radio,
      h(
        'span',
        { class: 'pick-body' },
        h(
          'span',
          { class: 'pick-title' },
          item.name,
          missing ? badge(t('badge.missingToday'), 'warn') : null,
          item.overdue ? badge(t('msg.overdue'), 'warn') : null,
        ),
        metaLine([
          item.subtaskId,
          item.progress !== null && `${item.progress}%`,
          item.due && t('label.due', { due: item.due }),
        ]),
        h('span', { class: 'meta' }, mine ? item.taskName : `${item.taskName} · ${item.owner}`),
      ),
    );
  }

  function render(): void {
    const { myOpenSubtasks: mine, otherOpenSubtasks: others, missingToday } = ctx.model;
    summary.textContent =
      mine.length === 0
        ? t('msg.noSubtasks')
        : missingToday.length > 0
          ? t('msg.missingToday', { count: missingToday.length })
          : t('msg.allUpdated');
    summary.className = `summary ${mine.length === 0 ? 'summary-none' : missingToday.length > 0 ? 'summary-warn' : ''}`;
    picker.replaceChildren(
      h('h3', {}, t('section.mySubtasks')),
      mine.length
        ? h('div', { class: 'picks' }, ...mine.map((s) => pick(s, true)))
        : h('p', { class: 'hint' }, t('msg.noTasks')),
    );
    if (others.length) {
      picker.append(
        h('h3', {}, t('section.otherSubtasks')),
        h('div', { class: 'picks' }, ...others.map((s) => pick(s, false))),
      );
    }
  }

  onSubmit(form, {
    bar,
    errors: new ErrorView((path) => fields[path], locale),
    t,
    check: () =>
      validate(
        updateProgressSchema,
        {
          subtaskId: selected ?? '',
          progress: progress.value === '' ? undefined : Number(progress.value),
          done: done.value,
          next: next.value,
          blockers: blockers.value,
        },
        locale,
      ),
    call: (value) => callServer('updateProgress', value),
    done: (r) => {
      say(bar, t('msg.progressSaved', { status: Status.label(r.taskStatus, locale) }), 'ok');
      void ctx.refresh();
    },
  });

  render();
  const panel = h('section', { class: 'panel' }, form);
  return {
    key: 'progress',
    label: t('tab.progress'),
    panel,
    count: () => (ctx.model.missingToday.length ? String(ctx.model.missingToday.length) : ''),
    update: render,
  };
}
