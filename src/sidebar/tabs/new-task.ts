// 新建任务 / New task (SPEC §5): the task, its people and 0–max subtasks; shows the allocated IDs after saving.
import { Priority, TaskType } from '../../core/enums';
import { peopleSeparator } from '../../core/locale';
import { createTaskSchema, validate } from '../../core/schemas';
import type { Ctx } from '../context';
import { button, h, option, uid } from '../dom';
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
import { memberSelect, type PeoplePicker, peoplePicker } from '../people';
import { callServer } from '../rpc';
import type { TabView } from '../tabs';

interface SubtaskForm {
  wrap: HTMLElement;
  title: HTMLElement;
  remove: HTMLButtonElement;
  name: HTMLInputElement;
  owner: HTMLSelectElement;
  people: PeoplePicker;
  fields: Record<string, Field>;
}

/** Who may be named as initiator: anyone for a 主管 or an unidentifiable account, otherwise only oneself. */
function initiatorIsFree(ctx: Ctx): boolean {
  return !ctx.model.me.known || ctx.model.me.role === 'manager';
}

export function newTaskTab(ctx: Ctx): TabView {
  const { t, locale } = ctx;
  const panel = h('section', { class: 'panel' });
  let prefixes = h('datalist', { id: 'nt-prefixes' });

  const fillPrefixes = () => prefixes.replaceChildren(...ctx.model.prefixes.map((p) => option(p, p)));

  function build(): { form: HTMLFormElement; bar: ReturnType<typeof submitBar>; focus: HTMLElement } {
    const names = ctx.model.members.map((m) => m.name);
    const me = ctx.model.me.name;
    const choose = t('field.choose');

    prefixes = h('datalist', { id: 'nt-prefixes' });
    fillPrefixes();
    const prefix = input('nt-prefix', { list: 'nt-prefixes', maxlength: 20 });
    const name = input('nt-name', { maxlength: 200 });
    const initiator = memberSelect('nt-initiator', names, me, choose);
    initiator.disabled = me !== null && !initiatorIsFree(ctx);
    const owner = memberSelect('nt-owner', names, null, choose);
    const people = peoplePicker('nt-collab', names);
    const project = input('nt-project', { maxlength: 200 });
    const type = h('select', { id: 'nt-type' }, option('', choose, true));
    for (const code of TaskType.codes) type.append(option(code, TaskType.label(code, locale)));
    const priority = h('select', { id: 'nt-priority' });
    for (const code of Priority.codes)
      priority.append(option(code, Priority.label(code, locale), code === 'medium'));
    const due = input('nt-due', { type: 'date' });
    const notes = textarea('nt-notes', 3);

    const subtasks: SubtaskForm[] = [];
    const list = h('div', { class: 'subtasks' });
    const max = () => ctx.model.settings.maxSubtasks;
    const add = button(`+ ${t('button.addSubtask')}`, () => addSubtask(), {
      class: 'secondary',
      'data-testid': 'add-subtask',
    });
    const empty = h('p', { class: 'hint' }, t('msg.noSplit'));

    const fields = {
      prefix: field(t('field.prefix'), prefix, { required: true, hint: t('hint.prefix') }),
      name: field(t('field.name'), name, { required: true }),
      initiator: field(t('field.initiator'), initiator, {
        required: true,
        ...(initiator.disabled ? { hint: t('hint.initiatorSelf') } : {}),
      }),
      owner: field(t('field.owner'), owner, { required: true }),
      collaborators: group('nt-collab', t('field.collaborators'), people.element),
      project: field(t('field.project'), project),
      type: field(t('field.type'), type, { required: true }),
      priority: field(t('field.priority'), priority),
      due: field(t('field.due'), due, { required: true }),
      notes: field(t('field.notes'), notes, { required: true }),
      subtasks: group('nt-subtasks', t('field.subtasks', { max: max() }), h('div', {}, list, empty, add)),
    };

    const renumber = () => {
      subtasks.forEach((s, i) => {
        s.title.textContent = `${t('field.subtask')} ${i + 1}`;
        s.remove.setAttribute('aria-label', `${t('button.removeSubtask')} ${t('field.subtask')} ${i + 1}`);
      });
      add.disabled = subtasks.length >= max();
      empty.hidden = subtasks.length > 0;
    };

    function addSubtask(): void {
      const id = uid('nt-sub');
      const sub: SubtaskForm = {
        wrap: h('div', { class: 'subtask', 'data-testid': 'subtask' }),
        title: h('span', { class: 'subtask-title' }),
        remove: button(
          t('button.removeSubtask'),
          () => {
            subtasks.splice(subtasks.indexOf(sub), 1);
            sub.wrap.remove();
            renumber();
            add.focus();
          },
          { class: 'link' },
        ),
        name: input(`${id}-name`, { maxlength: 200 }),
        owner: memberSelect(`${id}-owner`, names, owner.value || null, choose),
        people: peoplePicker(`${id}-collab`, names),
        fields: {},
      };
      sub.people.exclude(sub.owner.value);
      sub.owner.addEventListener('change', () => sub.people.exclude(sub.owner.value));
      sub.fields = {
        name: field(t('field.subtaskName'), sub.name, { required: true }),
        owner: field(t('field.owner'), sub.owner, { required: true }),
        collaborators: group(`${id}-collab`, t('field.collaborators'), sub.people.element),
      };
      sub.wrap.append(
        h('div', { class: 'subtask-head' }, sub.title, sub.remove),
        sub.fields.name!.wrap,
        sub.fields.owner!.wrap,
        sub.fields.collaborators!.wrap,
      );
      subtasks.push(sub);
      list.append(sub.wrap);
      renumber();
      sub.name.focus();
    }
    renumber();

    owner.addEventListener('change', () => people.exclude(owner.value));

    const errors = new ErrorView((path) => {
      const m = /^subtasks\.(\d+)\.(\w+)$/.exec(path);
      return m ? subtasks[Number(m[1])]?.fields[m[2]!] : (fields as Record<string, Field>)[path];
    }, locale);
    const bar = submitBar(t('button.create'), 'create-task');
    const form = actionForm(
      t('tab.newTask'),
      ctx.canAct(),
      fields.prefix.wrap,
      prefixes,
      fields.name.wrap,
      h('div', { class: 'row2' }, fields.initiator.wrap, fields.owner.wrap),
      fields.collaborators.wrap,
      fields.project.wrap,
      h('div', { class: 'row2' }, fields.type.wrap, fields.priority.wrap),
      fields.due.wrap,
      fields.notes.wrap,
      fields.subtasks.wrap,
      bar.row,
    );
    onSubmit(form, {
      bar,
      errors,
      t,
      check: () =>
        validate(
          createTaskSchema(ctx.schema()),
          {
            prefix: prefix.value,
            name: name.value,
            initiator: initiator.value,
            owner: owner.value,
            collaborators: people.values(),
            project: project.value,
            type: type.value,
            priority: priority.value,
            due: due.value,
            notes: notes.value,
            subtasks: subtasks.map((s) => ({
              name: s.name.value,
              owner: s.owner.value,
              collaborators: s.people.values(),
            })),
          },
          locale,
        ),
      call: (value) => callServer('createTask', value),
      done: (r) => {
        const fresh = build();
        panel.replaceChildren(fresh.form);
        say(
          fresh.bar,
          t('msg.created', { ids: [r.taskId, ...r.subtaskIds].join(peopleSeparator(locale)) }),
          'ok',
        );
        fresh.focus.focus();
        void ctx.refresh();
      },
    });
    return { form, bar, focus: prefix };
  }

  panel.append(build().form);
  return { key: 'new-task', label: t('tab.newTask'), panel, update: fillPrefixes };
}
