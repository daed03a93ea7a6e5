// The built project with the naive baseline (bench/naive/naive.js) beside Code.js, for side-by-side runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Emulator, PROJECT_ROOT } from '../../emulator/sandbox';
import type { World } from '../../emulator/world';

const DIST = path.join(PROJECT_ROOT, 'dist');
const NAIVE_SCRIPT = path.join(PROJECT_ROOT, 'bench', 'naive', 'naive.js');

/**
 * A temporary copy of dist/ plus naive.js as a second script file: one global scope, as an Apps Script project with
 * several files has. Remove it with removeNaiveDist when done.
 */
export function naiveDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'task-sync-naive-'));
  for (const f of fs.readdirSync(DIST)) fs.copyFileSync(path.join(DIST, f), path.join(dir, f));
  fs.copyFileSync(NAIVE_SCRIPT, path.join(dir, 'naive.js'));
  return dir;
}

export function removeNaiveDist(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * An emulator over a naiveDist() project. The naive runs are measured to the end even past Apps Script's 6-minute
 * limit (where the real service would stop them), so their counts can be compared; callers flag the runs over it.
 */
export function naiveEmulator(world: World, distDir: string): Emulator {
  return new Emulator(world, { distDir, timeoutMs: 15 * 60_000, simLimitMs: Number.POSITIVE_INFINITY });
}
