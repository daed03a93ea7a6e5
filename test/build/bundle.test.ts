// The built bundle is what Apps Script needs: every entry export and menu callback is a top-level function, no modules.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../emulator/sandbox';
import { DIST, emptyWorld, emulatorFor } from '../helpers/project';

const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');

async function entryExports(): Promise<string[]> {
  const probe = await build({
    entryPoints: [path.join(PROJECT_ROOT, 'src/entry/index.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'probe',
    logLevel: 'silent',
  });
  return Object.values(probe.metafile.outputs).flatMap((o) => o.exports);
}

/** Top-level functions of Code.js, as Apps Script sees them: properties of a fresh global object. */
function topLevelFunctions(): Set<string> {
  const ctx = vm.createContext({});
  new vm.Script(code).runInContext(ctx);
  return new Set(Object.keys(ctx).filter((k) => typeof ctx[k] === 'function'));
}

describe('dist/Code.js', () => {
  it('declares every export of src/entry as a top-level function, and nothing private', async () => {
    const exports = await entryExports();
    const globals = topLevelFunctions();
    expect(exports.length).toBeGreaterThan(3);
    for (const name of exports) expect(globals.has(name), name).toBe(true);
    expect([...globals].filter((n) => n.endsWith('_'))).toEqual([]);
  });

  it('has no import or export left and no top-level side effects (loads without any Apps Script service)', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(() => topLevelFunctions()).not.toThrow();
  });

  it('includes the SPEC §11 functions that exist so far', () => {
    const globals = topLevelFunctions();
    for (const name of ['onOpen', 'onInstall', 'openSidebar', 'setupSheets'])
      expect(globals.has(name), name).toBe(true);
  });

  it('makes every menu callback a top-level function', () => {
    const world = emptyWorld();
    const emu = emulatorFor(world);
    expect(emu.call('onOpen', [{ authMode: 'LIMITED' }], 'qiang@example.com').ok).toBe(true);
    const items = world.ui.menus
      .flatMap((m) => m.items)
      .flatMap((i) => ('functionName' in i ? [i.functionName] : []));
    expect(items.length).toBeGreaterThanOrEqual(3);
    const globals = topLevelFunctions();
    for (const fn of items) expect(globals.has(fn), fn).toBe(true);
  });

  it('makes every google.script.run target in the sidebar a top-level function', () => {
    const html = fs.readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
    const direct = [...html.matchAll(/google\.script\.run(?:\.with\w+\([^)]*\))*\.(\w+)\(/g)].map(
      (m) => m[1]!,
    );
    const dir = path.join(PROJECT_ROOT, 'src/sidebar');
    const sources = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    const typed = [...sources.matchAll(/\bcallServer\(\s*'(\w+)'/g)].map((m) => m[1]!);
    expect(new Set(typed).size).toBeGreaterThanOrEqual(8);
    const globals = topLevelFunctions();
    for (const fn of [...direct, ...typed]) expect(globals.has(fn), fn).toBe(true);
  });

  it('fails the build on an export ending in "_"', () => {
    const dir = fs.mkdtempSync(path.join(PROJECT_ROOT, 'node_modules', '.tmp-build-'));
    try {
      for (const f of ['build.mjs', 'appsscript.json'])
        fs.copyFileSync(path.join(PROJECT_ROOT, f), path.join(dir, f));
      fs.cpSync(path.join(PROJECT_ROOT, 'src'), path.join(dir, 'src'), { recursive: true });
      fs.appendFileSync(
        path.join(dir, 'src/entry/index.ts'),
        '\nexport function helper_(): number { return 1; }\n',
      );
      expect(() => execFileSync(process.execPath, ['build.mjs'], { cwd: dir, stdio: 'pipe' })).toThrow(
        /private in Apps Script/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stays within the size budgets (Code.js ≤ 400 KB, Sidebar.html ≤ 200 KB)', () => {
    expect(fs.statSync(path.join(DIST, 'Code.js')).size).toBeLessThanOrEqual(400 * 1024);
    expect(fs.statSync(path.join(DIST, 'Sidebar.html')).size).toBeLessThanOrEqual(200 * 1024);
  });
});

describe('appsscript.json', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8'));
  it('runs on V8 in Asia/Shanghai with Stackdriver logging', () => {
    expect(manifest).toMatchObject({
      runtimeVersion: 'V8',
      timeZone: 'Asia/Shanghai',
      exceptionLogging: 'STACKDRIVER',
    });
  });
  it('asks for exactly the SPEC §14 scopes', () => {
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/script.send_mail',
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/userinfo.email',
      ].sort(),
    );
  });
});

describe('clasp', () => {
  it('would push exactly appsscript.json, Code.js and Sidebar.html', () => {
    const dir = fs.mkdtempSync(path.join(PROJECT_ROOT, 'node_modules', '.tmp-clasp-'));
    try {
      fs.copyFileSync(path.join(PROJECT_ROOT, '.clasp.json.example'), path.join(dir, '.clasp.json'));
      fs.cpSync(DIST, path.join(dir, 'dist'), { recursive: true });
      const clasp = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'clasp');
      const out = execFileSync(clasp, ['status', '--json'], { cwd: dir, encoding: 'utf8' });
      const status = JSON.parse(out) as { filesToPush: string[] };
      expect(status.filesToPush.map((f) => path.basename(f)).sort()).toEqual([
        'Code.js',
        'Sidebar.html',
        'appsscript.json',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
