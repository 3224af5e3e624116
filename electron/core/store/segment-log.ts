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
export const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;
const SEGMENT_NAME = /^(\d{8})\.ndjson$/;
const NEWLINE = 0x0a;
/** Read handles kept open for older segments (exports read many records from each). */
const READ_HANDLES = 8;

const segmentName = (n: number) => `${String(n).padStart(8, '0')}.ndjson`;

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
  private rollRequests: (() => void)[] = [];
  private writing = false;
  private readonly readers = new Map<number, Promise<fs.FileHandle>>();

  private constructor(
    private readonly dir: string,
    private handle: fs.FileHandle,
    private segment: number,
    private size: number,
    /** Size of every segment but the active one. */
    private readonly sealed: Map<number, number>,
    private rollOverBytes: number,
  ) {}

  /** Open (creating) the log; the caller reads existing records with `scan` first. */
  static async open(dir: string, rollOverBytes = DEFAULT_SEGMENT_BYTES): Promise<SegmentLog> {
    await fs.mkdir(dir, { recursive: true });
    const segments = await listSegments(dir);
    const last = segments.at(-1) ?? 1;
    const sealed = new Map<number, number>();
    for (const segment of segments.slice(0, -1)) {
      sealed.set(segment, (await fs.stat(path.join(dir, segmentName(segment)))).size);
    }
    const handle = await fs.open(path.join(dir, segmentName(last)), 'a+');
    const { size } = await handle.stat();
    return new SegmentLog(dir, handle, last, size, sealed, rollOverBytes);
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
      const notice = (message: string) => onNotice({ segment: segmentName(segment), message });
      const { goodEnd, size } = await scanFile(file, segment, onRecord, notice);
      if (goodEnd < size) {
        await fs.truncate(file, goodEnd);
        notice(`Dropped ${size - goodEnd} bytes of an incomplete record at the end (interrupted write).`);
      }
    }
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
    const handle = position.segment === this.segment ? this.handle : await this.reader(position.segment);
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
      const reader = this.readers.get(segment);
      this.readers.delete(segment);
      if (reader) await (await reader).close().catch(() => undefined);
      await fs.rm(path.join(this.dir, segmentName(segment)), { force: true });
      this.sealed.delete(segment);
    }
  }

  /** Segments roll over once they reach this size (retention keeps it well below its limit). */
  setRollOverBytes(bytes: number): void {
    this.rollOverBytes = bytes;
  }

  async close(): Promise<void> {
    await this.whenIdle();
    for (const reader of this.readers.values()) await (await reader).close().catch(() => undefined);
    this.readers.clear();
    await this.handle.close();
  }

  private reader(segment: number): Promise<fs.FileHandle> {
    const known = this.readers.get(segment);
    if (known) return known;
    if (this.readers.size >= READ_HANDLES) {
      const [oldest, handle] = this.readers.entries().next().value as [number, Promise<fs.FileHandle>];
      this.readers.delete(oldest);
      void handle.then((h) => h.close()).catch(() => undefined);
    }
    const opened = fs.open(path.join(this.dir, segmentName(segment)), 'r');
    this.readers.set(segment, opened);
    opened.catch(() => this.readers.delete(segment));
    return opened;
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
      let written = 0;
      while (written < data.length) {
        const { bytesWritten } = await this.handle.write(data, written, data.length - written);
        written += bytesWritten;
      }
    } catch (error) {
      // A partial write (disk full) would leave a torn line that later appends glue onto;
      // cut the file back so the log stays a sequence of whole records.
      await this.handle.truncate(start).catch(() => undefined);
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

  private async roll(): Promise<void> {
    await this.handle.close();
    this.sealed.set(this.segment, this.size);
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

/** Segments are read in pieces this big, so opening a large store does not hold whole files. */
const READ_CHUNK = 4 * 1024 * 1024;

/**
 * Read a segment's records in order. Returns the offset after the last whole, parseable record
 * (a corrupt record in the middle is skipped with a notice; one at the end is a torn write).
 */
async function scanFile(
  file: string,
  segment: number,
  onRecord: (record: object, position: LogPosition) => void,
  onCorrupt: (message: string) => void,
): Promise<{ goodEnd: number; size: number }> {
  const handle = await fs.open(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(READ_CHUNK);
    let carry = Buffer.alloc(0);
    /** File offset of `carry`'s first byte: the start of the line not yet complete. */
    let carryStart = 0;
    /** An unreadable line, reported as skipped once another line follows it. */
    let unreadable: number | null = null;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, READ_CHUNK, carryStart + carry.length);
      if (bytesRead === 0) break;
      const data =
        carry.length === 0
          ? chunk.subarray(0, bytesRead)
          : Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      let start = 0;
      for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
        if (unreadable !== null) onCorrupt(`Skipped an unreadable record at byte ${unreadable}.`);
        const record = parseObject(data.toString('utf8', start, end));
        unreadable = record === undefined ? carryStart + start : null;
        if (record !== undefined)
          onRecord(record, { segment, offset: carryStart + start, length: end - start });
        start = end + 1;
      }
      carry = Buffer.from(data.subarray(start));
      carryStart += start;
    }
    return { goodEnd: unreadable ?? carryStart, size: carryStart + carry.length };
  } finally {
    await handle.close();
  }
}

function parseObject(line: string): object | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
