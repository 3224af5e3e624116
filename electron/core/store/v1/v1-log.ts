import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Exchange, TimingRecord } from '../../../../shared/model/exchange';
import { checkExchange } from '../../../../shared/contract/exchange-schema';
import { isLogRecord, type LogRecord } from './v1-records';

/**
 * Reading the capture log of history format 1 (release 0.1.0): newline-delimited JSON records
 * in `exchanges/NNNNNNNN.ndjson`, replayed in order to get the history's state. Only migration
 * reads it; nothing writes it any more.
 */
const SEGMENT_NAME = /^(\d{8})\.ndjson$/;
const NEWLINE = 0x0a;
/** Segments are read in pieces this big. */
const READ_CHUNK = 4 * 1024 * 1024;

export const v1Paths = (dataDir: string) => ({
  dir: path.join(dataDir, 'exchanges'),
  meta: path.join(dataDir, 'store-meta.json'),
});

const segmentFile = (dir: string, n: number) => path.join(dir, `${String(n).padStart(8, '0')}.ndjson`);

interface LinePosition {
  segment: number;
  offset: number;
  length: number;
}

/** One exchange of a format-1 log as its last records left it. */
export interface V1Entry {
  id: string;
  seq: number;
  position: LinePosition;
  pinned: boolean;
  timing?: TimingRecord;
}

export async function listV1Segments(dir: string): Promise<number[]> {
  const names = await fs.readdir(dir).catch(() => []);
  return names
    .map((name) => SEGMENT_NAME.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Every readable record in order, with where it is; an unreadable line is skipped. */
export async function scanV1(
  dir: string,
  segments: number[],
  onRecord: (record: LogRecord, position: LinePosition) => void,
): Promise<void> {
  for (const segment of segments) {
    const handle = await fs.open(segmentFile(dir, segment), 'r');
    try {
      const chunk = Buffer.allocUnsafe(READ_CHUNK);
      let carry = Buffer.alloc(0);
      let carryStart = 0;
      for (;;) {
        const { bytesRead } = await handle.read(chunk, 0, READ_CHUNK, carryStart + carry.length);
        if (bytesRead === 0) break;
        const data = Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
        let start = 0;
        for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
          const record = parseRecord(data.toString('utf8', start, end));
          if (record) onRecord(record, { segment, offset: carryStart + start, length: end - start });
          start = end + 1;
        }
        carry = Buffer.from(data.subarray(start));
        carryStart += start;
      }
    } finally {
      await handle.close();
    }
  }
}

/**
 * Replay the log: the exchanges still stored (not deleted, not evicted unless pinned), each at
 * its newest copy with its final timing, in seq order; and the highest seq it ever gave.
 */
export async function planV1(dir: string): Promise<{ entries: V1Entry[]; lastSeq: number }> {
  const byId = new Map<string, V1Entry>();
  let evictedThrough = 0;
  let lastSeq = 0;
  await scanV1(dir, await listV1Segments(dir), (record, position) => {
    switch (record.r) {
      case 'exchange': {
        const { id, seq } = record.exchange;
        const earlier = byId.get(id);
        const pinned = record.pinned === true || (earlier?.pinned ?? false);
        byId.set(id, { id, seq, position, pinned, ...(earlier?.timing ? { timing: earlier.timing } : {}) });
        lastSeq = Math.max(lastSeq, seq);
        return;
      }
      case 'timing': {
        const entry = byId.get(record.id);
        if (entry) entry.timing = record.timing;
        return;
      }
      case 'pin':
        for (const id of record.ids) {
          const entry = byId.get(id);
          if (entry) entry.pinned = record.pinned;
        }
        return;
      case 'delete':
        for (const id of record.ids) byId.delete(id);
        return;
      case 'evict':
        evictedThrough = Math.max(evictedThrough, record.through);
        lastSeq = Math.max(lastSeq, record.through);
    }
  });
  const entries = [...byId.values()]
    .filter((entry) => entry.pinned || entry.seq > evictedThrough)
    .sort((a, b) => a.seq - b.seq);
  return { entries, lastSeq };
}

/** Reads exchanges of a format-1 log by where they are, keeping its segments open meanwhile. */
export class V1Reader {
  private readonly handles = new Map<number, Promise<fs.FileHandle>>();

  constructor(private readonly dir: string) {}

  /**
   * The exchange of an entry as it is to be kept: its record, with its final timing; or why it
   * cannot be (0.1.0 imported lines without checking them, so a record can be anything).
   */
  async read(entry: V1Entry): Promise<{ exchange: Exchange } | { error: string }> {
    const { segment, offset, length } = entry.position;
    let handle = this.handles.get(segment);
    if (!handle) {
      handle = fs.open(segmentFile(this.dir, segment), 'r');
      this.handles.set(segment, handle);
    }
    const line = Buffer.alloc(length);
    await (await handle).read(line, 0, length, offset);
    const record = parseRecord(line.toString('utf8'));
    if (record?.r !== 'exchange') return { error: 'its record is gone' };
    const checked = checkExchange(
      entry.timing ? { ...record.exchange, timing: entry.timing } : record.exchange,
    );
    return 'error' in checked ? checked : { exchange: checked.value };
  }

  async close(): Promise<void> {
    for (const handle of this.handles.values()) await (await handle).close();
    this.handles.clear();
  }
}

/**
 * The highest seq the log gave, read from its end: the newest segment with an exchange or an
 * eviction in it (new exchanges are only ever appended to the newest segment; a clear records
 * the last seq as an eviction), and the floor an older clear left in store-meta.json.
 */
export async function lastV1Seq(dataDir: string): Promise<number> {
  const paths = v1Paths(dataDir);
  const segments = await listV1Segments(paths.dir);
  let last = await readV1SeqFloor(paths.meta);
  for (let i = segments.length - 1; i >= 0; i -= 1) {
    let found = false;
    await scanV1(paths.dir, [segments[i] as number], (record) => {
      if (record.r === 'exchange') last = Math.max(last, record.exchange.seq);
      else if (record.r === 'evict') last = Math.max(last, record.through);
      else return;
      found = true;
    });
    if (found) break;
  }
  return last;
}

/** Before evictions were logged, a clear kept the last seq in store-meta.json. */
export async function readV1SeqFloor(metaFile: string): Promise<number> {
  try {
    const meta = JSON.parse(await fs.readFile(metaFile, 'utf8')) as { seqFloor?: unknown };
    return typeof meta.seqFloor === 'number' && Number.isInteger(meta.seqFloor) ? meta.seqFloor : 0;
  } catch {
    return 0;
  }
}

function parseRecord(line: string): LogRecord | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && isLogRecord(value) ? value : null;
  } catch {
    return null;
  }
}
