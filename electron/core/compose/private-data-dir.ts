import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../deps';

/** Owner-only: captured payloads and settings hold personal data and secrets. */
const PRIVATE_DIR_MODE = 0o700;
const PRIVATE_FILE_MODE = 0o600;
/** Clears the group and other bits of everything this process creates from now on. */
const PRIVATE_UMASK = 0o077;

/**
 * The one mode policy for the data folder, applied to whatever is in it rather than to named
 * files, so stores that change their files (a database and its journals) are covered too.
 * The umask makes files created from now on owner-only, in any store and in any library that
 * writes there; files left with wider modes by older versions are narrowed once, here. Windows
 * has no such modes: its ACLs already keep a user's profile folder private.
 */
export async function keepDataDirPrivate(dataDir: string, logger: Logger): Promise<void> {
  if (process.platform === 'win32') return;
  process.umask(PRIVATE_UMASK);
  await fs.mkdir(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE }).catch(() => undefined);
  await narrow(dataDir, logger);
}

/** Folders 0700 and files 0600, recursively; symbolic links are neither followed nor changed. */
async function narrow(entry: string, logger: Logger): Promise<void> {
  const info = await fs.lstat(entry).catch(() => null);
  if (info === null || info.isSymbolicLink()) return;
  const mode = info.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
  if ((info.mode & 0o777) !== mode) {
    // A read-only disk refuses (EROFS): the store reports that; the modes wait for the next start.
    await fs
      .chmod(entry, mode)
      .catch((error: NodeJS.ErrnoException) =>
        logger.warn('could not make a data file private', { file: entry, code: error.code }),
      );
  }
  if (!info.isDirectory()) return;
  const names = await fs.readdir(entry).catch(() => []);
  for (const name of names) await narrow(path.join(entry, name), logger);
}
