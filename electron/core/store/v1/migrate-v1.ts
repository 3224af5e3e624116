import { promises as fs } from 'node:fs';
import type { Exchange } from '../../../../shared/model/exchange';
import { summarize } from '../../../../shared/model/summarize';
import { deliveryKeys } from '../index/event-keys';
import type { IndexTag } from '../index/index-writer';
import { encodeRecord } from '../records/record-frame';
import { lastV1Seq, listV1Segments, planV1, V1Reader, v1Paths } from './v1-log';

/** What migration writes to: the history of format 2, open and receiving. */
export interface MigrationTarget {
  /** Which of these ids the new history already holds (an earlier, interrupted migration). */
  known(ids: string[]): Promise<Set<string>>;
  /** Store an exchange with its seq, pin and final timing as they were. */
  store(exchange: Exchange, pinned: boolean): Promise<void>;
  /** An exchange left out, and why. */
  skipped(id: string, reason: string): void;
  progress(done: number, total: number): void;
}

/** Checked between exchanges: the engine is stopping. */
export interface MigrationControl {
  stopped(): boolean;
}

/** Exchanges looked up at once when resuming. */
const CHUNK = 500;

/** The format-1 history of a data folder, if it has one: its highest seq, so new ones follow it. */
export async function findV1History(dataDir: string): Promise<{ lastSeq: number } | null> {
  const segments = await listV1Segments(v1Paths(dataDir).dir);
  return segments.length === 0 ? null : { lastSeq: await lastV1Seq(dataDir) };
}

/**
 * The record and index row of an exchange of a format-1 history: its seq, pin, final timing and
 * judgement as they were, not announced to the UIs one by one.
 */
export function movedRecord(exchange: Exchange, pinned: boolean): { record: Buffer[]; tag: IndexTag } {
  const { sightings, ...rest } = exchange;
  return {
    record: encodeRecord(rest),
    tag: {
      kind: 'new',
      summary: summarize(exchange, pinned),
      keys: deliveryKeys(exchange),
      sightings,
      timing: exchange.timing,
      quiet: true,
    },
  };
}

/**
 * Copy every exchange the format-1 log still holds into the new history, with its seq, pin and
 * final timing, oldest first, then remove the old log. It runs beside live traffic (which gets
 * seqs above the old ones) and resumes where it stopped: exchanges already copied are skipped.
 * Returns how many were copied, or null if it was stopped first.
 */
export async function migrateV1(
  dataDir: string,
  target: MigrationTarget,
  control: MigrationControl,
): Promise<number | null> {
  const paths = v1Paths(dataDir);
  const { entries } = await planV1(paths.dir);
  const reader = new V1Reader(paths.dir);
  let copied = 0;
  try {
    for (let start = 0; start < entries.length; start += CHUNK) {
      if (control.stopped()) return null;
      const chunk = entries.slice(start, start + CHUNK);
      const known = await target.known(chunk.map((entry) => entry.id));
      // Stored together, so the log writes them in a few group commits.
      await Promise.all(
        chunk.map(async (entry) => {
          if (known.has(entry.id)) return;
          const read = await reader.read(entry);
          if ('error' in read) return target.skipped(entry.id, read.error);
          await target.store(read.exchange, entry.pinned);
          copied += 1;
        }),
      );
      target.progress(Math.min(start + CHUNK, entries.length), entries.length);
    }
  } finally {
    await reader.close();
  }
  await fs.rm(paths.dir, { recursive: true, force: true });
  await fs.rm(paths.meta, { force: true });
  return copied;
}
