import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isUnwritable } from './records/record-scan';

export interface DataDirLock {
  /** False on a folder that cannot be written: nobody can append to it, so nothing to guard. */
  held: boolean;
  release(): Promise<void>;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One engine per data directory: two writers appending to the same log would interleave
 * records. A lock left by a process that no longer runs (a crash) is taken over.
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const file = path.join(dir, 'inspector.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(file, String(process.pid), { flag: 'wx' });
      return { held: true, release: () => fs.rm(file, { force: true }) };
    } catch (error) {
      if (isUnwritable(error)) return { held: false, release: () => Promise.resolve() };
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await fs.readFile(file, 'utf8').catch(() => 'NaN'));
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `Another Okta Hook Inspector (pid ${owner}) is using ${dir}; stop it or choose another data folder.`,
          { cause: error },
        );
      }
      await fs.rm(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}.`);
}
