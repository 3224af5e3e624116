import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { segmentName, type LogPosition } from './record-scan';

/** Open segment files kept at once; older ones are closed first. */
const HANDLES = 8;

/**
 * Reads records by position, synchronously: the index worker has nothing else to do while it
 * waits, and the records it reads were just written (in the page cache).
 */
export class RecordReader {
  private readonly handles = new Map<number, number>();

  constructor(private readonly dir: string) {}

  /** The record at `position`, or null if its segment is gone (dropped by retention meanwhile). */
  read(position: LogPosition): Buffer | null {
    const fd = this.handle(position.segment);
    if (fd === null) return null;
    const buffer = Buffer.allocUnsafe(position.length);
    const read = readSync(fd, buffer, 0, position.length, position.offset);
    return read === position.length ? buffer : null;
  }

  /** Segments up to `segment` were deleted. */
  forgetThrough(segment: number): void {
    for (const [number, fd] of this.handles) {
      if (number > segment) continue;
      closeSync(fd);
      this.handles.delete(number);
    }
  }

  close(): void {
    this.forgetThrough(Infinity);
  }

  private handle(segment: number): number | null {
    const known = this.handles.get(segment);
    if (known !== undefined) return known;
    try {
      const fd = openSync(path.join(this.dir, segmentName(segment)), 'r');
      if (this.handles.size >= HANDLES) {
        const [oldest] = this.handles;
        if (oldest) {
          closeSync(oldest[1]);
          this.handles.delete(oldest[0]);
        }
      }
      this.handles.set(segment, fd);
      return fd;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
