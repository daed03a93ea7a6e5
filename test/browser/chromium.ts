// Launches Debian's Chromium for browser tests; skips them only where it is absent and CI is not set.
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = fs.existsSync(CHROMIUM_PATH);
/** Under CI a missing browser is a failure, never a skip. */
export const SKIP_BROWSER = !HAVE_CHROMIUM && process.env.CI !== 'true';
export const ARTIFACTS = path.resolve('test-results');

export async function launch(): Promise<Browser> {
  if (!HAVE_CHROMIUM) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
