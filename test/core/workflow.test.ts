// The workflow rules shared by the sidebar, the server and the review of direct edits: transitions, denials, activity.
import { describe, expect, it } from 'vitest';
import { reviewTaskEdit } from '../../src/core/edit-review';
import { Status, type StatusCode } from '../../src/core/enums';
import type { TaskGuard } from '../../src/core/guard';
import type { Member, SubtaskRecord, TaskRecord } from '../../src/core/records';
import { type Actor, actionBetween, isActive, isOpen, roleDenial, TO } from '../../src/core/workflow';

const member = (name: string, role: Member['role'] = 'member'): Actor => ({
  email: `${name}@example.com`,
  member: { row: 2, name, email: `${name}@example.com`, role, group: '', digest: true },
});

const task = (status: StatusCode | null): TaskRecord => ({
  row: 2,
  id: '产品迭代2024-001',
  name: '回访',
  initiator: '*丽',
  owner: '*明',
  collaborators: [],
  project: '',
  type: 'project',
  priority: 'medium',
  due: '2024-11-15',
  status,
  notes: '',
  completedOn: null,
  guard: '',
});

const subtask = (owner: string, progress: number): SubtaskRecord => ({
  row: 2,
  id: `产品迭代2024-001-0${owner === '*华' ? 1 : 2}`,
  taskId: '产品迭代2024-001',
  name: '整理名单',
  owner,
  progress,
  done: '',
  next: '',
  blockers: '',
  updatedOn: null,
  updatedAt: null,
  collaborators: [],
  guard: '',
});

const guardOf = (status: StatusCode): TaskGuard => ({
  id: '产品迭代2024-001',
  initiator: '*丽',
  owner: '*明',
  status,
  completedOn: null,
});

describe('actionBetween', () => {
  it('names the one action that moves a task between two statuses, and nothing else', () => {
    expect(actionBetween('not_started', 'in_progress')).toBe('start');
    expect(actionBetween('in_progress', 'pending_acceptance')).toBe('submit');
    expect(actionBetween('not_started', 'pending_acceptance')).toBe('submit');
    expect(actionBetween('pending_acceptance', 'done')).toBe('accept');
    expect(actionBetween('pending_acceptance', 'in_progress')).toBe('reject');
    expect(actionBetween('in_progress', 'cancelled')).toBe('cancel');
    expect(actionBetween('in_progress', 'done')).toBeNull();
    expect(actionBetween('done', 'in_progress')).toBeNull();
    expect(actionBetween('cancelled', 'not_started')).toBeNull();
    expect(actionBetween(null, 'cancelled')).toBeNull();
    expect(actionBetween('in_progress', null)).toBeNull();
  });

  it('agrees with TO for every action', () => {
    for (const [action, to] of Object.entries(TO)) {
      const from = Status.codes.find((s) => actionBetween(s, to) === action);
      expect(from, action).toBeDefined();
    }
  });
});

describe('isActive', () => {
  it('is 未开始 or 进行中 only: not awaiting acceptance, closed, of no known status, or missing', () => {
    expect(isActive(task('not_started'))).toBe(true);
    expect(isActive(task('in_progress'))).toBe(true);
    expect(isActive(task('pending_acceptance'))).toBe(false);
    expect(isActive(task('done'))).toBe(false);
    expect(isActive(task(null))).toBe(false);
    expect(isOpen(task(null))).toBe(true);
    expect(isActive(undefined)).toBe(false);
  });
});

describe('direct status edits use the workflow rules', () => {
  const review = (actor: Actor, from: StatusCode, to: StatusCode, subtasks: SubtaskRecord[] = []) =>
    reviewTaskEdit(actor, 'en', '2024-10-24', guardOf(from), task(to), () => subtasks);

  it('lets a subtask owner submit once every subtask is at 100%', () => {
    const done = [subtask('*华', 100), subtask('*芳', 100)];
    const r = review(member('*华'), 'in_progress', 'pending_acceptance', done);
    expect(r.reverts).toEqual([]);
    expect(r.guard.status).toBe('pending_acceptance');
  });

  it("restores a submit the editor may not make, with the workflow's reason", () => {
    const r = review(member('*华'), 'in_progress', 'pending_acceptance', [
      subtask('*华', 100),
      subtask('*芳', 60),
    ]);
    expect(r.reverts).toEqual([
      {
        key: 'status',
        value: 'In progress',
        note: `You may not set the status to "Pending acceptance": ${roleDenial('submit', 'en')}; restored to "In progress".`,
      },
    ]);
    expect(roleDenial('submit', 'en')).toContain('once every subtask is at 100%');
  });

  it('says who may start a task when a stranger to it tries', () => {
    const r = review(member('*芳'), 'not_started', 'in_progress');
    expect(r.reverts[0]!.note).toContain(roleDenial('start', 'en'));
    expect(roleDenial('start', 'zh-CN')).toBe('只有任务负责人、子任务负责人、发起人或主管可以开始任务');
  });

  it('sends rejecting and cancelling to the sidebar, and refuses moves no action makes', () => {
    expect(review(member('*丽'), 'pending_acceptance', 'in_progress').reverts[0]!.note).toContain(
      'needs a reason',
    );
    expect(review(member('*丽'), 'in_progress', 'cancelled').reverts[0]!.note).toContain('needs a reason');
    expect(review(member('*丽', 'manager'), 'in_progress', 'done').reverts[0]!.note).toBe(
      'The status cannot go from "In progress" to "Done"; restored.',
    );
  });
});
