import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Where one record lives on disk. */
export interface LogPosition {
  segment: number;
  offset: number;
  length: number;
}

export interface LogNotice {
  segment: string;
  message: string;
}

/** Segment files roll over at this size so retention can drop the oldest whole. */
const SEGMENT_BYTES = 64 * 1024 * 1024;
const SEGMENT_NAME = /^(\d{8})\.ndjson$/;
const NEWLINE = 0x0a;

const segmentName = (n: number) => `${String(n).padStart(8, '0')}.ndjson`;

/**
 * A disk failure to simulate. Before a write of `length` bytes: write `partial` bytes of it (a
 * torn write, as a filling disk does), then fail with `error`. Before cutting a torn write
 * back (`length` 0): fail with `error`, as a failing device (EIO) may. Tests inject this; the
 * real failures it stands for cannot be produced on demand everywhere.
 */
export type WriteFault = (
  operation: 'write' | 'truncate',
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
  /** A failed write could not be cut back: bytes past `size` must go before the next write. */
  private torn = false;

  private constructor(
    private readonly dir: string,
    private handle: fs.FileHandle,
    private segment: number,
    private size: number,
    private readonly fault: WriteFault | undefined,
  ) {}

  /** Open (creating) the log; the caller reads existing records with `scan` first. */
  static async open(dir: string, fault?: WriteFault): Promise<SegmentLog> {
    await fs.mkdir(dir, { recursive: true });
    const segments = await listSegments(dir);
    const last = segments.at(-1) ?? 1;
    const file = path.join(dir, segmentName(last));
    const handle = await fs.open(file, 'a+');
    const { size } = await handle.stat();
    return new SegmentLog(dir, handle, last, size, fault);
  }

  /**
   * Read every complete record in order. A torn or unreadable tail (a crash mid-write) is cut
   * off and reported; records before it are kept.
   */
  static async scan(
    dir: string,
    onRecord: (record: object, position: LogPosition) => void,
    onNotice: (notice: LogNotice) => void,
  ): Promise<void> {
    await fs.mkdir(dir, { recursive: true });
    for (const segment of await listSegments(dir)) {
      const file = path.join(dir, segmentName(segment));
      const bytes = await fs.readFile(file);
      const goodEnd = scanSegment(bytes, segment, onRecord, (message) =>
        onNotice({ segment: segmentName(segment), message }),
      );
      if (goodEnd < bytes.length) {
        await fs.truncate(file, goodEnd);
        onNotice({
          segment: segmentName(segment),
          message: `Dropped ${bytes.length - goodEnd} bytes of an incomplete record at the end (interrupted write).`,
        });
      }
    }
  }

  append(line: string): Promise<LogPosition> {
    return new Promise((resolve, reject) => {
      this.queue.push({ line: Buffer.from(`${line}\n`), resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  async read(position: LogPosition): Promise<string> {
    const file = path.join(this.dir, segmentName(position.segment));
    const handle = position.segment === this.segment ? this.handle : await fs.open(file, 'r');
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
    await this.handle.close();
    for (const segment of await listSegments(this.dir)) {
      await fs.rm(path.join(this.dir, segmentName(segment)), { force: true });
    }
    this.segment = 1;
    this.size = 0;
    this.handle = await fs.open(path.join(this.dir, segmentName(1)), 'a+');
  }

  async close(): Promise<void> {
    await this.whenIdle();
    await this.handle.close();
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
      // The file is opened for appending: stray bytes would shift every offset we hand out.
      if (this.torn) await this.cut(start);
      this.torn = false;
      await this.writeAll(data);
    } catch (error) {
      // A partial write (disk full) would leave a torn line that later appends glue onto;
      // cut the file back so the log stays a sequence of whole records.
      this.torn = await this.cut(start).then(
        () => false,
        () => true,
      );
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

  private async writeAll(data: Buffer): Promise<void> {
    const fault = this.fault?.('write', data.length);
    if (fault) {
      await this.handle.write(data, 0, Math.min(fault.partial, data.length));
      throw fault.error;
    }
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await this.handle.write(data, written, data.length - written);
      written += bytesWritten;
    }
  }

  private async cut(size: number): Promise<void> {
    const fault = this.fault?.('truncate', 0);
    if (fault) throw fault.error;
    await this.handle.truncate(size);
  }

  private async rollOver(): Promise<void> {
    await this.handle.close();
    this.segment += 1;
    this.size = 0;
    this.handle = await fs.open(path.join(this.dir, segmentName(this.segment)), 'a+');
  }
}

async function listSegments(dir: string): Promise<number[]> {
  const names = await fs.readdir(dir);
  return names
    .map((name) => SEGMENT_NAME.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Returns the byte offset after the last whole, parseable record. */
function scanSegment(
  bytes: Buffer,
  segment: number,
  onRecord: (record: object, position: LogPosition) => void,
  onCorrupt: (message: string) => void,
): number {
  let offset = 0;
  while (offset < bytes.length) {
    const end = bytes.indexOf(NEWLINE, offset);
    if (end === -1) return offset;
    const record = parseObject(bytes.toString('utf8', offset, end));
    if (record === undefined) {
      if (bytes.indexOf(NEWLINE, end + 1) === -1) return offset;
      onCorrupt(`Skipped an unreadable record at byte ${offset}.`);
    } else {
      onRecord(record, { segment, offset, length: end - offset });
    }
    offset = end + 1;
  }
  return offset;
}

function parseObject(line: string): object | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
