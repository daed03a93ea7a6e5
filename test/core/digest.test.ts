// Selection for the daily jobs, table-tested on a small hand-built workbook (times in Asia/Shanghai, +08:00).
import { describe, expect, it } from 'vitest';
import { workingDays } from '../../src/core/calendar';
import { instantOf } from '../../src/core/dates';
import {
  type DigestInput,
  escalations,
  memberDigests,
  openProblems,
  repliesTo,
  rollCalls,
  teamDigests,
} from '../../src/core/digest';
import { groupBy } from '../../src/core/group';
import { encodeTaskGuard } from '../../src/core/guard';
import type { Member, SubtaskRecord, SyncRecordRow, TaskRecord } from '../../src/core/records';
import { computeReview } from '../../src/core/review';

const offset = () => 480;
const wd = workingDays({ kind: 'cn', extraHolidays: [], extraWorkdays: [] });
const at = (ymd: string, hh: number) => instantOf(ymd, offset, hh * 60);

const member = (name: string, role: Member['role'] = 'member', digest = true): Member => ({
  row: 0,
  name,
  email: `${name}@example.com`,
  role,
  group: '',
  digest,
});
const MEMBERS = [
  member('主管', 'manager'),
  member('组长', 'lead'),
  member('甲'),
  member('乙'),
  member('丙', 'member', false),
];

function task(id: string, over: Partial<TaskRecord> = {}): TaskRecord {
  return {
    row: 2,
    id,
    name: `任务${id}`,
    initiator: '组长',
    owner: '甲',
    collaborators: [],
    project: '',
    type: 'project',
    priority: 'medium',
    due: '2024-10-31',
    status: 'in_progress',
    notes: '',
    completedOn: null,
    guard: '',
    ...over,
  };
}

function sub(id: string, taskId: string, over: Partial<SubtaskRecord> = {}): SubtaskRecord {
  return {
    row: 2,
    id,
    taskId,
    name: `子任务${id}`,
    owner: '甲',
    progress: 10,
    done: '',
    next: '',
    blockers: '',
    updatedOn: '2024-10-16',
    updatedAt: at('2024-10-16', 10),
    collaborators: [],
    guard: '',
    ...over,
  };
}

function input(over: Partial<DigestInput>): DigestInput {
  return {
    today: '2024-10-17',
    now: at('2024-10-17', 9),
    offset,
    wd,
    dueSoonDays: 2,
    members: MEMBERS,
    tasks: [],
    subtasks: [],
    sync: [],
    log: [],
    ...over,
  };
}

const syncRecord = (over: Partial<SyncRecordRow>): SyncRecordRow => ({
  row: 5,
  date: '2024-10-16',
  topic: 't',
  content: 'c',
  raisedBy: '乙',
  audience: '',
  attachment: '',
  notes: '',
  taskId: 'A2024-001',
  kind: 'progress',
  ...over,
});

describe('member digests', () => {
  it('list my overdue, due-soon and stale subtasks, and leave out members with nothing or no digest', () => {
    const tasks = [
      task('A2024-001', { due: '2024-10-15' }),
      task('A2024-002', { due: '2024-10-18' }),
      task('A2024-003', { due: '2024-11-30' }),
    ];
    const subtasks = [
      sub('A2024-001-01', 'A2024-001'),
      sub('A2024-002-01', 'A2024-002'),
      sub('A2024-003-01', 'A2024-003', { updatedOn: '2024-10-14', owner: '乙' }),
      sub('A2024-003-02', 'A2024-003', { updatedOn: null, owner: '丙' }),
    ];
    const digests = memberDigests(input({ tasks, subtasks }));
    expect(digests.map((d) => d.member.name)).toEqual(['甲', '乙']);
    const [jia, yi] = digests;
    expect(jia!.overdue.map((s) => s.subtaskId)).toEqual(['A2024-001-01']);
    expect(jia!.dueSoon.map((s) => s.subtaskId)).toEqual(['A2024-002-01']);
    expect(jia!.notUpdated).toEqual([]);
    expect(yi!.notUpdated.map((s) => s.subtaskId)).toEqual(['A2024-003-01']);
  });

  it('remind the initiator of pending acceptances and of retrospectives due within 3 working days', () => {
    const tasks = [
      task('A2024-001', { status: 'pending_acceptance' }),
      task('A2024-002', { status: 'done', completedOn: '2024-10-14' }),
      task('A2024-003', { status: 'done', completedOn: '2024-10-10' }),
      task('A2024-004', { status: 'done', completedOn: '2024-10-15', type: 'urgent' }),
      task('A2024-005', { status: 'done', completedOn: '2024-10-16', notes: '复盘:拆解过细' }),
    ];
    const lead = memberDigests(input({ tasks })).find((d) => d.member.name === '组长')!;
    expect(lead.awaitingAcceptance.map((t) => t.taskId)).toEqual(['A2024-001']);
    expect(lead.retrospectives.map((t) => t.taskId)).toEqual(['A2024-002']);
  });
});

