// Form building blocks: labelled fields, errors beside each field (aria-invalid, aria-describedby), a submit bar that locks while a call runs.
import type { Locale } from '../core/locale';
import { type FieldError, fieldLabel, type Validated } from '../core/schemas';
import type { Translate } from './context';
import { h } from './dom';
import { messageOf } from './rpc';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface Field {
  wrap: HTMLElement;
  /** The element that carries aria-invalid: the control, or the fieldset of a group. */
  target: HTMLElement;
  error: HTMLElement;
  hintId: string | null;
}

interface FieldOptions {
  hint?: string;
  required?: boolean;
}

function errorBox(id: string): HTMLElement {
  const box = h('div', { class: 'field-error', id });
  box.hidden = true;
  return box;
}

const requiredMark = (required?: boolean) =>
  required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null;

/** A control with its <label for>, an optional hint and an error line. */
export function field(label: string, control: Control, opts: FieldOptions = {}): Field {
  const hintId = opts.hint ? `${control.id}-hint` : null;
  const error = errorBox(`${control.id}-error`);
  if (opts.required) control.setAttribute('aria-required', 'true');
  if (hintId) control.setAttribute('aria-describedby', hintId);
  const wrap = h(
    'div',
    { class: 'field' },
    h('label', { for: control.id }, label, requiredMark(opts.required)),
    control,
    hintId ? h('div', { class: 'hint', id: hintId }, opts.hint) : null,
    error,
  );
  return { wrap, target: control, error, hintId };
}

/** Several controls under one <legend> (checkbox lists, subtasks), with one error line. */
export function group(id: string, legend: string, content: Node, opts: FieldOptions = {}): Field {
  const hintId = opts.hint ? `${id}-hint` : null;
  const error = errorBox(`${id}-error`);
  const wrap = h(
    'fieldset',
    { class: 'field group', id, 'aria-describedby': hintId },
    h('legend', {}, legend, requiredMark(opts.required)),
    hintId ? h('div', { class: 'hint', id: hintId }, opts.hint) : null,
    content,
    error,
  );
  return { wrap, target: wrap, error, hintId };
}

function setFieldError(f: Field, message: string | null): void {
  f.error.textContent = message ?? '';
  f.error.hidden = message === null;
  if (message === null) f.target.removeAttribute('aria-invalid');
  else f.target.setAttribute('aria-invalid', 'true');
  const ids = [f.hintId, message === null ? null : f.error.id].filter(Boolean).join(' ');
  if (ids) f.target.setAttribute('aria-describedby', ids);
  else f.target.removeAttribute('aria-describedby');
}

/** The field registered for an error path such as `due` or `subtasks.1.owner`. */
type FieldFinder = (path: string) => Field | undefined;

export class ErrorView {
  private shown: Field[] = [];

  constructor(
    private readonly find: FieldFinder,
    private readonly locale: Locale,
  ) {}

  clear(): void {
    for (const f of this.shown) setFieldError(f, null);
    this.shown = [];
  }

  /** Shows each error beside its field and focuses the first; returns the errors no field claims, as text. */
  show(errors: FieldError[]): string {
    this.clear();
    const byField = new Map<Field, string[]>();
    const orphans: string[] = [];
    for (const e of errors) {
      const f = this.locate(e.path);
      if (f) byField.set(f, [...(byField.get(f) ?? []), e.message]);
      else orphans.push(`${fieldLabel(e.path, this.locale)}${this.locale === 'en' ? ': ' : ':'}${e.message}`);
    }
    for (const [f, messages] of byField) setFieldError(f, [...new Set(messages)].join('; '));
    this.shown = [...byField.keys()];
    const first = this.shown
      .map((f) =>
        f.target.matches('fieldset') ? f.target.querySelector<HTMLElement>('input,select') : f.target,
      )
      .find((x): x is HTMLElement => x !== null && !(x as HTMLInputElement).disabled);
    first?.focus();
    return orphans.join(this.locale === 'en' ? '; ' : ';');
  }

  /** The field of a path, or of its nearest parent (`subtasks.0.collaborators.1` → `subtasks.0.collaborators`). */
  private locate(path: string): Field | undefined {
    const parts = path.split('.');
    for (; parts.length > 0; parts.pop()) {
      const f = this.find(parts.join('.'));
      if (f) return f;
    }
    return undefined;
  }
}

export interface SubmitBar {
  row: HTMLElement;
  buttons: HTMLButtonElement[];
  status: HTMLElement;
  busy: boolean;
}

/** The primary button of a form (type=submit) and the status line beside it. */
export function submitBar(label: string, testId: string): SubmitBar {
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': testId }, label);
  return barOf([submit]);
}

/** A status line for a row of buttons that act together (accept / reject). */
export function barOf(buttons: HTMLButtonElement[]): SubmitBar {
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  status.hidden = true;
  return { row: h('div', { class: 'actions' }, ...buttons, status), buttons, status, busy: false };
}

type Tone = 'ok' | 'error' | 'busy';

export function say(bar: SubmitBar, text: string, tone: Tone): void {
  bar.status.textContent = text;
  bar.status.className = `status status-${tone}`;
  bar.status.hidden = text === '';
}

interface Action<T, R> {
  bar: SubmitBar;
  errors: ErrorView;
  t: Translate;
  /** Reads and validates the inputs with the shared schema. */
  check: () => Validated<T>;
  call: (value: T) => Promise<R>;
  done: (result: R) => void;
  /** The status line while the call runs; 保存中… by default. */
  busy?: string;
}

/**
 * Validates in the browser, then calls the server with the buttons disabled. On any failure the inputs stay as typed
 * and the message shows beside the buttons.
 */
export async function runAction<T, R>(a: Action<T, R>): Promise<void> {
  if (a.bar.busy) return;
  a.errors.clear();
  say(a.bar, '', 'ok');
  const checked = a.check();
  if (!checked.ok) {
    const rest = a.errors.show(checked.errors);
    say(a.bar, [a.t('msg.fixErrors'), rest].filter(Boolean).join(' — '), 'error');
    return;
  }
  a.bar.busy = true;
  for (const b of a.bar.buttons) b.disabled = true;
  say(a.bar, a.busy ?? a.t('msg.saving'), 'busy');
  let result: R;
  try {
    result = await a.call(checked.value);
  } catch (e) {
    say(a.bar, messageOf(e), 'error');
    return;
  } finally {
    a.bar.busy = false;
    for (const b of a.bar.buttons) b.disabled = false;
  }
  say(a.bar, '', 'ok');
  a.done(result);
}

/** Runs the action when the form is submitted (button or Enter). */
export function onSubmit<T, R>(form: HTMLFormElement, action: Action<T, R>): void {
  form.noValidate = true;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void runAction(action);
  });
}

/** A tab's form, its controls in one plain fieldset that is disabled when the user may not act (SPEC §4). */
export function actionForm(label: string, canAct: boolean, ...children: Node[]): HTMLFormElement {
  return h(
    'form',
    { 'aria-label': label },
    h('fieldset', { class: 'plain', disabled: !canAct }, ...children),
  );
}

/** An <input> with an id and attributes. */
export function input(id: string, attrs: Record<string, string | number | boolean> = {}): HTMLInputElement {
  return h('input', { id, type: 'text', autocomplete: 'off', ...attrs });
}

export function textarea(id: string, rows = 2): HTMLTextAreaElement {
  return h('textarea', { id, rows });
}
