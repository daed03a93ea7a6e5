// Modal dialogs (<dialog>) for the add-on's alerts, errors, text prompts and confirmations.
import { el } from './dom';

interface Choice {
  label: string;
  value: string;
  /** Closes the dialog without checking the form's inputs (Cancel). */
  skipChecks?: boolean;
}

let dialogCount = 0;

/** Shows a modal dialog and resolves with the value of the button that closed it ('' for Escape). */
function openDialog(title: string, body: Node[], choices: Choice[], tone = ''): Promise<string> {
  const titleId = `modal-title-${++dialogCount}`;
  const dialog = el('dialog', { class: `modal ${tone}`, 'aria-labelledby': titleId, 'data-testid': 'modal' });
  const buttons = choices.map((c) => el('button', { value: c.value, formnovalidate: c.skipChecks }, c.label));
  dialog.append(
    el(
      'form',
      { method: 'dialog' },
      el('h2', { id: titleId }, title),
      ...body,
      el('div', { class: 'modal-buttons' }, ...buttons),
    ),
  );
  document.body.append(dialog);
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue);
    });
  });
}

const OK = { label: '确定 OK', value: 'ok' };
const CANCEL = { label: '取消 Cancel', value: 'cancel', skipChecks: true };

export async function showMessage(
  title: string,
  text: string,
  tone: 'info' | 'error' = 'info',
): Promise<void> {
  await openDialog(title, [el('p', { class: 'modal-text' }, text)], [OK], tone);
}

export async function askConfirm(title: string, text: string): Promise<boolean> {
  return (await openDialog(title, [el('p', { class: 'modal-text' }, text)], [OK, CANCEL])) === 'ok';
}

/** A text prompt; null when cancelled. */
export async function askText(title: string, label: string): Promise<string | null> {
  const input = el('input', {
    type: 'text',
    required: true,
    autocomplete: 'off',
    'data-testid': 'modal-input',
  });
  const field = el('label', { class: 'field' }, el('span', {}, label), input);
  const answer = await openDialog(title, [field], [OK, CANCEL]);
  return answer === 'ok' ? input.value : null;
}
