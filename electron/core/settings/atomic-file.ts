import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Replace a file's content in one step: the text goes to a temporary file beside it, is flushed
 * to disk, and is renamed over the old file, so a crash leaves the old content or the new, never
 * half of either. Every call has a temporary name of its own: two writers never share one.
 */
export async function writeAtomically(file: string, text: string, mode = 0o644): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await fs.open(temp, 'w', mode);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Runs tasks one after another, in the order they were queued: a read-modify-write of a file
 * never interleaves with another. A failed task fails its caller only, not the ones after it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
