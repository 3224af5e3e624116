import type { Db } from './index-db';

/**
 * What a saved event hook filter lets through, as seqs, for `filter:<name>` queries. The engine
 * evaluates the filters (electron/core/filters) and hands the seqs here, so the list, counts and
 * timeline stay one SQL query. A temporary table of this connection: nothing is written to the
 * index file (it works on a read-only index too), and the engine fills it again at each start.
 */
export interface FilterSeqSink {
  /** Add seqs to a filter's set, or replace the set with them. */
  put(name: string, seqs: number[], replace: boolean): Promise<void>;
  drop(name: string): Promise<void>;
}

type Row = [string, number];

export class FilterSeqs {
  constructor(private readonly db: () => Db) {
    this.create();
  }

  /** The index thread answers one request at a time: no query sees the set half replaced. */
  put(name: string, seqs: number[], replace: boolean): void {
    if (replace) this.drop(name);
    this.db()
      .prepare('INSERT OR IGNORE INTO temp.filter_seqs (name, seq) SELECT ?, value FROM json_each(?)')
      .run([name, JSON.stringify(seqs)]);
  }

  drop(name: string): void {
    this.db().prepare('DELETE FROM temp.filter_seqs WHERE name = ?').run([name]);
  }

  /** Every row, to carry them over to a new connection (an index reopened writable). */
  rows(): Row[] {
    return this.db().prepare('SELECT name, seq FROM temp.filter_seqs').raw().all() as Row[];
  }

  /** On a new connection: the table again, with the rows the old one had. */
  restore(rows: Row[]): void {
    this.create();
    this.db()
      .prepare(
        `INSERT OR IGNORE INTO temp.filter_seqs (name, seq)
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)`,
      )
      .run([JSON.stringify(rows)]);
  }

  private create(): void {
    this.db().exec(
      'CREATE TEMP TABLE IF NOT EXISTS filter_seqs (name TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (name, seq)) WITHOUT ROWID',
    );
  }
}
