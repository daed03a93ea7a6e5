// `npm run bench`: service calls, simulated Apps Script time, local CPU and peak heap per operation at 10, 1,000 and 10,000 tasks.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { SIM_COST } from '../emulator/runtime/cost';
import { APPS_SCRIPT_LIMIT_MS, Emulator, PROJECT_ROOT } from '../emulator/sandbox';
import { SAMPLE_ADMIN, SAMPLE_NOW, SAMPLE_TIME_ZONE } from '../emulator/seed';
import { createWorld, type ExecutionMetrics, type World } from '../emulator/world';
import { archiveWorld, benchWorld } from './fixtures';
import { naiveDist, naiveEmulator, removeNaiveDist } from './naive/project';
import {
  archiveOperation,
  EDIT_OPERATIONS,
  execution,
  FIRST_PAINT_OPERATION,
  JOB_OPERATIONS,
  JOB_TEAM_SIZE,
  REPORT_OPERATIONS,
  restoreOperation,
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
  /** The naive twin (bench/naive/naive.js) on the same workbook; null when the operation has none. */
  naiveCalls: number | null;
  naiveEstimatedMs: number | null;
  /** Local CPU of the naive run (one run); null when extrapolated. */
  naiveCpuMs?: number | null;
  /** True when the naive figures are extrapolated from the smaller sizes instead of measured. */
  naiveExtrapolated?: boolean;
  /** True when the naive run would pass Apps Script's 6-minute limit (the real service would stop it). */
  naiveOverLimit?: boolean;
}

interface Operation {
  operation: string;
  /** Sizes to run at; the empty-workbook setup does not depend on size. */
  sizes: number[];
  /** The workbook, built once per name and size and copied for every run. */
  world: (tasks: number) => World;
  worldName: string;
  run: (emu: Emulator) => ExecutionMetrics;
  naive?: (emu: Emulator) => ExecutionMetrics;
}

const SIZES = [10, 1000, 10_000];
const RUNS = 5;
/** A naive run predicted to take longer than this much local CPU is extrapolated instead of run. */
const NAIVE_CPU_CAP_MS = 20_000;

/** A menu or editor run of `fn` by the admin, with no UI attached. */
const adminRun = (emu: Emulator, fn: string) => execution(emu, fn, SAMPLE_ADMIN, [], { ui: false });

/** The archive with one task due at every size, then 1,000 and 5,000 of 10,000 due at once. */
const ARCHIVE_LOADS = [
  { due: 1, sizes: SIZES },
  { due: 1000, sizes: [10_000] },
  { due: 5000, sizes: [10_000] },
];

/** One task in ten finished long enough ago to be archived (at least one). */
const archiveLoad = (tasks: number) => archiveWorld(tasks, Math.max(1, Math.ceil(tasks / 10)));

/** The archive workbook after Task Sync's own archive has run, for restoring a task from it. */
function archivedWorld(tasks: number): World {
  const world = archiveLoad(tasks);
  adminRun(new Emulator(world), 'runArchive');
  return world;
}

const jobsWorld = (tasks: number) => benchWorld(tasks, JOB_TEAM_SIZE);

const OPERATIONS: Operation[] = [
  {
    operation: 'setupSheets (empty workbook)',
    sizes: [0],
    worldName: 'empty',
    world: () =>
      createWorld({
        now: Date.parse(SAMPLE_NOW),
        timeZone: SAMPLE_TIME_ZONE,
        locale: 'zh_CN',
        owner: SAMPLE_ADMIN,
      }),
    run: (emu) => adminRun(emu, 'setupSheets'),
  },
  {
    operation: 'setupSheets (healthy workbook)',
    sizes: SIZES,
    worldName: 'bench',
    world: benchWorld,
    run: (emu) => adminRun(emu, 'setupSheets'),
  },
  ...[FIRST_PAINT_OPERATION, ...SIDEBAR_OPERATIONS, ...EDIT_OPERATIONS].map((op) => ({
    ...op,
    sizes: SIZES,
    worldName: 'bench',
    world: benchWorld,
  })),
  ...[...JOB_OPERATIONS, ...REPORT_OPERATIONS].map((op) => ({
    ...op,
    sizes: SIZES,
    worldName: 'jobs',
    world: jobsWorld,
  })),
  ...ARCHIVE_LOADS.map(({ due, sizes }) => ({
    ...archiveOperation,
    operation: `runArchive (${due.toLocaleString('en')} due)`,
    sizes,
    worldName: `archive-${due}`,
    world: (tasks: number) => archiveWorld(tasks, due),
  })),
  { ...restoreOperation, sizes: SIZES, worldName: 'archived', world: archivedWorld },
];

