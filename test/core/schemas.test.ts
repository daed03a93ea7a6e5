// The shared input schemas: the owner is never a collaborator, and settings stay within their ranges.
import { describe, expect, it } from 'vitest';
import { createTaskSchema, parseOrThrow, settingsPatchSchema, validate } from '../../src/core/schemas';
import { SETTING_RANGES } from '../../src/core/settings';

const ctx = { members: ['*丽', '*明', '*华'], maxSubtasks: 3 };
const base = {
  prefix: '产品迭代',
  name: '回访',
  initiator: '*丽',
  owner: '*明',
  type: 'project',
  due: '2024-11-15',
  notes: '回访20位客户',
};

describe('createTaskSchema', () => {
  it('refuses the owner as a collaborator, of the task and of a subtask alike', () => {
    const errorsOf = (input: object) => {
      const r = validate(createTaskSchema(ctx), { ...base, ...input }, 'zh-CN');
      return r.ok ? [] : r.errors;
    };
    expect(errorsOf({ collaborators: ['*明', '*华'] })).toEqual([
      { path: 'collaborators', message: '负责人不能同时是协作人' },
    ]);
    expect(errorsOf({ subtasks: [{ name: '名单', owner: '*华', collaborators: ['*华', '*丽'] }] })).toEqual([
      { path: 'subtasks.0.collaborators', message: '负责人不能同时是协作人' },
    ]);
    expect(errorsOf({ collaborators: ['*华'], subtasks: [{ name: '名单', owner: '*华' }] })).toEqual([]);
  });
});

describe('settingsPatchSchema', () => {
  it('refuses a roll call at 17:00 or later, naming the field', () => {
    expect(() => parseOrThrow(settingsPatchSchema, { rollCallHour: 17 }, 'zh-CN')).toThrow(
      '点名提醒时间:须为 0 到 16 之间的整数',
    );
    expect(() => parseOrThrow(settingsPatchSchema, { rollCallHour: 17 }, 'en')).toThrow(
      'Roll call hour: must be a whole number from 0 to 16',
    );
    expect(parseOrThrow(settingsPatchSchema, { rollCallHour: 16, rollCallMinute: 59 }, 'en')).toEqual({
      rollCallHour: 16,
      rollCallMinute: 59,
    });
  });

  it('takes each number setting exactly within its range', () => {
    for (const [key, { min, max }] of Object.entries(SETTING_RANGES)) {
      expect(validate(settingsPatchSchema, { [key]: min }, 'en').ok, key).toBe(true);
      expect(validate(settingsPatchSchema, { [key]: max }, 'en').ok, key).toBe(true);
      expect(validate(settingsPatchSchema, { [key]: min - 1 }, 'en').ok, key).toBe(false);
      expect(validate(settingsPatchSchema, { [key]: max + 1 }, 'en').ok, key).toBe(false);
      expect(validate(settingsPatchSchema, { [key]: min + 0.5 }, 'en').ok, key).toBe(false);
    }
  });
});
