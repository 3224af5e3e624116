import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FRAME_HEADER, FRAME_MAGIC, frameLengths } from './record-frame';

/** Where one record lives on disk. */
export interface LogPosition {
  segment: number;
  offset: number;
  length: number;
}

/** A place in the log: a segment and a byte offset in it. */
export interface LogPoint {
  segment: number;
  offset: number;
}

/** Whether `a` is further along the log than `b`. */
export const isAfter = (a: LogPoint, b: LogPoint) =>
  a.segment > b.segment || (a.segment === b.segment && a.offset > b.offset);

export const samePoint = (a: LogPoint, b: LogPoint) => a.segment === b.segment && a.offset === b.offset;

export interface LogNotice {
  segment: string;
  message: string;
}

const SEGMENT_NAME = /^(\d{8})\.rec$/;

export const segmentName = (n: number) => `${String(n).padStart(8, '0')}.rec`;

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

/** Records are read in pieces this big, so a scan never holds a whole segment. */
const READ_CHUNK = 4 * 1024 * 1024;

/** Called for each record in order; the scan waits for what it returns. */
export type OnRecord = (frame: Buffer, position: LogPosition) => void | Promise<void>;

/**
 * Read every whole record from `from` to the end of the log, in order. Bytes that are not a
 * record (a torn write at the end, or damage in the middle) are skipped and reported; the
 * returned point is where the last whole record ends, where writing resumes. `until`: stop
 * there (a log being written to meanwhile: what follows is not this scan's).
 */
export async function scanRecords(
  dir: string,
  from: LogPoint,
  onRecord: OnRecord,
  onNotice: (notice: LogNotice) => void,
  until?: LogPoint,
): Promise<LogPoint> {
  let end = from;
  for (const segment of await listSegments(dir)) {
    if (segment < from.segment) continue;
    if (until !== undefined && segment > until.segment) break;
    const start = segment === from.segment ? from.offset : 0;
    const notice = (message: string) => onNotice({ segment: segmentName(segment), message });
    const file = path.join(dir, segmentName(segment));
    const limit = until?.segment === segment ? until.offset : Infinity;
    const validEnd = await scanFile(file, segment, start, limit, onRecord, notice);
    const size = Math.min(limit, (await fs.stat(file)).size);
    if (validEnd < size)
      notice(
        `${size - validEnd} bytes of an incomplete record at the end (an interrupted write) are cut before the next write.`,
      );
    end = { segment, offset: validEnd };
  }
  return end;
}

async function scanFile(
  file: string,
  segment: number,
  from: number,
  limit: number,
  onRecord: OnRecord,
  notice: (message: string) => void,
): Promise<number> {
  const handle = await fs.open(file, 'r');
  try {
    const size = Math.min(limit, (await handle.stat()).size);
    let offset = from;
    let validEnd = from;
    while (offset < size) {
      const frame = await readFrame(handle, offset, size);
      if (frame === null) {
        const next = await nextFrameStart(handle, offset + 1, size);
        if (next === null) break;
        notice(`Skipped ${next - offset} unreadable bytes at byte ${offset}.`);
        offset = next;
        continue;
      }
      await onRecord(frame, { segment, offset, length: frame.length });
      offset += frame.length;
      validEnd = offset;
    }
    return validEnd;
  } finally {
    await handle.close();
  }
}

/** The whole record at `offset`, or null when none starts there or it runs past the end. */
async function readFrame(handle: fs.FileHandle, offset: number, size: number): Promise<Buffer | null> {
  const header = Buffer.alloc(FRAME_HEADER);
  const { bytesRead } = await handle.read(header, 0, FRAME_HEADER, offset);
  const lengths = bytesRead === FRAME_HEADER ? frameLengths(header, 0) : null;
  if (lengths === null) return null;
  const length = FRAME_HEADER + lengths.json + lengths.bodies;
  if (offset + length > size) return null;
  const frame = Buffer.alloc(length);
  await handle.read(frame, 0, length, offset);
  return isReadable(frame, lengths.json) ? frame : null;
}

/** A record's JSON must parse: a header in the middle of a body could look like one. */
function isReadable(frame: Buffer, jsonLength: number): boolean {
  try {
    const value: unknown = JSON.parse(frame.toString('utf8', FRAME_HEADER, FRAME_HEADER + jsonLength));
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

/** Where the next readable record starts after damage, or null if none does. */
async function nextFrameStart(handle: fs.FileHandle, from: number, size: number): Promise<number | null> {
  const magic = Buffer.alloc(4);
  magic.writeUInt32LE(FRAME_MAGIC, 0);
  const chunk = Buffer.alloc(READ_CHUNK);
  for (let offset = from; offset < size; offset += READ_CHUNK - 3) {
    const { bytesRead } = await handle.read(chunk, 0, READ_CHUNK, offset);
    for (let at = chunk.subarray(0, bytesRead).indexOf(magic); at !== -1;) {
      if ((await readFrame(handle, offset + at, size)) !== null) return offset + at;
      at = chunk.subarray(0, bytesRead).indexOf(magic, at + 1);
    }
  }
  return null;
}
