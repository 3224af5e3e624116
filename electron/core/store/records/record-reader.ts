import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { FRAME_HEADER, frameLengths } from './record-frame';
import { segmentName, type LogPoint, type LogPosition } from './record-scan';

const before = (a: LogPoint, b: LogPoint) =>
  a.segment < b.segment || (a.segment === b.segment && a.offset < b.offset);

/** Records read by `readRange`, and where the next one starts. */
export interface RangeRead {
  frames: { frame: Buffer; position: LogPosition }[];
  reached: LogPoint;
}

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

  /**
   * Up to `max` records from `from` on, stopping at `to` (the log's end when it was asked):
   * the records the engine wrote while the index was busy, read back in order. The log writes
   * whole records only, so anything else ends the segment's part (a write that failed at its end).
   */
  readRange(from: LogPoint, to: LogPoint, max: number): RangeRead {
    const frames: RangeRead['frames'] = [];
    let at = from;
    while (frames.length < max && before(at, to)) {
      const fd = this.handle(at.segment);
      const end = at.segment === to.segment ? to.offset : fd === null ? 0 : fstatSync(fd).size;
      const frame = fd === null || at.offset >= end ? null : this.frameAt(fd, at.offset, end);
      if (frame === null) {
        // The rest of this segment is gone (dropped) or not a record: on to the next one.
        at = at.segment < to.segment ? { segment: at.segment + 1, offset: 0 } : to;
        continue;
      }
      frames.push({ frame, position: { segment: at.segment, offset: at.offset, length: frame.length } });
      at = { segment: at.segment, offset: at.offset + frame.length };
    }
    return { frames, reached: at };
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

  private frameAt(fd: number, offset: number, end: number): Buffer | null {
    const header = Buffer.allocUnsafe(FRAME_HEADER);
    if (readSync(fd, header, 0, FRAME_HEADER, offset) !== FRAME_HEADER) return null;
    const lengths = frameLengths(header, 0);
    const length = lengths === null ? 0 : FRAME_HEADER + lengths.json + lengths.bodies;
    if (length === 0 || offset + length > end) return null;
    const frame = Buffer.allocUnsafe(length);
    return readSync(fd, frame, 0, length, offset) === length ? frame : null;
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
