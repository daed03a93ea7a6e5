// Shared by the race and fault tests: fresh emulators from a saved world, sheet rows by name, and the tallies they print.
import { afterAll } from 'vitest';
import { Emulator, type EmulatorOptions } from '../../emulator/sandbox';
import type { MailMessage, World } from '../../emulator/world';
import { cells } from './project';

export const ADMIN = 'qiang@example.com';
export const LI = 'li@example.com';
export const MING = 'ming@example.com';
export const HUA = 'hua@example.com';

/** Emulators on fresh copies of one saved world (lock contenders queue, as Apps Script's blocking locks do). */
export function freshFrom(world: World, options: EmulatorOptions = {}): () => Emulator {
  const saved = JSON.stringify(world);
  return () => new Emulator(JSON.parse(saved) as World, { lockWaits: 'queue', ...options });
}

/** Data rows (header dropped) of a sheet by its name. */
export const rowsOf = (world: World, sheet: string) => cells(world, sheet).slice(1);

/** Recipients mailed more than once among `mails` (by subject family `key`), for "nobody mailed twice". */
export function mailedTwice(
  mails: MailMessage[],
  key: (m: MailMessage) => string = (m) => m.subject,
): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const m of mails) {
    const k = `${key(m)} → ${m.to}`;
    if (seen.has(k)) twice.push(k);
    seen.add(k);
  }
  return twice;
}

/** A count this test file adds to (races run, fault points injected), printed once its tests are done. */
export function tally(label: string): { add: (n: number) => void; get: () => number } {
  let total = 0;
  afterAll(() => console.info(`${label}: ${total}`));
  return {
    add: (n) => {
      total += n;
    },
    get: () => total,
  };
}
