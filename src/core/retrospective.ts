// Retrospective conclusions (复盘结论): who may record them on a completed task, and how they join its 备注.
import type { Locale } from './locale';
import type { TaskRecord } from './records';
import { t } from './strings';
import { type Actor, isManager, isUnknown } from './workflow';

/** The initiator or a 主管 (or, where Apps Script cannot tell who it is, anyone: recorded in the Sync Log). */
export function mayRecordRetro(actor: Actor, task: Pick<TaskRecord, 'initiator'>): boolean {
  return isUnknown(actor) || task.initiator === actor.member?.name || isManager(actor);
}

/** Why a retrospective cannot be recorded on this task now, or null when it can. */
export function retroRefusal(actor: Actor, task: TaskRecord, locale: Locale): string | null {
  if (!mayRecordRetro(actor, task)) return t('retro.notAllowed', locale);
  if (task.status !== 'done') return t('retro.notDone', locale, { id: task.id });
  return null;
}

/** The notes with a dated retrospective entry after what is there; the same entry twice is kept once. */
export function notesWithRetro(notes: string, text: string, today: string, locale: Locale): string {
  const entry = `${t('retro.prefix', locale, { date: today })}${text.trim()}`;
  if (notes.split('\n').includes(entry)) return notes;
  return [notes, entry].filter(Boolean).join('\n');
}
