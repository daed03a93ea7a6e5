// Builds an Emulator around an inline Apps Script source: writes Code.js, appsscript.json and HTML files to a temp dist dir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { Emulator, type EmulatorOptions } from '../../emulator/sandbox';
import { createWorld, type World, type WorldConfig } from '../../emulator/world';

/** The contract tests' "now": Thursday 2024-10-24 10:00 in Shanghai. */
export const NOW = Date.parse('2024-10-24T02:00:00Z');
export const OWNER = 'owner@example.com';
export const EDITOR = 'ed@example.com';
/** The first sheet of a new zh_CN spreadsheet. */
export const FIRST_SHEET = '工作表1';

export interface ScriptEmulatorOptions {
  world?: World;
  /** HTML project files by name (without .html). */
  html?: Record<string, string>;
  /** The script's time zone (appsscript.json). */
  timeZone?: string;
  config?: Partial<WorldConfig>;
  /** Extra Emulator options (timeoutMs, beforeCall, addonName). */
  emulator?: Omit<EmulatorOptions, 'distDir'>;
}

/** The default world: one empty sheet in a zh_CN spreadsheet in Asia/Shanghai, owned by OWNER and shared with EDITOR. */
export function defaultWorld(config?: Partial<WorldConfig>): World {
  return createWorld({
    now: NOW,
    timeZone: 'Asia/Shanghai',
    locale: 'zh_CN',
    owner: OWNER,
    editors: [EDITOR],
    ...(config ? { config } : {}),
  });
}

/** Temp dist dirs made for the importing test file, removed after its tests (the helper is loaded once per file). */
const tempDirs = new Set<string>();
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
});

/** An Emulator running `code` (plain top-level function declarations) as the project's Code.js. */
export function scriptEmulator(code: string, opts: ScriptEmulatorOptions = {}): Emulator {
  const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'task-sync-contract-'));
  tempDirs.add(distDir);
  fs.writeFileSync(path.join(distDir, 'Code.js'), code);
  const manifest = { timeZone: opts.timeZone ?? 'Asia/Shanghai', runtimeVersion: 'V8' };
  fs.writeFileSync(path.join(distDir, 'appsscript.json'), JSON.stringify(manifest));
  for (const [name, html] of Object.entries(opts.html ?? {}))
    fs.writeFileSync(path.join(distDir, `${name}.html`), html);
  let world = opts.world;
  if (!world) world = defaultWorld(opts.config);
  else if (opts.config) Object.assign(world.config, opts.config);
  return new Emulator(world, { ...opts.emulator, distDir });
}