describe('open problems', () => {
  const tasks = [task('A2024-001', { collaborators: ['乙'] })];
  const blocked = sub('A2024-001-01', 'A2024-001', {
    blockers: '缺资料',
    updatedAt: at('2024-10-15', 15),
    collaborators: ['丙'],
  });
  const log = [
    {
      at: at('2024-10-14', 10),
      subtaskId: 'A2024-001-01',
      taskId: 'A2024-001',
      progress: 5,
      blockers: '',
      author: '甲',
    },
    {
      at: at('2024-10-15', 15),
      subtaskId: 'A2024-001-01',
      taskId: 'A2024-001',
      progress: 8,
      blockers: '缺资料',
      author: '甲',
    },
    {
      at: at('2024-10-16', 11),
      subtaskId: 'A2024-001-01',
      taskId: 'A2024-001',
      progress: 9,
      blockers: '缺资料',
      author: '甲',
    },
  ];

  it('date from when the blockers were first saved, and go to the initiator, owner and collaborators but the raiser', () => {
    const problems = openProblems(input({ tasks, subtasks: [blocked], log }));
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p).toMatchObject({
      subtaskId: 'A2024-001-01',
      raisedBy: '甲',
      hours: 42,
      source: 'progress',
      to: ['组长', '丙'],
    });
  });

  it('are answered by a later Sync Log record on the task by someone else, not by the raiser', () => {
    expect(
      openProblems(input({ tasks, subtasks: [blocked], log, sync: [syncRecord({ raisedBy: '甲' })] })),
    ).toHaveLength(1);
    expect(
      openProblems(input({ tasks, subtasks: [blocked], log, sync: [syncRecord({ raisedBy: '组长' })] })),
    ).toEqual([]);
    expect(
      openProblems(
        input({
          tasks,
          subtasks: [blocked],
          log,
          sync: [syncRecord({ raisedBy: '组长', date: '2024-10-14' })],
        }),
      ),
    ).toHaveLength(1);
  });

  it('include 问题 records of the Sync Log until someone else answers below them', () => {
    const problem = syncRecord({ kind: 'problem', raisedBy: '乙', row: 5, date: '2024-10-15' });
    const problems = openProblems(input({ tasks, sync: [problem] }));
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p).toMatchObject({ source: 'sync', raisedBy: '乙', hours: 33, to: ['组长', '甲'] });
    expect(
      openProblems(
        input({ tasks, sync: [problem, syncRecord({ row: 6, raisedBy: '甲', date: '2024-10-16' })] }),
      ),
    ).toEqual([]);
  });
});

