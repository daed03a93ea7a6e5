// Task and subtask IDs (SPEC §3): format, parse, next number across live and archived IDs.
import { describe, expect, it } from 'vitest';
import {
  formatSubtaskId,
  formatTaskId,
  isValidPrefix,
  nextTaskSeq,
  parentOf,
  parseSubtaskId,
  parseTaskId,
  prefixesOf,
} from '../../src/core/ids';

describe('task IDs', () => {
  it.each([
    ['产品迭代2024-001', { prefix: '产品迭代', year: 2024, seq: 1 }],
    ['紧急任务2024-003', { prefix: '紧急任务', year: 2024, seq: 3 }],
    ['Q4调研2025-1000', { prefix: 'Q4调研', year: 2025, seq: 1000 }],
    [' 日常协作2024-015 ', { prefix: '日常协作', year: 2024, seq: 15 }],
  ])('parses %s', (text, id) => {
    expect(parseTaskId(text)).toEqual(id);
  });

  it.each([
    '产品迭代24-001',
    '产品迭代2024-01',
    '2024-001',
    '产品 迭代2024-001',
    'Q42024-001',
    '产品迭代2024-001-01',
    '',
    42,
    null,
  ])('rejects %s', (text) => {
    expect(parseTaskId(text)).toBeNull();
  });

  it('formats with a zero-padded sequence that can grow past 999', () => {
    expect(formatTaskId({ prefix: '产品迭代', year: 2024, seq: 2 })).toBe('产品迭代2024-002');
    expect(formatTaskId({ prefix: 'X', year: 2024, seq: 1234 })).toBe('X2024-1234');
  });

  it('checks prefixes: 1–20 characters, no whitespace, not ending in a digit or -', () => {
    expect(isValidPrefix('产品迭代')).toBe(true);
    expect(isValidPrefix('a'.repeat(20))).toBe(true);
    expect(isValidPrefix('a'.repeat(21))).toBe(false);
    expect(isValidPrefix('')).toBe(false);
    expect(isValidPrefix('Q4')).toBe(false);
    expect(isValidPrefix('产品-')).toBe(false);
    expect(isValidPrefix('产品 迭代')).toBe(false);
  });
});

describe('subtask IDs', () => {
  it('parse and format', () => {
    expect(parseSubtaskId('产品迭代2024-001-01')).toEqual({ prefix: '产品迭代', year: 2024, seq: 1, sub: 1 });
    expect(formatSubtaskId('产品迭代2024-001', 3)).toBe('产品迭代2024-001-03');
    expect(parentOf('日常协作2024-015-01')).toBe('日常协作2024-015');
    expect(parentOf('日常协作2024-015')).toBeNull();
  });
});

describe('nextTaskSeq', () => {
  it("follows the seed's example: 产品迭代 in 2024 after 产品迭代2024-001 → 2", () => {
    expect(nextTaskSeq('产品迭代', 2024, ['产品迭代2024-001', '日常协作2024-015', '紧急任务2024-003'])).toBe(
      2,
    );
  });
  it('is one past the highest ever used for that prefix and year, archived and subtask IDs included', () => {
    const ids = ['产品迭代2024-001', '产品迭代2024-007-02', '产品迭代2023-050', '产品迭代X2024-099', 'junk'];
    expect(nextTaskSeq('产品迭代', 2024, ids)).toBe(8);
    expect(nextTaskSeq('产品迭代', 2025, ids)).toBe(1);
    expect(nextTaskSeq('新项目', 2024, ids)).toBe(1);
  });
  it('lists prefixes in order of first appearance', () => {
    expect(prefixesOf(['产品迭代2024-001', '紧急任务2024-003', '产品迭代2024-002', 'x'])).toEqual([
      '产品迭代',
      '紧急任务',
    ]);
  });
});
