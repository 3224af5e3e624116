import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../test-support/engine/free-port';
import { SECRET } from './fixtures';
import { startHeadless, type HeadlessInstance } from './headless-process';

/** Headless engines that share a data folder and ports, so a tab can outlive one of them. */
export async function restartable() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ohi-restart-'));
  const ports = ['--port', String(await freePort()), '--ui-port', String(await freePort())];
  let running: HeadlessInstance | null = null;
  return {
    start: async (extra: string[] = []) => {
      running = await startHeadless(['--secret', SECRET, ...ports, ...extra], { dataDir });
      return running;
    },
    stop: async () => {
      await running?.stop();
      running = null;
    },
    remove: async () => {
      await running?.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
