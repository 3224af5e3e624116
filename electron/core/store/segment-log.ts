import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  isUnwritable,
  listSegments,
  scanSegments,
  segmentName,
  type LogPosition,
  type ScanEnd,
} from './segment-scan';

export type { LogNotice, LogPosition } from './segment-scan';

/** Segment files roll over at this size so retention can drop the oldest whole. */
const SEGMENT_BYTES = 64 * 1024 * 1024;

/**
 * A disk failure to simulate. Before a write of `length` bytes: write `partial` bytes of it (a
 * torn write, as a filling disk does), then fail with `error`. Before cutting a torn write
 * back, or opening the segment for writing (`length` 0): fail with `error`. Tests inject this; the
 * real failures it stands for cannot be produced on demand everywhere.
 */
export type WriteFault = (
  operation: 'open' | 'write' | 'truncate',
  length: number,
) => { partial: number; error: Error } | undefined;

interface Pending {
  line: Buffer;
  resolve: (position: LogPosition) => void;
  reject: (error: unknown) => void;
}

/**
 * An append-only log of newline-delimited records split into segment files.
 *
 * Appends are group-committed: everything queued while a write is in flight goes out in the
 * next single write, so throughput holds under load and each caller's promise resolves only
 * once its bytes are in the file (the kernel's page cache survives a killed process, which is
 * the crash we promise to survive; see README "Durability").
 */
export class SegmentLog {
  private queue: Pending[] = [];
  private writing = false;
  /** Bytes past `size` are not whole records (a failed write, a crash): cut them before writing. */
  private torn = false;
  /** Null until the segment can be opened for writing (a read-only or full folder at start). */
  private handle: fs.FileHandle | null = null;

  private constructor(
    private readonly dir: string,
    private segment: number,
    private size: number,
    private readonly fault: WriteFault | undefined,
  ) {}

  /**
   * Open the log after `scan` has read it, to resume at `end`. A folder that cannot be written
   * does not stop it opening: appends fail (and retry opening) until it can.
   */
  static async open(dir: string, options: { end?: ScanEnd; fault?: WriteFault } = {}): Promise<SegmentLog> {
    const last = (await listSegments(dir)).at(-1) ?? 1;
    const onDisk = await fs.stat(path.join(dir, segmentName(last))).then(
      (stat) => stat.size,
      () => 0,
    );
    const size = options.end?.segment === last ? options.end.validEnd : onDisk;
    const log = new SegmentLog(dir, last, size, options.fault);
    log.torn = onDisk > size;
    await log.openForWriting().catch((error: unknown) => {
      if (!isUnwritable(error)) throw error;
    });
    return log;
  }

  /** See `scanSegments`. */
  static scan = scanSegments;

  /** Why the log cannot be written right now, if it cannot. */
  async writable(): Promise<Error | null> {
    if (this.handle) return null;
    return this.openForWriting().then(
      () => null,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
  }

  append(line: string): Promise<LogPosition> {
    return new Promise((resolve, reject) => {
      this.queue.push({ line: Buffer.from(`${line}\n`), resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  async read(position: LogPosition): Promise<string> {
    const file = path.join(this.dir, segmentName(position.segment));
    const current = position.segment === this.segment ? this.handle : null;
    const handle = current ?? (await fs.open(file, 'r'));
    try {
      const buffer = Buffer.alloc(position.length);
      await handle.read(buffer, 0, position.length, position.offset);
      return buffer.toString('utf8');
    } finally {
      if (handle !== this.handle) await handle.close();
    }
  }

  /** Remove every segment and start an empty one. */
  async clear(): Promise<void> {
    await this.whenIdle();
    await this.closeHandle();
    for (const segment of await listSegments(this.dir)) {
      await fs.rm(path.join(this.dir, segmentName(segment)), { force: true });
    }
    this.segment = 1;
    this.size = 0;
    this.torn = false;
  }

  async close(): Promise<void> {
    await this.whenIdle();
    await this.closeHandle();
  }

  private async whenIdle(): Promise<void> {
    while (this.writing || this.queue.length > 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        await this.writeBatch(batch);
      }
    } finally {
      this.writing = false;
    }
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    const data = Buffer.concat(batch.map((p) => p.line));
    const start = this.size;
    try {
      const handle = this.handle ?? (await this.openForWriting());
      // The file is opened for appending: stray bytes would shift every offset we hand out.
      if (this.torn) await this.cut(handle, start);
      this.torn = false;
      await this.writeAll(handle, data);
    } catch (error) {
      // A partial write (disk full) would leave a torn line that later appends glue onto;
      // cut the file back so the log stays a sequence of whole records.
      const handle = this.handle;
      this.torn =
        handle === null ||
        (await this.cut(handle, start).then(
          () => false,
          () => true,
        ));
      for (const pending of batch) pending.reject(error);
      return;
    }
    let offset = start;
    for (const pending of batch) {
      pending.resolve({ segment: this.segment, offset, length: pending.line.length - 1 });
      offset += pending.line.length;
    }
    this.size = start + data.length;
    if (this.size >= SEGMENT_BYTES) await this.rollOver();
  }

  private async writeAll(handle: fs.FileHandle, data: Buffer): Promise<void> {
    const fault = this.fault?.('write', data.length);
    if (fault) {
      await handle.write(data, 0, Math.min(fault.partial, data.length));
      throw fault.error;
    }
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await handle.write(data, written, data.length - written);
      written += bytesWritten;
    }
  }

  private async cut(handle: fs.FileHandle, size: number): Promise<void> {
    const fault = this.fault?.('truncate', 0);
    if (fault) throw fault.error;
    await handle.truncate(size);
  }

  private async openForWriting(): Promise<fs.FileHandle> {
    const fault = this.fault?.('open', 0);
    if (fault) throw fault.error;
    await fs.mkdir(this.dir, { recursive: true }).catch(async (error: NodeJS.ErrnoException) => {
      // On a read-only file system Node's recursive mkdir reports ENOENT; ask for the reason.
      if (error.code === 'ENOENT') await fs.mkdir(this.dir);
      throw error;
    });
    this.handle = await fs.open(path.join(this.dir, segmentName(this.segment)), 'a+');
    return this.handle;
  }

  private async closeHandle(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  /** The next write opens the new segment, and reports it if that fails. */
  private async rollOver(): Promise<void> {
    await this.closeHandle();
    this.segment += 1;
    this.size = 0;
  }
}
