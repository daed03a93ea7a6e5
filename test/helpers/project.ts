// Emulators over the built project (dist/), optionally with extra test-only script files in the same global scope.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Emulator, PROJECT_ROOT } from '../../emulator/sandbox';
import { createSampleWorld, SAMPLE_ADMIN, type SampleOptions } from '../../emulator/seed';
import { createWorld, type World } from '../../emulator/world';

export const DIST = path.join(PROJECT_ROOT, 'dist');
export const ADMIN = SAMPLE_ADMIN;

/** A copy of dist/ plus `extra` as another script file (Apps Script projects share one global scope across files). */
export function distWith(extra: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'task-sync-dist-'));
  for (const f of fs.readdirSync(DIST)) fs.copyFileSync(path.join(DIST, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'zz_test.js'), extra);
  return dir;
}

export function emulatorFor(world: World, extra?: string): Emulator {
  return new Emulator(world, extra ? { distDir: distWith(extra) } : {});
}

/** A brand-new spreadsheet owned by the admin, in October 2024 Shanghai time. */
export function emptyWorld(locale: 'zh-CN' | 'en' = 'zh-CN'): World {
  return createWorld({
    now: Date.parse('2024-10-24T10:00:00+08:00'),
    timeZone: 'Asia/Shanghai',
    locale: locale === 'en' ? 'en_US' : 'zh_CN',
    owner: ADMIN,
    editors: ['ming@example.com', 'li@example.com', 'wei@example.com'],
  });
}

export function sampleWorld(opts: Partial<SampleOptions> = {}): World {
  return createSampleWorld({ data: 'sample', ...opts });
}

/** The stored cells of a sheet by name (a deep copy), for before/after comparisons. */
export function cells(world: World, sheet: string): unknown[][] {
  const s = world.spreadsheet.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return JSON.parse(JSON.stringify(s.rows.filter((r) => r.some((v) => v !== ''))));
}

export function sheetState(world: World, sheet: string) {
  const s = world.spreadsheet.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return s;
}