describe('replies to a problem', () => {
  const byTask = (sync: SyncRecordRow[]) => groupBy(sync, (r) => r.taskId);

  it('never pair records without a task: a task-less 问题 record is not answered by a later task-less record', () => {
    const problem = syncRecord({ kind: 'problem', taskId: '', raisedBy: '乙', row: 5, date: '2024-10-15' });
    const other = syncRecord({ taskId: '', raisedBy: '组长', row: 6, date: '2024-10-16' });
    expect(
      repliesTo(byTask([problem, other]), { taskId: '', raisedBy: '乙', day: '2024-10-15', record: problem }),
    ).toEqual([]);
    const review = computeReview({
      from: '2024-10-14',
      to: '2024-10-20',
      today: '2024-10-21',
      offset,
      wd,
      members: MEMBERS,
      tasks: [task('A2024-001')],
      subtasks: [],
      sync: [problem, other],
      log: [],
    });
    expect(review.problems).toEqual([]);
  });

  it('come after the problem in the order written, archived records before live ones, whatever their row numbers', () => {
    // The archive holds the problem at row 9; the answer was written later, in the live sheet, at row 3.
    const archived = syncRecord({
      kind: 'problem',
      raisedBy: '乙',
      row: 9,
      date: '2024-10-15',
      content: '旧问题',
    });
    const live = syncRecord({ raisedBy: '组长', row: 3, date: '2024-10-16' });
    // A live problem at row 12 is not answered by an archived record at row 20 written before it.
    const liveProblem = syncRecord({
      kind: 'problem',
      raisedBy: '乙',
      row: 12,
      date: '2024-10-16',
      content: '新问题',
    });
    const before = syncRecord({ raisedBy: '组长', row: 20, date: '2024-10-16' });
    const review = computeReview({
      from: '2024-10-14',
      to: '2024-10-20',
      today: '2024-10-21',
      offset,
      wd,
      members: MEMBERS,
      tasks: [task('A2024-001')],
      subtasks: [],
      sync: [archived, before, live, liveProblem],
      log: [],
    });
    expect(review.problems.map((p) => [p.text, p.answeredOn, p.workingDaysToAnswer])).toEqual([
      ['旧问题', '2024-10-16', 1],
      ['新问题', null, null],
    ]);
    expect(
      repliesTo(byTask([before, liveProblem]), {
        taskId: 'A2024-001',
        raisedBy: '乙',
        day: '2024-10-16',
        record: liveProblem,
      }),
    ).toEqual([]);
  });

  it('go to the audience named exactly: 王伟华 is not 王伟', () => {
    const members = [...MEMBERS, member('王伟'), member('王伟华'), member('李四')];
    const problem = syncRecord({
      kind: 'problem',
      raisedBy: '乙',
      date: '2024-10-15',
      audience: '王伟华、李四',
    });
    const problems = openProblems(input({ members, tasks: [task('A2024-001')], sync: [problem] }));
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p!.to).toEqual(['组长', '甲', '王伟华', '李四']);
    const digests = memberDigests(input({ members, tasks: [task('A2024-001')], sync: [problem] }));
    expect(digests.map((d) => d.member.name)).not.toContain('王伟');
  });
});

describe('team digest, roll call and escalation', () => {
  const tasks = [
    task('A2024-001'),
    task('B2024-001', { initiator: '主管', owner: '乙' }),
    task('C2024-001', {
      status: 'pending_acceptance',
      guard: encodeTaskGuard({
        id: 'C2024-001',
        initiator: '组长',
        owner: '甲',
        status: 'pending_acceptance',
        completedOn: null,
        since: '2024-10-11',
      }),
    }),
    task('D2024-001', { status: 'done' }),
  ];
  const subtasks = [
    sub('A2024-001-01', 'A2024-001', { updatedOn: '2024-10-17' }),
    sub('A2024-001-02', 'A2024-001', { owner: '乙', updatedOn: '2024-10-15' }),
    sub('B2024-001-01', 'B2024-001', { owner: '乙', updatedOn: '2024-10-16' }),
    sub('B2024-001-02', 'B2024-001', { owner: '甲', progress: 100, updatedOn: '2024-10-10' }),
  ];

  it('give each 主管 the counts, yesterday’s non-updaters and acceptances pending over 2 working days', () => {
    const team = teamDigests(input({ tasks, subtasks }), ['x@example.com']);
    expect(team).toHaveLength(1);
    const [d] = team;
    expect(d!.manager.name).toBe('主管');
    expect(d!.counts).toEqual({
      not_started: 0,
      in_progress: 2,
      pending_acceptance: 1,
      done: 1,
      cancelled: 0,
    });
    expect(d!.nonUpdaters).toEqual([
      { owner: '乙', subtasks: [expect.objectContaining({ subtaskId: 'A2024-001-02' })] },
    ]);
    // 10-12 (a Saturday) was a make-up working day: 12, 14, 15, 16, 17.
    expect(d!.acceptanceOver2Days.map((t) => [t.taskId, t.days])).toEqual([['C2024-001', 5]]);
    expect(d!.skipped).toEqual(['x@example.com']);
  });

  it('roll-call exactly the owners of active work with no update today', () => {
    expect(
      rollCalls(input({ tasks, subtasks })).map((r) => [r.member.name, r.subtasks.map((s) => s.subtaskId)]),
    ).toEqual([['乙', ['A2024-001-02', 'B2024-001-01']]]);
  });

  it('escalate to each lead about their own tasks and to each 主管 about all', () => {
    const list = escalations(input({ tasks, subtasks }));
    expect(
      list.map((e) => [e.member.name, e.nonUpdaters.flatMap((g) => g.subtasks.map((s) => s.subtaskId))]),
    ).toEqual([
      ['主管', ['A2024-001-02', 'B2024-001-01']],
      ['组长', ['A2024-001-02']],
    ]);
  });
});