const worlds = new Map<string, string>();
/** The operation's workbook at a size as JSON, built once and shared by the operations that use it. */
function worldJson(op: Operation, tasks: number): string {
  const key = `${op.worldName}:${tasks}`;
  let json = worlds.get(key);
  if (json === undefined) {
    json = JSON.stringify(op.world(tasks));
    worlds.set(key, json);
  }
  return json;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** What the naive twin cost at one size. */
interface NaiveFigures {
  calls: number;
  simMs: number;
  cpuMs: number | null;
  extrapolated: boolean;
}

/** The naive figures per operation and size, kept for extrapolating the largest size from the smaller ones. */
const naiveHistory = new Map<string, Map<number, NaiveFigures>>();

/**
 * Runs the naive twin once on the same workbook, or — when the run at the previous size predicts more than
 * NAIVE_CPU_CAP_MS of local CPU here — extrapolates linearly from the two previous sizes: every naive operation reads
 * or moves each row a fixed number of times, so its calls grow linearly with the rows. (A job's emails grow with the
 * members who have something to hear and level off, so there the extrapolation errs high.)
 */
function measureNaive(op: Operation, tasks: number, base: string, distDir: string): NaiveFigures {
  const history = naiveHistory.get(op.operation) ?? new Map<number, NaiveFigures>();
  naiveHistory.set(op.operation, history);
  const sizes = [...history.keys()].filter((n) => n < tasks).sort((a, b) => a - b);
  const [small, large] = sizes.slice(-2).map((n) => history.get(n)!);
  const largeSize = sizes.at(-1);
  if (small && large && large.cpuMs !== null && largeSize !== undefined) {
    const predictedCpu = (large.cpuMs * tasks) / largeSize;
    if (predictedCpu > NAIVE_CPU_CAP_MS) {
      const smallSize = sizes.at(-2)!;
      const at = (a: number, b: number) =>
        Math.round(b + ((b - a) * (tasks - largeSize)) / (largeSize - smallSize));
      const figures = {
        calls: at(small.calls, large.calls),
        simMs: at(small.simMs, large.simMs),
        cpuMs: null,
        extrapolated: true,
      };
      history.set(tasks, figures);
      return figures;
    }
  }
  const m = op.naive!(naiveEmulator(JSON.parse(base) as World, distDir));
  const figures = { calls: m.calls, simMs: m.simMs, cpuMs: m.cpuMs, extrapolated: false };
  history.set(tasks, figures);
  return figures;
}

function measure(op: Operation, tasks: number, naiveDir: string): BenchRecord {
  const base = worldJson(op, tasks);
  const runs = Array.from({ length: RUNS }, () =>
    op.run(new Emulator(JSON.parse(base) as World, { measureHeap: true })),
  );
  const m = runs.at(-1)!;
  const record: BenchRecord = {
    operation: op.operation,
    tasks,
    calls: m.calls,
    sheetCalls: m.sheetCalls,
    reads: m.reads,
    writes: m.writes,
    flushes: m.flushes,
    emails: m.emails,
    cpuMs: Math.round(median(runs.map((r) => r.cpuMs)) * 10) / 10,
    peakMemoryMb: median(runs.map((r) => r.peakHeapMb!)),
    estimatedMs: m.simMs,
    naiveCalls: null,
    naiveEstimatedMs: null,
  };
  if (!op.naive) return record;
  const naive = measureNaive(op, tasks, base, naiveDir);
  return {
    ...record,
    naiveCalls: naive.calls,
    naiveEstimatedMs: naive.simMs,
    naiveCpuMs: naive.cpuMs,
    naiveExtrapolated: naive.extrapolated,
    naiveOverLimit: naive.simMs > APPS_SCRIPT_LIMIT_MS,
  };
}

/** naive ÷ ours, e.g. 7.7× or 11,000×. */
function ratio(naive: number | null, ours: number): string {
  if (naive === null || ours === 0) return '—';
  const r = naive / ours;
  return `${r >= 100 ? Math.round(r).toLocaleString('en-US') : r.toFixed(1)}×`;
}

function bundleSizes(): string[] {
  return ['Code.js', 'Sidebar.html'].map((f) => {
    const buf = fs.readFileSync(path.join(PROJECT_ROOT, 'dist', f));
    return `dist/${f}: ${(buf.length / 1024).toFixed(1)} KB raw, ${(gzipSync(buf).length / 1024).toFixed(1)} KB gzipped`;
  });
}

function main(): void {
  const naiveDir = naiveDist();
  const records: BenchRecord[] = [];
  try {
    for (const op of OPERATIONS)
      for (const tasks of op.sizes) {
        const started = performance.now();
        records.push(measure(op, tasks, naiveDir));
        if (process.env.BENCH_TIMES)
          console.error(`${op.operation} @ ${tasks}: ${Math.round(performance.now() - started)} ms`);
      }
  } finally {
    removeNaiveDist(naiveDir);
  }
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
    'peakMemoryMb',
    'estimatedMs',
    'naiveCalls',
    'naiveEstimatedMs',
    '×calls',
    '×time',
  ];
  const rows = records.map((r) => {
    const approx = r.naiveExtrapolated ? '~' : '';
    const naive = (v: number | null, mark = '') => (v === null ? '—' : `${approx}${v}${mark}`);
    return [
      r.operation,
      r.tasks,
      r.calls,
      r.sheetCalls,
      r.reads,
      r.writes,
      r.flushes,
      r.emails,
      r.cpuMs,
      r.peakMemoryMb.toFixed(1),
      r.estimatedMs,
      naive(r.naiveCalls),
      naive(r.naiveEstimatedMs, r.naiveOverLimit ? '†' : ''),
      r.naiveCalls === null ? '—' : `${approx}${ratio(r.naiveCalls, r.calls)}`,
      r.naiveEstimatedMs === null ? '—' : `${approx}${ratio(r.naiveEstimatedMs, r.estimatedMs)}`,
    ].map(String);
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log('');
  for (const s of bundleSizes()) console.log(s);
  const c = SIM_COST;
  console.log(
    `estimatedMs: simulated Apps Script time from the call counts: a read ${c.read} ms, a write ${c.write} ms, a read-after-write flush ${c.flush} ms, a sendEmail a write plus ${c.email} ms, any other service method ${c.meta} ms, a builder or local getter ${c.local} ms (SIM_COST in emulator/runtime/cost.ts: illustrative weights, not measurements).`,
  );
  console.log(
    `cpuMs, peakMemoryMb: local CPU, and the most heap the measured execution held above the heap at its start (after a full collection; sampled at every service call, garbage not yet collected included); medians of ${RUNS} runs.`,
  );
  console.log(
    'naive*: the same operation on the same workbook written the typical way (bench/naive/naive.js: cell-by-cell reads, appendRow/deleteRow per row, no batching, no lock); ×calls and ×time = naive ÷ ours.',
  );
  if (records.some((r) => r.naiveExtrapolated))
    console.log(
      `~ extrapolated linearly from the two smaller sizes: the naive run would take over ${NAIVE_CPU_CAP_MS / 1000} s of local CPU.`,
    );
  if (records.some((r) => r.naiveOverLimit))
    console.log(
      "† over Apps Script's 6-minute execution limit: the real service would stop the naive run part way.",
    );
  fs.writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results.json'), `${JSON.stringify(records, null, 2)}\n`);
}

main();
