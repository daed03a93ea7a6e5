// The inline cell editor: Enter sends the edit as the acting user, a rejection shows next to the cell, Escape cancels.
import { api, type EditAnswer } from './api';
import type { Ctx } from './context';
import { el } from './dom';

export interface Editor {
  /** Edits the cell, starting from `text` or its current value; any other open editor is cancelled. */
  open(td: HTMLTableCellElement, sheet: string, text?: string): void;
  isEditing(td: HTMLTableCellElement): boolean;
}

function savedSummary(where: string, answer: EditAnswer): string {
  const parts = [`${where} ✓ 已保存 Saved`, ...answer.warnings.map((w) => `⚠ ${w}`)];
  for (const t of answer.triggers) parts.push(t.ok ? `${t.fn} ✓` : `${t.fn} ✗ ${t.error ?? ''}`);
  return parts.join(' · ');
}

/** `onSaved` runs once an edit is accepted, before the page refreshes. */
export function createEditor(ctx: Ctx, onSaved: (td: HTMLTableCellElement) => void): Editor {
  let current: { td: HTMLTableCellElement; original: string } | null = null;

  const close = (text: string) => {
    if (!current) return;
    current.td.classList.remove('editing');
    current.td.replaceChildren(text);
    current = null;
  };
  /** Puts the cell being edited back as it was. */
  const cancel = () => close(current?.original ?? '');

  async function commit(td: HTMLTableCellElement, sheet: string, input: HTMLInputElement): Promise<void> {
    const where = `${sheet}!${td.dataset.a1}`;
    td.querySelector('.cell-toast')?.remove();
    input.readOnly = true;
    const answer = await api.edit(sheet, td.dataset.a1!, input.value, ctx.user).finally(() => {
      input.readOnly = false;
    });
    if (current?.td !== td) return;
    if (!answer.ok) {
      const reason = answer.rejected ?? '';
      td.append(el('div', { class: 'cell-toast', role: 'alert', 'data-testid': 'edit-error' }, reason));
      ctx.status([`${where} ✗ ${reason}`, ...answer.warnings].join(' · '), 'error');
      input.focus();
      return;
    }
    close(input.value);
    ctx.status(savedSummary(where, answer), answer.triggers.every((t) => t.ok) ? 'info' : 'error');
    onSaved(td);
    await ctx.refresh();
  }

  function open(td: HTMLTableCellElement, sheet: string, text?: string): void {
    cancel();
    const original = td.textContent ?? '';
    const input = el('input', {
      class: 'cell-editor',
      autocomplete: 'off',
      'aria-label': `编辑 Edit ${sheet}!${td.dataset.a1}`,
      'data-testid': 'cell-editor',
    });
    input.value = text ?? original;
    input.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Enter' && !input.readOnly) void ctx.run(() => commit(td, sheet, input));
      else if (e.key === 'Escape') {
        cancel();
        td.focus();
      } else return;
      e.preventDefault();
    });
    td.classList.add('editing');
    td.replaceChildren(input);
    current = { td, original };
    input.focus();
  }

  return { open, isEditing: (td) => current?.td === td };
}
