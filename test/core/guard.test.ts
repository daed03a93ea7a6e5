// The guard value: round trips, older six- and five-field rows, the creation date, and damaged text.
import { describe, expect, it } from 'vitest';
import {
  decodeSubtaskGuard,
  decodeTaskGuard,
  encodeSubtaskGuard,
  encodeTaskGuard,
} from '../../src/core/guard';

const task = {
  id: '产品迭代2024-002',
  initiator: '*丽',
  owner: '*明',
  status: 'in_progress' as const,
  completedOn: null,
  since: '2024-10-21',
};

describe('task guard', () => {
  it('keeps the creation date of a task Task Sync created', () => {
    const text = encodeTaskGuard({ ...task, created: '2024-10-18' });
    expect(JSON.parse(text)).toHaveLength(7);
    expect(decodeTaskGuard(text)).toEqual({ ...task, created: '2024-10-18' });
  });

  it('writes six fields when there is no creation date, and reads older five-field rows', () => {
    expect(JSON.parse(encodeTaskGuard(task))).toHaveLength(6);
    expect(decodeTaskGuard(encodeTaskGuard(task))).toEqual({ ...task, created: null });
    expect(decodeTaskGuard(JSON.stringify(['X2024-001', '*丽', '*明', 'done', '2024-10-20']))).toEqual({
      id: 'X2024-001',
      initiator: '*丽',
      owner: '*明',
      status: 'done',
      completedOn: '2024-10-20',
      since: null,
      created: null,
    });
  });

  it('treats damaged text, unknown statuses and wrong shapes as no guard', () => {
    for (const bad of ['', 'not json', '{}', '[1,2,3,4,5]', JSON.stringify(['a', 'b', 'c', 'flying', ''])])
      expect(decodeTaskGuard(bad), bad).toBeNull();
  });
});

describe('subtask guard', () => {
  it('round trips and refuses other shapes', () => {
    const g = { id: '产品迭代2024-002-01', taskId: '产品迭代2024-002', owner: '*明' };
    expect(decodeSubtaskGuard(encodeSubtaskGuard(g))).toEqual(g);
    expect(decodeSubtaskGuard(encodeTaskGuard(task))).toBeNull();
  });
});
