import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Make a folder (and its parents) only its owner can open: history holds personal data. On a
 * read-only file system Node's recursive mkdir reports ENOENT; the reason (EROFS) is asked of
 * the first folder that is missing.
 */
export async function makePrivateDir(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    const parent = path.dirname(dir);
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === dir) throw error;
    await makePrivateDir(parent);
    await fs.mkdir(dir, { mode: 0o700 });
  }
}
