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
export const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;
/** Read handles kept open for older segments (exports read many records from each). */
const READ_HANDLES = 8;

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

export interface SegmentLogOptions {
  /** Where `scan` found the end of the last whole record. */
  end?: ScanEnd;
  fault?: WriteFault;
  rollOverBytes?: number;
}

/**
 * An append-only log of newline-delimited records split into segment files.
 *
 * Appends are group-committed: everything queued while a write is in flight goes out in the
 * next single write, so throughput holds under load and each caller's promise resolves only
 * once its bytes are in the file (the kernel's page cache survives a killed process, which is
 * the crash we promise to survive; see README "Durability"). Older segments are sealed and can
 * be dropped whole by retention.
 */
export class SegmentLog {
  private queue: Pending[] = [];
  private rollRequests: (() => void)[] = [];
  private writing = false;
  private readonly readers = new Map<number, Promise<fs.FileHandle>>();
  /** Bytes past `size` are not whole records (a failed write, a crash): cut them before writing. */
  private torn = false;
  /** Null until the segment can be opened for writing (a read-only or full folder at start). */
  private handle: fs.FileHandle | null = null;

  private constructor(
    private readonly dir: string,
    private segment: number,
    private size: number,
    /** Size of every segment but the active one. */
    private readonly sealed: Map<number, number>,
    private rollOverBytes: number,
    private readonly fault: WriteFault | undefined,
  ) {}

  /**
   * Open the log after `scan` has read it, to resume at `end`. A folder that cannot be written
   * does not stop it opening: appends fail (and retry opening) until it can.
   */
  static async open(dir: string, options: SegmentLogOptions = {}): Promise<SegmentLog> {
    const segments = await listSegments(dir);
    const last = segments.at(-1) ?? 1;
    const sizeOf = (segment: number) =>
      fs.stat(path.join(dir, segmentName(segment))).then(
        (stat) => stat.size,
        () => 0,
      );
    const sealed = new Map<number, number>();
    for (const segment of segments.slice(0, -1)) sealed.set(segment, await sizeOf(segment));
    const onDisk = await sizeOf(last);
    const size = options.end?.segment === last ? options.end.validEnd : onDisk;
    const rollOver = options.rollOverBytes ?? DEFAULT_SEGMENT_BYTES;
    const log = new SegmentLog(dir, last, size, sealed, rollOver, options.fault);
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

  /** Start a new segment (unless the active one is empty), so the current one can be dropped. */
  rollOver(): Promise<void> {
    return new Promise((resolve) => {
      this.rollRequests.push(resolve);
      if (!this.writing) void this.drain();
    });
  }

  async read(position: LogPosition): Promise<string> {
    const active = position.segment === this.segment ? this.handle : null;
    const handle = active ?? (await this.reader(position.segment));
    const buffer = Buffer.alloc(position.length);
    await handle.read(buffer, 0, position.length, position.offset);
    return buffer.toString('utf8');
  }

  /** The segment being appended to; every other one is sealed and can be dropped. */
  activeSegment(): number {
    return this.segment;
  }

  /** Sizes in bytes, oldest segment first, the active one last. */
  segmentSizes(): { segment: number; bytes: number }[] {
    return [
      ...[...this.sealed].map(([segment, bytes]) => ({ segment, bytes })),
      { segment: this.segment, bytes: this.size },
    ];
  }

  totalBytes(): number {
    let total = this.size;
    for (const bytes of this.sealed.values()) total += bytes;
    return total;
  }

  /** Delete the sealed segments numbered `through` and below. */
  async dropThrough(through: number): Promise<void> {
    for (const segment of [...this.sealed.keys()].filter((n) => n <= through)) {
      await this.closeReader(segment);
      await fs.rm(path.join(this.dir, segmentName(segment)), { force: true });
      this.sealed.delete(segment);
    }
  }

  /** Segments roll over once they reach this size (retention keeps it well below its limit). */
  setRollOverBytes(bytes: number): void {
    this.rollOverBytes = bytes;
  }

  /** Remove every segment and start an empty one. */
  async clear(): Promise<void> {
    await this.whenIdle();
    await this.closeHandles();
    for (const segment of await listSegments(this.dir)) {
      await fs.rm(path.join(this.dir, segmentName(segment)), { force: true });
    }
    this.sealed.clear();
    this.segment = 1;
    this.size = 0;
    this.torn = false;
  }

  async close(): Promise<void> {
    await this.whenIdle();
    await this.closeHandles();
  }

  private reader(segment: number): Promise<fs.FileHandle> {
    const known = this.readers.get(segment);
    if (known) return known;
    if (this.readers.size >= READ_HANDLES) {
      const [oldest] = this.readers.keys();
      if (oldest !== undefined) void this.closeReader(oldest);
    }
    const opened = fs.open(path.join(this.dir, segmentName(segment)), 'r');
    this.readers.set(segment, opened);
    opened.catch(() => this.readers.delete(segment));
    return opened;
  }

  private async closeReader(segment: number): Promise<void> {
    const reader = this.readers.get(segment);
    this.readers.delete(segment);
    if (reader) await (await reader).close().catch(() => undefined);
  }

  private async closeHandles(): Promise<void> {
    for (const segment of [...this.readers.keys()]) await this.closeReader(segment);
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  private async whenIdle(): Promise<void> {
    while (this.writing || this.queue.length > 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      for (;;) {
        if (this.rollRequests.length > 0) {
          const requests = this.rollRequests;
          this.rollRequests = [];
          if (this.size > 0) await this.roll();
          for (const resolve of requests) resolve();
        }
        if (this.queue.length === 0) break;
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
    if (this.size >= this.rollOverBytes) await this.roll();
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

  /** Seal the active segment; the next write opens the new one, and reports it if that fails. */
  private async roll(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
    this.sealed.set(this.segment, this.size);
    this.segment += 1;
    this.size = 0;
  }
}
