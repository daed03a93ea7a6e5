// 同步记录 / Sync record (SPEC §5): date, topic, content, kind, audience, attachment, notes and the related task.
import { SyncKind } from '../../core/enums';
import { addSyncRecordSchema, validate } from '../../core/schemas';
import type { Ctx } from '../context';
import { h, option } from '../dom';
import { actionForm, ErrorView, type Field, field, input, onSubmit, say, submitBar, textarea } from '../form';
import { callServer } from '../rpc';
import type { TabView } from '../tabs';

export function syncTab(ctx: Ctx): TabView {
  const { t, locale } = ctx;
  const panel = h('section', { class: 'panel' });
  const tasks = h('datalist', { id: 'sy-tasks' });
  const fillTasks = () =>
    tasks.replaceChildren(...ctx.model.openTasks.map((x) => option(x.taskId, `${x.taskId} ${x.name}`)));
  fillTasks();

  function build(): { form: HTMLFormElement; bar: ReturnType<typeof submitBar>; focus: HTMLElement } {
    const date = input('sy-date', { type: 'date', value: ctx.model.today });
    const topic = input('sy-topic', { maxlength: 200 });
    const content = textarea('sy-content', 3);
    const kind = h('select', { id: 'sy-kind' });
    for (const code of SyncKind.codes)
      kind.append(option(code, SyncKind.label(code, locale), code === 'progress'));
    const audience = input('sy-audience', { maxlength: 200 });
    const attachment = input('sy-attachment', { maxlength: 200, value: '/' });
    const notes = textarea('sy-notes');
    const taskId = input('sy-task', { list: 'sy-tasks' });
    const fields: Record<string, Field> = {
      date: field(t('field.date'), date, { required: true }),
      topic: field(t('field.topic'), topic, { required: true }),
      content: field(t('field.content'), content, { required: true }),
      kind: field(t('field.kind'), kind, { required: true }),
      audience: field(t('field.audience'), audience, { required: true, hint: t('hint.audience') }),
      attachment: field(t('field.attachment'), attachment, { hint: t('hint.attachment') }),
      notes: field(t('field.syncNotes'), notes),
      taskId: field(t('field.taskId'), taskId),
    };
    const bar = submitBar(t('button.addSync'), 'add-sync');
    const form = actionForm(
      t('tab.sync'),
      ctx.canAct(),
      h('div', { class: 'row2' }, fields.date!.wrap, fields.kind!.wrap),
      fields.topic!.wrap,
      fields.content!.wrap,
      fields.audience!.wrap,
      fields.attachment!.wrap,
      fields.notes!.wrap,
      fields.taskId!.wrap,
      bar.row,
    );
    onSubmit(form, {
      bar,
      errors: new ErrorView((path) => fields[path], locale),
      t,
      check: () =>
        validate(
          addSyncRecordSchema(ctx.schema()),
          {
            date: date.value,
            topic: topic.value,
            content: content.value,
            kind: kind.value,
            audience: audience.value,
            attachment: attachment.value,
            notes: notes.value,
            taskId: taskId.value.trim(),
          },
          locale,
        ),
      call: (value) => callServer('addSyncRecord', value),
      done: (r) => {
        const fresh = build();
        panel.replaceChildren(fresh.form, tasks);
        say(fresh.bar, t('msg.syncSaved', { row: r.row }), 'ok');
        fresh.focus.focus();
      },
    });
    return { form, bar, focus: topic };
  }

  panel.append(build().form, tasks);
  return { key: 'sync', label: t('tab.sync'), panel, update: fillTasks };
}
