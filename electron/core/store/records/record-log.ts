import { promises as fs } from 'node:fs';
import path from 'node:path';
import { makePrivateDir } from '../private-dir';
import { isUnwritable, listSegments, segmentName, type LogPoint, type LogPosition } from './record-scan';

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

interface Pending<T> {
  /** Its parts, written one after the other. */
  record: Buffer[];
  tag: T;
  resolve: (position: LogPosition) => void;
  reject: (error: unknown) => void;
}

/** A record that is now in the file, with what its writer attached to it. */
export interface Written<T> {
  position: LogPosition;
  tag: T;
}

/** Where a written record starts. */
export const startOf = ({ position }: Written<unknown>): LogPoint => ({
  segment: position.segment,
  offset: position.offset,
});

/** Where the last of written records ends (the log's start for none). */
export const endOf = (batch: Written<unknown>[]): LogPoint => {
  const last = batch.at(-1)?.position ?? { segment: 0, offset: 0, length: 0 };
  return { segment: last.segment, offset: last.offset + last.length };
};

export interface RecordLogOptions<T> {
  /** Where the last whole record ends (a scan found it): bytes after it are cut before writing. */
  end?: LogPoint;
  fault?: WriteFault;
  rollOverBytes?: number;
  /**
   * Called once per write with every record it put in the file, before any append resolves:
   * the index is handed them here, in the order they are in the file.
   */
  onWritten?: (written: Written<T>[]) => void;
}

/**
 * An append-only log of records (record-frame.ts) split into segment files.
 *
 * Appends are group-committed: everything queued while a write is in flight goes out in the
 * next single write, so throughput holds under load and each caller's promise resolves only
 * once its bytes are in the file (the kernel's page cache survives a killed process, which is
 * the crash we promise to survive; see docs/storage.md). Older segments are sealed and can be
 * dropped whole by retention.
 */
export class RecordLog<T = undefined> {
  private queue: Pending<T>[] = [];
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
    private readonly onWritten: ((written: Written<T>[]) => void) | undefined,
  ) {}

  /**
   * Open the log to resume at `end` (found by scanning its tail). A folder that cannot be
   * written does not stop it opening: appends fail (and retry opening) until it can.
   */
  static async open<T>(dir: string, options: RecordLogOptions<T> = {}): Promise<RecordLog<T>> {
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
    const size = options.end?.segment === last ? options.end.offset : onDisk;
    const rollOver = options.rollOverBytes ?? DEFAULT_SEGMENT_BYTES;
    const log = new RecordLog<T>(dir, last, size, sealed, rollOver, options.fault, options.onWritten);
    log.torn = onDisk > size;
    await log.openForWriting().catch((error: unknown) => {
      if (!isUnwritable(error)) throw error;
    });
    return log;
  }

  /** Why the log cannot be written right now, if it cannot. */
  async writable(): Promise<Error | null> {
    if (this.handle) return null;
    return this.openForWriting().then(
      () => null,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
  }

  append(record: Buffer[], tag: T): Promise<LogPosition> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, tag, resolve, reject });
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

  async read(position: LogPosition): Promise<Buffer> {
    const active = position.segment === this.segment ? this.handle : null;
    const handle = active ?? (await this.reader(position.segment));
    const buffer = Buffer.alloc(position.length);
    const { bytesRead } = await handle.read(buffer, 0, position.length, position.offset);
    if (bytesRead !== position.length) throw new Error(`The record at ${JSON.stringify(position)} is gone.`);
    return buffer;
  }

  /** Where the next record will be written. */
  end(): LogPoint {
    return { segment: this.segment, offset: this.size };
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

  private async writeBatch(batch: Pending<T>[]): Promise<void> {
    const records = batch.flatMap((p) => p.record);
    const length = records.reduce((sum, part) => sum + part.length, 0);
    const start = this.size;
    try {
      const handle = this.handle ?? (await this.openForWriting());
      // The file is opened for appending: stray bytes would shift every offset we hand out.
      if (this.torn) await this.cut(handle, start);
      this.torn = false;
      await this.writeAll(handle, records, length);
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
    this.size = start + length;
    let offset = start;
    const written = batch.map((pending) => {
      const length = pending.record.reduce((sum, part) => sum + part.length, 0);
      const position = { segment: this.segment, offset, length };
      offset += length;
      return { position, tag: pending.tag };
    });
    this.onWritten?.(written);
    batch.forEach((pending, i) => pending.resolve((written[i] as Written<T>).position));
    if (this.size >= this.rollOverBytes) await this.roll();
  }

  /** The records, one after the other, as one write (no copy into one buffer first). */
  private async writeAll(handle: fs.FileHandle, records: Buffer[], length: number): Promise<void> {
    const fault = this.fault?.('write', length);
    if (fault) {
      await handle.write(Buffer.concat(records), 0, Math.min(fault.partial, length));
      throw fault.error;
    }
    let written = (await handle.writev(records)).bytesWritten;
    if (written === length) return;
    // A short write (rare on a file): the rest goes on from where it stopped.
    const data = Buffer.concat(records);
    while (written < length) {
      const { bytesWritten } = await handle.write(data, written, length - written);
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
    await makePrivateDir(this.dir);
    this.handle = await fs.open(path.join(this.dir, segmentName(this.segment)), 'a+', 0o600);
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
