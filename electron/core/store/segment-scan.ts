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
    const bytes = await fs.readFile(file);
    const notice = (message: string) => onNotice({ segment: segmentName(segment), message });
    const validEnd = scanSegment(bytes, segment, onRecord, notice);
    end = { segment, validEnd };
    if (validEnd === bytes.length) continue;
    const dropped = `${bytes.length - validEnd} bytes of an incomplete record at the end (interrupted write)`;
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
