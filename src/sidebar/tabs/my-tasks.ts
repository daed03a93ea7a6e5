// 我的任务 / My tasks (SPEC §5): tasks awaiting my acceptance, my subtasks, the tasks I own or initiated, and the review.
import { Status, type StatusCode } from '../../core/enums';
import {
  acceptTaskSchema,
  reasonSchema,
  retrospectiveSchema,
  taskRefSchema,
  validate,
} from '../../core/schemas';
import type { SubtaskItem, TaskItem } from '../../core/sidebar-model';
import type { Ctx } from '../context';
import { badge, h, metaLine } from '../dom';
import { barOf, ErrorView, field, runAction, type SubmitBar, say, textarea } from '../form';
import { reviewForm } from '../review';
import { callServer } from '../rpc';
import type { TabView } from '../tabs';

export function myTasksTab(ctx: Ctx): TabView {
  const { t, locale } = ctx;
  const result = h('p', { class: 'status status-ok', role: 'status', 'aria-live': 'polite' });
  result.hidden = true;
  const panel = h('section', { class: 'panel' });
  const review = reviewForm(ctx);
  /** Retrospectives being written, by task ID: kept across re-renders so a refresh loses nothing typed. */
  const drafts = new Map<string, string>();

  /** After a successful action: say where the task stands now, then reload the model. */
  const changed = (taskId: string) => (r: { status: StatusCode }) => {
    result.textContent = `${taskId} — ${t('msg.statusChanged', { status: Status.label(r.status, locale) })}`;
    result.hidden = false;
    void ctx.refresh();
  };

  const statusBadge = (task: TaskItem) =>
    task.status
      ? badge(
          Status.label(task.status, locale),
          task.status === 'done' || task.status === 'cancelled' ? 'muted' : 'info',
        )
      : null;

  const taskMeta = (task: TaskItem) =>
    metaLine([
      task.taskId,
      task.due && t('label.due', { due: task.due }),
      `${t('field.owner')} ${task.owner}`,
      `${t('field.initiator')} ${task.initiator}`,
    ]);

  function awaitingCard(task: TaskItem): HTMLElement {
    const note = textarea(`mt-note-${task.taskId}`);
    const noteField = field(t('field.decision'), note, { hint: t('hint.reasonRequired') });
    const accept = h(
      'button',
      { type: 'button', class: 'primary', 'data-testid': `accept-${task.taskId}` },
      t('button.accept'),
    );
    const reject = h(
      'button',
      { type: 'button', class: 'secondary', 'data-testid': `reject-${task.taskId}` },
      t('button.reject'),
    );
    const bar = barOf([accept, reject]);
    const errors = new ErrorView(() => noteField, locale);
    accept.addEventListener('click', () =>
      runAction({
        bar,
        errors,
        t,
        check: () => validate(acceptTaskSchema, { taskId: task.taskId, note: note.value }, locale),
        call: (value) => callServer('acceptTask', value),
        done: changed(task.taskId),
      }),
    );
    reject.addEventListener('click', () =>
      runAction({
        bar,
        errors,
        t,
        check: () => validate(reasonSchema, { taskId: task.taskId, reason: note.value }, locale),
        call: (value) => callServer('rejectTask', value),
        done: changed(task.taskId),
      }),
    );
    return h(
      'article',
      { class: 'card', 'data-testid': `awaiting-${task.taskId}` },
      h('div', { class: 'card-title' }, task.name, statusBadge(task)),
      taskMeta(task),
      noteField.wrap,
      bar.row,
    );
  }

  function cancelBox(task: TaskItem, bar: SubmitBar): HTMLElement {
    const reason = textarea(`mt-reason-${task.taskId}`);
    const reasonField = field(t('field.cancelReason'), reason, { required: true });
    const confirm = h(
      'button',
      { type: 'button', class: 'danger', 'data-testid': `cancel-${task.taskId}` },
      t('button.confirmCancel'),
    );
    const own = barOf([confirm]);
    own.buttons.push(...bar.buttons);
    const errors = new ErrorView(() => reasonField, locale);
    confirm.addEventListener('click', () =>
      runAction({
        bar: own,
        errors,
        t,
        check: () => validate(reasonSchema, { taskId: task.taskId, reason: reason.value }, locale),
        call: (value) => callServer('cancelTask', value),
        done: changed(task.taskId),
      }),
    );
    return h(
      'details',
      { class: 'cancel' },
      h('summary', {}, t('button.cancelTask')),
      reasonField.wrap,
      own.row,
    );
  }

  /** 复盘结论: appended to the task's 备注 by the server; the card then shows the notes it returns. */
  function retroBox(task: TaskItem, notes: HTMLElement): HTMLElement {
    const id = task.taskId;
    const text = textarea(`mt-retro-${id}`, 3);
    text.value = drafts.get(id) ?? '';
    text.addEventListener('input', () => drafts.set(id, text.value));
    const textField = field(t('field.retro'), text, { required: true, hint: t('hint.retro') });
    const save = h(
      'button',
      { type: 'button', class: 'primary', 'data-testid': `retro-${id}` },
      t('button.saveRetro'),
    );
    const bar = barOf([save]);
    const errors = new ErrorView(() => textField, locale);
    save.addEventListener('click', () =>
      runAction({
        bar,
        errors,
        t,
        check: () => validate(retrospectiveSchema, { taskId: id, text: text.value }, locale),
        call: (value) => callServer('recordRetrospective', value),
        done: (r) => {
          task.notes = r.notes;
          notes.textContent = r.notes;
          notes.hidden = false;
          text.value = '';
          drafts.delete(id);
          say(bar, t('msg.retroSaved'), 'ok');
        },
      }),
    );
    const box = h(
      'details',
      { class: 'retro', open: drafts.has(id) },
      h('summary', { 'data-testid': `retro-open-${id}` }, t('button.retro')),
      textField.wrap,
      bar.row,
    );
    box.addEventListener('toggle', () => {
      if (box.open && !drafts.has(id)) drafts.set(id, text.value);
      if (!box.open && text.value === '') drafts.delete(id);
    });
    return box;
  }

  function taskCard(task: TaskItem): HTMLElement {
    const buttons: HTMLButtonElement[] = [];
    if (task.canSubmit) {
      const submit = h(
        'button',
        { type: 'button', class: 'primary', 'data-testid': `submit-${task.taskId}` },
        t('button.submit'),
      );
      buttons.push(submit);
    }
    const bar = barOf(buttons);
    const submit = buttons[0];
    submit?.addEventListener('click', () =>
      runAction({
        bar,
        errors: new ErrorView(() => undefined, locale),
        t,
        check: () => validate(taskRefSchema, { taskId: task.taskId }, locale),
        call: (value) => callServer('submitForAcceptance', value),
        done: changed(task.taskId),
      }),
    );
    const notes = h(
      'div',
      { class: 'notes', title: t('field.taskNotes'), 'data-testid': `notes-${task.taskId}` },
      task.notes,
    );
    notes.hidden = task.notes === '';
    return h(
      'article',
      { class: `card${task.overdue ? ' card-overdue' : ''}`, 'data-testid': `task-${task.taskId}` },
      h(
        'div',
        { class: 'card-title' },
        task.name,
        statusBadge(task),
        task.overdue ? badge(t('msg.overdue'), 'warn') : null,
      ),
      taskMeta(task),
      buttons.length ? bar.row : null,
      task.canCancel ? cancelBox(task, bar) : null,
      task.canRetro ? notes : null,
      task.canRetro ? retroBox(task, notes) : null,
    );
  }

  function subtaskRow(s: SubtaskItem): HTMLElement {
    return h(
      'li',
      { class: 'row-item' },
      h(
        'div',
        { class: 'card-title' },
        s.name,
        ctx.model.missingToday.includes(s.subtaskId) ? badge(t('badge.missingToday'), 'warn') : null,
        s.overdue ? badge(t('msg.overdue'), 'warn') : null,
      ),
      metaLine([
        s.subtaskId,
        s.progress !== null && `${s.progress}%`,
        s.due && t('label.due', { due: s.due }),
      ]),
      h('div', { class: 'meta' }, s.taskName),
    );
  }

  const none = () => h('p', { class: 'hint' }, t('msg.noTasks'));

  function render(): void {
    const { awaitingMyAcceptance: awaiting, myOpenSubtasks: subtasks, myTasks: tasks } = ctx.model;
    panel.replaceChildren(
      result,
      h('h3', {}, t('section.awaiting')),
      awaiting.length ? h('div', { class: 'cards' }, ...awaiting.map(awaitingCard)) : none(),
      h('h3', {}, t('section.mySubtasks')),
      subtasks.length ? h('ul', { class: 'rows' }, ...subtasks.map(subtaskRow)) : none(),
      h('h3', {}, t('section.myTasks')),
      tasks.length ? h('div', { class: 'cards' }, ...tasks.map(taskCard)) : none(),
      review,
    );
  }

  render();
  return {
    key: 'my-tasks',
    label: t('tab.myTasks'),
    panel,
    count: () => (ctx.model.awaitingMyAcceptance.length ? String(ctx.model.awaitingMyAcceptance.length) : ''),
    update: render,
  };
}
