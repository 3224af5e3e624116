import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Bytes allocated on disk to the files under `dir`, as `du` counts them (512-byte blocks). */
export async function diskBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    total += entry.isDirectory() ? await diskBytes(file) : (await stat(file)).blocks * 512;
  }
  return total;
}
