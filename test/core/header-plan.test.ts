// Header analysis: moved columns are tolerated, safe repairs are planned, anything uncertain is reported.
import { describe, expect, it } from 'vitest';
import { planHeader } from '../../src/core/header-plan';
import { headersOf, sheetDef } from '../../src/core/templates';

const def = sheetDef('overview');
const headers = headersOf(def, 'zh-CN');
const row = [
  '产品迭代2024-001',
  'Q4客户满意度调研报告',
  '*强',
  '*明',
  '*华',
  '提升客户复购率',
  '专项任务',
  '高',
  new Date(0),
  '已完成',
  '备注',
  new Date(0),
  '',
];

describe('planHeader', () => {
  it('is ok for the template as is, and for moved columns (positions follow the headers)', () => {
    expect(planHeader(def, 'zh-CN', [headers, row], 'x')).toEqual({
      action: 'ok',
      positions: headers.map((_, i) => i + 1),
    });
    const moved = [...headers.slice(1), headers[0]!];
    const plan = planHeader(def, 'zh-CN', [moved], 'x');
    expect(plan.action).toBe('ok');
    expect(plan.action === 'ok' && plan.positions[0]).toBe(13);
  });

  it('writes every header on an empty sheet', () => {
    const plan = planHeader(def, 'zh-CN', [['']], 'x');
    expect(plan.action === 'write' && plan.cells.map((c) => c.text)).toEqual(headers);
  });

  it('appends a missing tool column when everything else is in place', () => {
    const plan = planHeader(def, 'zh-CN', [headers.slice(0, 11), row.slice(0, 11)], 'x');
    expect(plan).toMatchObject({
      action: 'write',
      cells: [
        { col: 12, text: '完成日期' },
        { col: 13, text: '守护值' },
      ],
    });
  });

  it('reports instead of guessing when a header is unknown and others have moved', () => {
    const damaged = [...headers];
    damaged[4] = '协作者';
    damaged.splice(0, 2, damaged[1]!, damaged[0]!);
    const plan = planHeader(def, 'zh-CN', [damaged, row], '总览');
    expect(plan.action).toBe('report');
    expect(plan.action === 'report' && plan.problems.map((p) => p.column)).toEqual(['E', 'E']);
  });

  it('reports data that does not fit the column whose header was lost', () => {
    const damaged = [...headers];
    damaged[8] = '';
    const bad = [...row];
    bad[8] = 'not a date';
    const plan = planHeader(def, 'zh-CN', [damaged, bad], '总览');
    expect(plan.action === 'report' && plan.problems.map((p) => p.message)).toContain(
      '「总览」第 I 列的数据与「预期完成时间」列不符,无法确定该列含义',
    );
  });

  it('reports a duplicated header', () => {
    const dup = [...headers, '负责人'];
    const plan = planHeader(def, 'zh-CN', [dup], '总览');
    expect(plan.action === 'report' && plan.problems[0]!.message).toBe(
      '「总览」第 N 列的表头「负责人」重复出现',
    );
  });

  it('recognises a deleted header row by the ID in row 1', () => {
    expect(planHeader(def, 'zh-CN', [row, row], 'x').action).toBe('insertRow');
  });

  it('recognises a deleted header row of the Sync Log (no ID column) by its typed values', () => {
    const sync = sheetDef('sync');
    const record = [new Date(0), '主题', '内容', '*明', '项目组全体', '/', '', '产品迭代2024-001', '进展'];
    expect(planHeader(sync, 'zh-CN', [record, record], 'x').action).toBe('insertRow');
  });

  it('never writes headers over a row 1 in which no header is recognised', () => {
    const sync = sheetDef('sync');
    const words = ['日期?', '主题?', '内容', '', '', '', '', '', ''];
    const plan = planHeader(sync, 'zh-CN', [words, ['', '主题', '内容']], '同步');
    expect(plan.action).toBe('report');
    const garbled = planHeader(def, 'zh-CN', [['x', 'y'], row], '总览');
    expect(garbled.action).toBe('report');
  });
});
