// The sample workbook with one task, T, in each workflow state, and the people who play each role on it.
import { appendRows, teamRows } from '../../emulator/seed';
import type { World } from '../../emulator/world';
import { emulatorFor, sampleWorld } from './project';

export const WHO = [
  'admin',
  'manager',
  'initiator',
  'owner',
  'subOwner',
  'collaborator',
  'stranger',
  'unknown',
] as const;
export type Who = (typeof WHO)[number];

export interface Person {
  email: string;
  name: string | null;
}

/** The people behind the roles on task T; *总 is a 主管 who is not the admin, the stranger is an editor off the Team. */
export const PEOPLE: Record<Who, Person> = {
  admin: { email: 'qiang@example.com', name: '*强' },
  manager: { email: 'zong@example.com', name: '*总' },
  initiator: { email: 'li@example.com', name: '*丽' },
  owner: { email: 'ming@example.com', name: '*明' },
  subOwner: { email: 'lei@example.com', name: '*磊' },
  collaborator: { email: 'hua@example.com', name: '*华' },
  stranger: { email: 'stranger@example.org', name: null },
  unknown: { email: '', name: null },
};
/** Who types when the editor cannot be identified (a consumer account other than the trigger's owner). */
export const UNKNOWN_EDITOR = 'yang@example.com';

/** Task T: initiator *丽, owner *明, collaborator *华; subtask 01 is *明's (with *华), subtask 02 is *磊's. */
export const T = '权限测试2024-001';
/** A sample task that the nightly archive moves (in the `archived` state). */
export const ARCHIVED = '紧急任务2024-003';

export type State = 'open' | 'started' | 'allAt100' | 'pending' | 'done' | 'archived';

/** Runs a sidebar function as `user` (google.script.run's rules); fails loudly if it throws. */
export function rpcOk<R = unknown>(world: World, fn: string, arg: unknown, user: string): R {
  const r = emulatorFor(world).call<R>(fn, arg === undefined ? [] : [arg], user, { rpc: true });
  if (!r.ok) throw new Error(`${fn}: ${r.error!.message}`);
  return r.result;
}

/**
 * The workbook in each state of T: open (未开始), started (进行中, subtask 01 at 50), allAt100, pending (待验收),
 * done (已完成, accepted by *丽) and archived (open, after the nightly archive moved the sample's old task).
 */
export function taskStates(): Record<State, World> {
  const world = sampleWorld();
  const manager = { name: PEOPLE.manager.name!, email: PEOPLE.manager.email, role: 'manager' as const };
  appendRows(world, 'team', teamRows([{ ...manager, group: '管理组' }]), 'zh-CN');
  world.spreadsheet.editors.push(PEOPLE.manager.email, PEOPLE.stranger.email);
  rpcOk(
    world,
    'createTask',
    {
      prefix: '权限测试',
      name: '权限矩阵任务',
      initiator: '*丽',
      owner: '*明',
      collaborators: ['*华'],
      project: '安全加固',
      type: 'project',
      due: '2024-11-15',
      notes: '验收标准',
      subtasks: [
        { name: '子任务一', owner: '*明', collaborators: ['*华'] },
        { name: '子任务二', owner: '*磊', collaborators: [] },
      ],
    },
    PEOPLE.admin.email,
  );
  const states = { open: structuredClone(world) } as Record<State, World>;
  states.archived = structuredClone(world);
  rpcOk(states.archived, 'runArchive', undefined, PEOPLE.admin.email);
  rpcOk(world, 'updateProgress', { subtaskId: `${T}-01`, progress: 50 }, PEOPLE.owner.email);
  states.started = structuredClone(world);
  states.allAt100 = structuredClone(world);
  rpcOk(states.allAt100, 'updateProgress', { subtaskId: `${T}-01`, progress: 100 }, PEOPLE.owner.email);
  rpcOk(states.allAt100, 'updateProgress', { subtaskId: `${T}-02`, progress: 100 }, PEOPLE.subOwner.email);
  rpcOk(world, 'submitForAcceptance', { taskId: T }, PEOPLE.owner.email);
  states.pending = structuredClone(world);
  rpcOk(world, 'acceptTask', { taskId: T }, PEOPLE.initiator.email);
  states.done = world;
  return states;
}
