// Hostile text (formulas, HTML, script) and a workbook full of it: Team members named with it, and tasks carrying it.
import { applyUserEdit } from '../../emulator/edits';
import type { CellValue, World } from '../../emulator/world';
import { ADMIN, emulatorFor, sampleWorld, sheetState } from './project';
import { rpcOk } from './task-states';

/** Text a spreadsheet would evaluate: formulas (one fetching a URL, one a link), numbers with signs, a mention. */
export const FORMULA_PAYLOADS = [
  '=IMPORTXML("http://evil.example/x","//a")',
  '+1',
  '-1',
  '@x',
  '=HYPERLINK("http://evil.example","点我")',
];
/** Text a browser would run. */
export const MARKUP_PAYLOADS = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>'];
export const PAYLOADS = [...FORMULA_PAYLOADS, ...MARKUP_PAYLOADS];
/** A valid project prefix (no whitespace, at most 20 characters, not ending in a digit or -) in the spirit of each. */
export const PREFIXES = ['=IMPORTXML', '+A', '-A', '@x', '=HYPERLINK', '<svg/onload=alert()>', '<b>x</b>'];

/** The Team member named by payload i, and their address. */
export const hostileEmail = (i: number) => `evil${i}@example.com`;

/** Every cell holding a formula, as `sheet!row:col` (the product never writes one). */
export function formulaCells(world: World): string[] {
  return world.spreadsheet.sheets.flatMap((s) =>
    s.rows.flatMap((r, i) =>
      r.flatMap((v: CellValue, j) =>
        typeof v === 'object' && 'f' in v ? [`${s.name}!${i + 1}:${j + 1}`] : [],
      ),
    ),
  );
}

/** The string cells of a sheet. */
export function textCells(world: World, sheet: string): string[] {
  return sheetState(world, sheet).rows.flatMap((r) => r.filter((v): v is string => typeof v === 'string'));
}

const DAY = '2024-10-22';

/**
 * The sample workbook after a 主管 typed one Team member per payload, named with it, and each of them got: an
 * overdue task in progress whose every text field (and subtask, progress report and problem record) carries the
 * payload; a task taken through reject, accept and retrospective with the payload as reason, note and conclusions;
 * and a task cancelled with the payload as reason.
 */
export function hostileWorld(): World {
  const world = sampleWorld();
  const emu = emulatorFor(world);
  const team = sheetState(world, '成员');
  let row = team.rows.filter((r) => r.some((v) => v !== '')).length;
  PAYLOADS.forEach((name, i) => {
    row++;
    world.spreadsheet.editors.push(hostileEmail(i));
    const values = [[name, hostileEmail(i), '成员', name, '是']];
    const r = applyUserEdit(emu, { sheet: '成员', a1: `A${row}:E${row}`, values, user: ADMIN });
    if (!r.ok) throw new Error(`Team row ${name}: ${r.rejected}`);
  });
  PAYLOADS.forEach((p, i) => {
    const owner = hostileEmail(i);
    const create = (prefix: string, name: string) =>
      rpcOk<{ taskId: string }>(
        world,
        'createTask',
        {
          prefix,
          name,
          initiator: '*强',
          owner: p,
          collaborators: [PAYLOADS[(i + 1) % PAYLOADS.length]!],
          project: p,
          type: 'project',
          due: DAY,
          notes: p,
          subtasks: [{ name: p, owner: p, collaborators: [] }],
        },
        ADMIN,
      ).taskId;
    const active = create(PREFIXES[i]!, p);
    rpcOk(
      world,
      'updateProgress',
      { subtaskId: `${active}-01`, progress: 40, done: p, next: p, blockers: p },
      owner,
    );
    const record = {
      topic: p,
      content: p,
      audience: p,
      attachment: p,
      notes: p,
      kind: 'problem',
      taskId: active,
    };
    rpcOk(world, 'addSyncRecord', record, owner);
    const accepted = create('验收', `${p} 验收`);
    rpcOk(world, 'updateProgress', { subtaskId: `${accepted}-01`, progress: 100, done: p }, owner);
    rpcOk(world, 'submitForAcceptance', { taskId: accepted }, owner);
    rpcOk(world, 'rejectTask', { taskId: accepted, reason: p }, ADMIN);
    rpcOk(world, 'submitForAcceptance', { taskId: accepted }, owner);
    rpcOk(world, 'acceptTask', { taskId: accepted, note: p }, ADMIN);
    rpcOk(world, 'recordRetrospective', { taskId: accepted, text: p }, ADMIN);
    rpcOk(world, 'cancelTask', { taskId: create('取消', `${p} 取消`), reason: p }, ADMIN);
  });
  return world;
}
