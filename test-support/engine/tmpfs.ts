import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { makeTempDir } from './core-fixture';

const run = promisify(execFile);

export interface SmallDisk {
  dir: string;
  /** Make the file system read-only (EROFS for every write, also through open files) or writable again. */
  setReadOnly(readOnly: boolean): Promise<void>;
  /** Change its size, as when room is made on a full disk. */
  resize(bytes: number): Promise<void>;
  unmount(): Promise<void>;
}

/**
 * A real, tiny file system, to fill up or make read-only under a running engine. Needs the
 * right to mount (root with CAP_SYS_ADMIN, as on CI); returns null where that is missing.
 */
export async function mountSmallDisk(bytes: number): Promise<SmallDisk | null> {
  const dir = await makeTempDir('ohi-disk-');
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]);
  } catch {
    await rm(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    setReadOnly: async (readOnly) => {
      await run('mount', ['-o', `remount,${readOnly ? 'ro' : 'rw'}`, dir]);
    },
    resize: async (size) => {
      await run('mount', ['-o', `remount,size=${size}`, dir]);
    },
    unmount: async () => {
      await run('umount', ['-l', dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
