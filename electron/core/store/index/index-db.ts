import Database from 'libsql';
import { addTimelineCounts } from './timeline-counts';

export type Db = InstanceType<typeof Database>;
export type Statement = Database.Statement;

const statements = new WeakMap<Db, Map<string, Statement>>();

/**
 * `sql` prepared once per connection. Statements run once per transaction (its bookkeeping)
 * cost more to prepare than to run, and the index commits hundreds of times a second.
 */
export function prepared(db: Db, sql: string): Statement {
  let mine = statements.get(db);
  if (!mine) statements.set(db, (mine = new Map<string, Statement>()));
  let statement = mine.get(sql);
  if (!statement) mine.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/** Bumped when the tables below change; an index of another version is rebuilt from the records. */
export const INDEX_VERSION = 2;

/**
 * The history index (docs/storage.md): one row per stored exchange with what the list shows and
 * filters on, where its record is, the keys of the Okta events it carried, and a full-text index
 * of its headers and bodies. Derived from the records: it can always be rebuilt from them.
 *
 * - `exchanges`: the columns filters use, small so a scan of a million rows stays in cache.
 *   `flags`: FLAG bits. `type_set`: the event types of a delivery (`type_sets`), 0 for none.
 *   Kept in the list's order, by time received then seq (an exchange imported from last week
 *   sorts below today's), as a table without rowid keyed on that pair: a page at any position
 *   and a filter's scan walk the table in list order with no sort and no lookup per row
 *   (docs/storage.md, "The list's order"). `exchanges_seq` finds a row by seq; `exchanges_type`
 *   answers a `type:` filter's count, page and timeline from the index alone.
 * - `summaries`: the rest of the list row (JSON), the final timing once known, what was judged
 *   of a delivery (redelivery, repeated events, order), and the id.
 * - `event_keys` / `delivery_keys`: event uuids and delivery eventIds, for redeliveries, repeated
 *   events and the Okta org's correlation; kept until the record's segment is dropped, so a
 *   redelivery of a deleted exchange is still recognised; `gone` keeps the ids of those.
 * - `search`: FTS5, words of headers, request line and body values; rowid = seq. Filled a
 *   little after each row (search-indexer.ts), from the record, so storing stays quick.
 * - `timeline_counts`: rows per second, minute and hour received, by how each ended, kept by
 *   triggers on `exchanges` (timeline-counts.ts); added to an index written without them when it
 *   is opened, from its rows, so they are not a table version of their own.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS exchanges (
  seq INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  origin INTEGER NOT NULL,
  auth INTEGER NOT NULL,
  status INTEGER NOT NULL,
  duration_ms REAL NOT NULL,
  outcome INTEGER NOT NULL,
  result INTEGER NOT NULL,
  flags INTEGER NOT NULL,
  type_set INTEGER NOT NULL,
  hook TEXT,
  segment INTEGER NOT NULL,
  offset INTEGER NOT NULL,
  length INTEGER NOT NULL,
  PRIMARY KEY (received_at, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS exchanges_seq ON exchanges (seq);
CREATE INDEX IF NOT EXISTS exchanges_time ON exchanges (received_at, result, duration_ms);
CREATE INDEX IF NOT EXISTS exchanges_type ON exchanges (type_set, received_at, seq, result, duration_ms);
CREATE INDEX IF NOT EXISTS exchanges_segment ON exchanges (segment, flags, length);
CREATE INDEX IF NOT EXISTS exchanges_unsearched ON exchanges (seq) WHERE (flags & 32) = 0;
CREATE TABLE IF NOT EXISTS summaries (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL,
  timing TEXT,
  sightings TEXT
);
CREATE TABLE IF NOT EXISTS type_sets (id INTEGER PRIMARY KEY, types TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS event_keys (
  uuid TEXT NOT NULL,
  seq INTEGER NOT NULL,
  tracked INTEGER NOT NULL,
  PRIMARY KEY (uuid, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_keys_seq ON event_keys (seq);
CREATE TABLE IF NOT EXISTS delivery_keys (
  event_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (event_id, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS delivery_keys_seq ON delivery_keys (seq);
CREATE TABLE IF NOT EXISTS gone (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, segment INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS gone_segment ON gone (segment);
CREATE TABLE IF NOT EXISTS hook_latest (hook TEXT PRIMARY KEY, published INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
  text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
`;

/** Bits of `exchanges.flags`. */
export const FLAG = {
  repeat: 1,
  dup: 2,
  outOfOrder: 4,
  pinned: 8,
  problems: 16,
  /** Its words are in the full-text index (they are added just after it is stored). */
  searched: 32,
} as const;

/**
 * Keys of the `meta` table. `rebuildSegment`/`rebuildOffset`: a rebuild from the records is
 * under way up to that point of the log (index-rebuild.ts); what follows it was stored meanwhile.
 */
export type MetaKey =
  'lastSeq' | 'evictedThrough' | 'logSegment' | 'logOffset' | 'rebuildSegment' | 'rebuildOffset';

/** Meta keys set from outside the writer's own bookkeeping; null removes one. */
export type SettableMetaKey = 'evictedThrough' | 'rebuildSegment' | 'rebuildOffset';

/**
 * Open (or create) the index database. WAL with synchronous=NORMAL: a commit is in the
 * operating system's hands when it returns, which survives the process being killed, the
 * crash the capture log promises to survive too.
 */
export function openIndexDb(file: string): Db {
  const db = new Database(file, { timeout: 5 });
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    // 16 MB of pages: the hot part of a million rows' filter columns; the rest is the OS's cache.
    db.exec('PRAGMA cache_size = -16000');
    db.exec('PRAGMA temp_store = MEMORY');
    // A row replaced (INSERT OR REPLACE) leaves the timeline's counts through their delete trigger.
    db.exec('PRAGMA recursive_triggers = ON');
    const [version] = db.prepare('PRAGMA user_version').raw().get() as [number];
    if (version !== INDEX_VERSION && version !== 0) throw new IndexVersionError(version);
    if (version === 0) {
      db.exec(SCHEMA);
      db.exec(`PRAGMA user_version = ${INDEX_VERSION}`);
    }
    // An index that has its counts already is opened without writing to it: that works on a full disk too.
    addWhereRoom(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Add the timeline's counts unless the disk has no room for them: they take about as much again
 * as the index while they are filled, where its own writes need a few pages, so an index is not
 * left unwritable (no pin, deletion or retention) for want of them. Its timeline is counted from
 * the rows until a later start has the room.
 */
function addWhereRoom(db: Db): void {
  try {
    addTimelineCounts(db);
  } catch (error) {
    if (!String((error as { code?: unknown }).code).startsWith('SQLITE_FULL')) throw error;
  }
}

/** The index was written by another version of its tables: rebuild it from the records. */
export class IndexVersionError extends Error {
  constructor(readonly version: number) {
    super(`The history index has table version ${version}; this build uses ${INDEX_VERSION}.`);
  }
}

export function readMeta(db: Db): Partial<Record<MetaKey, number>> {
  const rows = db.prepare('SELECT key, value FROM meta').raw().all() as [MetaKey, number][];
  return Object.fromEntries(rows);
}

export const writeMeta = (db: Db, key: MetaKey, value: number): void => {
  prepared(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?').run([
    key,
    value,
    value,
  ]);
};
