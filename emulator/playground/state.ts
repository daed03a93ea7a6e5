// The playground's persistent world: loaded from and saved to a gitignored folder between runs, until reset.
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../sandbox';
import { createSampleWorld, type SampleOptions } from '../seed';
import { WORLD_VERSION, type World } from '../world';

export const STATE_DIR = process.env.TASK_SYNC_STATE_DIR ?? path.join(PROJECT_ROOT, '.playground');
const STATE_FILE = path.join(STATE_DIR, 'state.json');

export function loadWorld(): World {
  try {
    const world = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as World;
    if (world.version === WORLD_VERSION) return world;
  } catch {
    // No saved state yet (or unreadable): start from the sample.
  }
  return resetWorld({ data: 'sample' });
}

export function saveWorld(world: World): void {
  fs.mkdirSync(STATE_DIR, { recursive: true });
  const tmp = `${STATE_FILE}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(world));
  fs.renameSync(tmp, STATE_FILE);
}

export function resetWorld(opts: SampleOptions): World {
  const world = createSampleWorld(opts);
  saveWorld(world);
  return world;
}
