// One playground and one Chromium for a describe block: started before its tests, closed after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startPlayground, type workbookView } from '../../emulator/playground/server';
import type { World } from '../../emulator/world';
import { launch } from './chromium';

export type Playground = Awaited<ReturnType<typeof startPlayground>>;
export type WorkbookView = ReturnType<typeof workbookView>;

/** The workbook as the playground's GET /api/workbook serves it. */
export async function fetchWorkbook(server: Playground): Promise<WorkbookView> {
  return (await (await fetch(`${server.url}/api/workbook`)).json()) as WorkbookView;
}

export interface Session {
  readonly server: Playground;
  readonly browser: Browser;
  workbook(): Promise<WorkbookView>;
}

/** Registers the hooks that serve `world()` and launch Chromium around the current describe block. */
export function usePlayground(world: () => World): Session {
  let server: Playground | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startPlayground({ port: 0, world: world() });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the playground session has not started');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    workbook: () => fetchWorkbook(started(server)),
  };
}
