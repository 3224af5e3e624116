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

/** Where the whole records of the last segment end: writing resumes there. */
export interface ScanEnd {
  segment: number;
  validEnd: number;
}

const SEGMENT_NAME = /^(\d{8})\.ndjson$/;
const NEWLINE = 0x0a;

export const segmentName = (n: number) => `${String(n).padStart(8, '0')}.ndjson`;

/** Errors that mean "this folder cannot be written now", not "something is broken". */
export const isUnwritable = (error: unknown): boolean =>
  ['EROFS', 'EACCES', 'EPERM', 'ENOSPC'].includes((error as NodeJS.ErrnoException).code ?? '');

/** Segment numbers in `dir`, oldest first; none when the folder does not exist (yet). */
export async function listSegments(dir: string): Promise<number[]> {
  const names = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return names
    .map((name) => SEGMENT_NAME.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * Read every complete record in order. A torn or unreadable tail (a crash mid-write) is cut
 * off and reported; records before it are kept. On a folder that cannot be written the tail
 * stays on disk for now: the returned end tells the log to cut it before its first write.
 */
export async function scanSegments(
  dir: string,
  onRecord: (record: object, position: LogPosition) => void,
  onNotice: (notice: LogNotice) => void,
): Promise<ScanEnd | undefined> {
  let end: ScanEnd | undefined;
  for (const segment of await listSegments(dir)) {
    const file = path.join(dir, segmentName(segment));
    const notice = (message: string) => onNotice({ segment: segmentName(segment), message });
    const { validEnd, size } = await scanFile(file, segment, onRecord, notice);
    end = { segment, validEnd };
    if (validEnd === size) continue;
    const dropped = `${size - validEnd} bytes of an incomplete record at the end (interrupted write)`;
    try {
      await fs.truncate(file, validEnd);
      notice(`Dropped ${dropped}.`);
    } catch (error) {
      if (!isUnwritable(error)) throw error;
      notice(`Ignored ${dropped}; they will be cut once the folder can be written.`);
    }
  }
  return end;
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
): Promise<{ validEnd: number; size: number }> {
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
    return { validEnd: unreadable ?? carryStart, size: carryStart + carry.length };
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
