import { promises as fs } from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import type { Logger } from '../../deps';
import { makePrivateDir } from '../private-dir';
import {
  INDEX_VERSION,
  IndexVersionError,
  openIndexDb,
  prepared,
  readMeta,
  type Db,
  type MetaKey,
} from './index-db';
import { isUnwritable } from '../records/record-scan';

/** SQLite's words for "this file or folder cannot be written". */
const UNWRITABLE_SQLITE = ['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_FULL', 'SQLITE_IOERR'];

const cannotWrite = (error: unknown) =>
  isUnwritable(error) ||
  UNWRITABLE_SQLITE.some((code) => String((error as { code?: unknown }).code).startsWith(code));

/**
 * The index database, open. On a folder that cannot be written (a read-only disk, a full one
 * at start) it opens read-only, so the history is still shown, and is reopened writable on the
 * first write once that works, as the record log reopens its segment.
 */
export interface IndexConnection {
  readonly db: Db;
  /** Repairs made while opening, one sentence each, for the UI. */
  readonly notices: string[];
  /** Opened read-only: the folder could not be written. */
  readonly readOnly: boolean;
  /**
   * The bookkeeping of an index of another table version this one replaced (it is rebuilt from
   * the records): how far in the log it had got and its last seq. Null when none was replaced.
   */
  readonly replaced: Partial<Record<MetaKey, number>> | null;
  /** Bytes the index takes on disk (its pages in use). */
  bytes(): number;
  /** If open read-only, try to open it writable: true when it now is (a new `db`); throws if it cannot be. */
  reopenWritable(): boolean;
  close(): void;
}

export async function openIndex(file: string, logger: Logger): Promise<IndexConnection> {
  const notices: string[] = [];
  const replaced: { meta: Partial<Record<MetaKey, number>> | null } = { meta: null };
  let db: Db;
  let readOnly = false;
  try {
    await makePrivateDir(path.dirname(file));
    db = await openWritable(file, notices, replaced, logger);
  } catch (error) {
    if (!cannotWrite(error)) throw error;
    logger.warn('history index opened read-only', { error: String(error) });
    db = await openReadOnly(file);
    readOnly = true;
  }
  let pageSize = pragma(db, 'page_size');
  return {
    get db() {
      return db;
    },
    notices,
    replaced: replaced.meta,
    get readOnly() {
      return readOnly;
    },
    bytes: () => (pragma(db, 'page_count') - pragma(db, 'freelist_count')) * pageSize,
    reopenWritable() {
      if (!readOnly) return false;
      const writable = openIndexDb(file);
      db.close();
      db = writable;
      pageSize = pragma(db, 'page_size');
      readOnly = false;
      return true;
    },
    close: () => db.close(),
  };
}

/** Open or create the index; one of another table version is deleted, to be rebuilt from the records. */
async function openWritable(
  file: string,
  notices: string[],
  replaced: { meta: Partial<Record<MetaKey, number>> | null },
  logger: Logger,
): Promise<Db> {
  try {
    return openIndexDb(file);
  } catch (error) {
    const without = 'without the pins, deletions and final timings it held';
    if (error instanceof IndexVersionError) {
      // Expected once after an upgrade that changed the tables: what happens, not a failure.
      const old = replacedIndex(file);
      replaced.meta = old?.meta ?? null;
      logger.info('rebuilding the history index for this version', {
        exchanges: old?.exchanges,
        tableVersion: error.version,
        newTableVersion: INDEX_VERSION,
      });
      notices.push(
        `The history index has table version ${error.version}, from an earlier version of the app; it is rebuilt from the stored records for this one, ${without}.`,
      );
    } else if (isCorrupt(error)) {
      logger.warn('history index damaged: rebuilding it from the stored records', { error: String(error) });
      notices.push(
        `The history index could not be used (${(error as Error).message}); it is rebuilt from the stored records, ${without}.`,
      );
    } else throw error;
    for (const suffix of ['', '-wal', '-shm']) await fs.rm(`${file}${suffix}`, { force: true });
    return openIndexDb(file);
  }
}

/**
 * The bookkeeping of an index about to be replaced and how many exchanges it listed, if they can
 * be read (these tables are the same in every version).
 */
function replacedIndex(
  file: string,
): { meta: Partial<Record<MetaKey, number>>; exchanges: number | undefined } | null {
  try {
    const db = new Database(file, { readonly: true });
    try {
      const meta = readMeta(db);
      const [exchanges] =
        (db.prepare('SELECT count(*) FROM exchanges').raw().get() as [number] | undefined) ?? [];
      return { meta, exchanges };
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

const isCorrupt = (error: unknown) =>
  ['SQLITE_CORRUPT', 'SQLITE_NOTADB'].some((code) =>
    String((error as { code?: unknown }).code).startsWith(code),
  );

/**
 * Read what is there without writing to it: read-only with its write-ahead log where that
 * works (a full disk), else as an unchanging file (a read-only disk, where a clean stop left no
 * log to read). An index that does not exist yet reads as empty.
 * See https://www.sqlite.org/uri.html and https://www.sqlite.org/wal.html#readonly.
 */
async function openReadOnly(file: string): Promise<Db> {
  const exists = await fs.stat(file).then(
    () => true,
    () => false,
  );
  if (!exists) return openIndexDb(':memory:');
  const escaped = file.replace(/[%?#]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  const problems: string[] = [];
  for (const mode of ['mode=ro', 'immutable=1']) {
    try {
      const db = new Database(`file:${escaped}?${mode}`);
      db.prepare('SELECT count(*) FROM exchanges').raw().get();
      return db;
    } catch (error) {
      problems.push(`${mode}: ${(error as Error).message}`);
    }
  }
  throw new Error(`The history index ${file} cannot be read (${problems.join('; ')}).`);
}

const pragma = (db: Db, name: string) => (prepared(db, `PRAGMA ${name}`).raw().get() as [number])[0];
