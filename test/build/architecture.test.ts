// Keeps the layers honest: src/core is pure (no Apps Script, DOM or Node), and dependencies point core ← gas ← entry.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../emulator/sandbox';

const SRC = path.join(PROJECT_ROOT, 'src');
const files = (dir: string): string[] =>
  fs
    .readdirSync(path.join(SRC, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));

/** Source without comments and string literals, so names in them do not count. */
function codeOf(file: string): string {
  return fs
    .readFileSync(path.join(SRC, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/g, "''");
}

function imports(file: string): string[] {
  return [...fs.readFileSync(path.join(SRC, file), 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map(
    (m) => m[1]!,
  );
}

const APPS_SCRIPT = [
  'SpreadsheetApp',
  'PropertiesService',
  'ScriptApp',
  'LockService',
  'MailApp',
  'GmailApp',
  'Session',
  'HtmlService',
  'Utilities',
  'Logger',
  'CacheService',
  'UrlFetchApp',
];
const DOM = ['window', 'document', 'localStorage', 'navigator', 'HTMLElement', 'fetch', 'google'];
const NODE = [
  'process',
  'require',
  'Buffer',
  'setTimeout',
  'setInterval',
  '__dirname',
  'global',
  'structuredClone',
  'TextEncoder',
  'URL',
];

describe('src/core', () => {
  for (const file of files('core')) {
    it(`${file} is pure`, () => {
      const code = codeOf(file);
      for (const name of [...APPS_SCRIPT, ...DOM, ...NODE]) {
        expect(new RegExp(`(?<![\\w.$'])${name}\\b(?!\\s*:)`).test(code), `${file} names ${name}`).toBe(
          false,
        );
      }
      for (const spec of imports(file)) {
        const inside =
          spec.startsWith('./') || spec === 'zod' || spec === 'zod/mini' || spec.startsWith('chinese-days/');
        expect(inside, `${file} imports ${spec}`).toBe(true);
      }
    });
  }
});

describe('layers', () => {
  it('src/gas never imports entry or sidebar', () => {
    for (const file of files('gas'))
      for (const spec of imports(file)) expect(spec, file).not.toMatch(/^\.\.\/(entry|sidebar)\//);
  });
  it('src/entry holds no logic: only imports, exported functions that delegate, and no top-level statements', () => {
    for (const file of files('entry')) {
      const code = codeOf(file);
      const topLevel = code.split('\n').filter((l) => /^[a-z]/.test(l) && !/^(import|export|})/.test(l));
      expect(topLevel, file).toEqual([]);
    }
  });
  it('every source file starts with a one-line purpose comment', () => {
    for (const file of [...files('core'), ...files('gas'), ...files('entry'), ...files('sidebar')]) {
      expect(fs.readFileSync(path.join(SRC, file), 'utf8').startsWith('// '), file).toBe(true);
    }
  });
});
