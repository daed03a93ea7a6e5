// 我的任务 / My tasks (SPEC §5): tasks awaiting my acceptance, my subtasks, the tasks I own or initiated, and the review.
import { Status, type StatusCode } from '../../core/enums';
import {
  acceptTaskSchema,
  reasonSchema,
  retrospectiveSchema,
  taskRefSchema,
  type Validated,
  validate,
} from '../../core/schemas';
import type { SubtaskItem, TaskItem } from '../../core/sidebar-model';
import type { Ctx } from '../context';
import { badge, button, h, metaLine } from '../dom';
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

  /**
   * A click handler for a task action (accept, reject, cancel, submit): validates, calls the server, then says where
   * the task stands now and reloads the model.
   */
  const taskAction =
    <T>(
      taskId: string,
      bar: () => SubmitBar,
      errors: ErrorView,
      check: () => Validated<T>,
      call: (value: T) => Promise<{ status: StatusCode }>,
    ) =>
    () =>
      void runAction({
        bar: bar(),
        errors,
        t,
        check,
        call,
        done: (r) => {
          result.textContent = `${taskId} — ${t('msg.statusChanged', { status: Status.label(r.status, locale) })}`;
          result.hidden = false;
          void ctx.refresh();
        },
      });

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
    const id = task.taskId;
    const errors = new ErrorView(() => noteField, locale);
    const accept = button(
      t('button.accept'),
      taskAction(
        id,
        () => bar,
        errors,
        () => validate(acceptTaskSchema, { taskId: id, note: note.value }, locale),
        (value) => callServer('acceptTask', value),
      ),
      { class: 'primary', 'data-testid': `accept-${id}` },
    );
    const reject = button(
      t('button.reject'),
      taskAction(
        id,
        () => bar,
        errors,
        () => validate(reasonSchema, { taskId: id, reason: note.value }, locale),
        (value) => callServer('rejectTask', value),
      ),
      { class: 'secondary', 'data-testid': `reject-${id}` },
    );
    const bar = barOf([accept, reject]);
    return h(
      'article',
      { class: 'card', 'data-testid': `awaiting-${task.taskId}` },
      h('div', { class: 'card-title' }, task.name, statusBadge(task)),
      taskMeta(task),
      noteField.wrap,
      bar.row,
    );
  }

  /** The cancel form of a task card; its button and the card's submit button lock each other while either runs. */
  function cancelBox(task: TaskItem, bar: SubmitBar): HTMLElement {
    const id = task.taskId;
    const reason = textarea(`mt-reason-${id}`);
    const reasonField = field(t('field.cancelReason'), reason, { required: true });
    const errors = new ErrorView(() => reasonField, locale);
    const confirm = button(
      t('button.confirmCancel'),
      taskAction(
        id,
        () => own,
        errors,
        () => validate(reasonSchema, { taskId: id, reason: reason.value }, locale),
        (value) => callServer('cancelTask', value),
      ),
      { class: 'danger', 'data-testid': `cancel-${id}` },
    );
    const own = barOf([confirm]);
    own.buttons.push(...bar.buttons);
    bar.buttons.push(confirm);
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
    const errors = new ErrorView(() => textField, locale);
    const save = button(
      t('button.saveRetro'),
      () =>
        void runAction({
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
      { class: 'primary', 'data-testid': `retro-${id}` },
    );
    const bar = barOf([save]);
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
    const id = task.taskId;
    const submit = button(
      t('button.submit'),
      taskAction(
        id,
        () => bar,
        new ErrorView(() => undefined, locale),
        () => validate(taskRefSchema, { taskId: id }, locale),
        (value) => callServer('submitForAcceptance', value),
      ),
      { class: 'primary', 'data-testid': `submit-${id}` },
    );
    const bar = barOf(task.canSubmit ? [submit] : []);
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
      task.canSubmit ? bar.row : null,
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
