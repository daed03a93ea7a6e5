// `npm run bench`: service calls, simulated Apps Script time and local CPU per operation at 10, 1,000 and 10,000 tasks.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Emulator, PROJECT_ROOT } from '../emulator/sandbox';
import { SAMPLE_ADMIN } from '../emulator/seed';
import { createWorld, type ExecutionMetrics, type World } from '../emulator/world';
import { archiveWorld, benchWorld } from './fixtures';
import {
  ARCHIVE_LOADS,
  archiveOperation,
  EDIT_OPERATIONS,
  JOB_OPERATIONS,
  JOB_TEAM_SIZE,
  SIDEBAR_OPERATIONS,
} from './operations';

export interface BenchRecord {
  operation: string;
  tasks: number;
  calls: number;
  sheetCalls: number;
  reads: number;
  writes: number;
  flushes: number;
  emails: number;
  cpuMs: number;
  peakMemoryMb: number;
  estimatedMs: number;
  naiveCalls: number | null;
  naiveEstimatedMs: number | null;
}

interface Operation {
  operation: string;
  /** Sizes to run at; the empty-workbook setup does not depend on size. */
  sizes: number[];
  world: (tasks: number) => World;
  run: (emu: Emulator) => ExecutionMetrics;
}

const SIZES = [10, 1000, 10_000];
const RUNS = 5;

function call(emu: Emulator, fn: string, args: unknown[] = [], user = SAMPLE_ADMIN): ExecutionMetrics {
  const r = emu.call(fn, args, user, { ui: false });
  if (!r.ok) throw new Error(`${fn}: ${r.error!.message}`);
  return r.metrics;
}

const OPERATIONS: Operation[] = [
  {
    operation: 'setupSheets (empty workbook)',
    sizes: [0],
    world: () =>
      createWorld({
        now: Date.parse('2024-10-24T10:00:00+08:00'),
        timeZone: 'Asia/Shanghai',
        locale: 'zh_CN',
        owner: SAMPLE_ADMIN,
      }),
    run: (emu) => call(emu, 'setupSheets'),
  },
  {
    operation: 'setupSheets (healthy workbook)',
    sizes: SIZES,
    world: benchWorld,
    run: (emu) => call(emu, 'setupSheets'),
  },
  ...[...SIDEBAR_OPERATIONS, ...EDIT_OPERATIONS].map((op) => ({ ...op, sizes: SIZES, world: benchWorld })),
  ...JOB_OPERATIONS.map((op) => ({
    ...op,
    sizes: SIZES,
    world: (n: number) => benchWorld(n, JOB_TEAM_SIZE),
  })),
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function measure(op: Operation, tasks: number): BenchRecord {
  const base = JSON.stringify(op.world(tasks));
  const cpu: number[] = [];
  let metrics: ExecutionMetrics | null = null;
  let peak = 0;
  for (let i = 0; i < RUNS; i++) {
    const emu = new Emulator(JSON.parse(base) as World);
    metrics = op.run(emu);
    cpu.push(metrics.cpuMs);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const m = metrics!;
  return {
    operation: op.operation,
    tasks,
    calls: m.calls,
    sheetCalls: m.sheetCalls,
    reads: m.reads,
    writes: m.writes,
    flushes: m.flushes,
    emails: m.emails,
    cpuMs: Math.round(median(cpu) * 10) / 10,
    peakMemoryMb: Math.round(peak / 1e6),
    estimatedMs: m.simMs,
    naiveCalls: null,
    naiveEstimatedMs: null,
  };
}

function bundleSizes(): string[] {
  return ['Code.js', 'Sidebar.html'].map((f) => {
    const buf = fs.readFileSync(path.join(PROJECT_ROOT, 'dist', f));
    return `dist/${f}: ${(buf.length / 1024).toFixed(1)} KB raw, ${(gzipSync(buf).length / 1024).toFixed(1)} KB gzipped`;
  });
}

function main(): void {
  const records: BenchRecord[] = [];
  for (const op of OPERATIONS) for (const tasks of op.sizes) records.push(measure(op, tasks));
  const header = [
    'operation',
    'tasks',
    'calls',
    'sheetCalls',
    'reads',
    'writes',
    'flushes',
    'emails',
    'cpuMs',
    'estimatedMs',
    'naiveCalls',
  ];
  const rows = records.map((r) =>
    [
      r.operation,
      r.tasks,
      r.calls,
      r.sheetCalls,
      r.reads,
      r.writes,
      r.flushes,
      r.emails,
      r.cpuMs,
      r.estimatedMs,
      r.naiveCalls ?? '—',
    ].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log('');
  for (const s of bundleSizes()) console.log(s);
  console.log(
    'estimatedMs: simulated Apps Script time from call counts (read/flush 60 ms, write 15 ms, email 300 ms; illustrative).',
  );
  fs.writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results.json'), `${JSON.stringify(records, null, 2)}\n`);
}

main();
