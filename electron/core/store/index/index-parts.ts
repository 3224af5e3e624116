import { EventKeys } from './event-keys';
import { HistoryQueries } from './history-queries';
import type { Db } from './index-db';
import { IndexWriter } from './index-writer';
import { RetentionQueries } from './retention-queries';
import { TimelineCounts } from './timeline-counts';
import { TypeSets } from './type-sets';

/**
 * What answers the index's requests over one database connection: its writes, its queries and
 * the bookkeeping they share. Made again when an index opened read-only is reopened writable.
 */
export interface IndexParts {
  keys: EventKeys;
  writer: IndexWriter;
  queries: HistoryQueries;
  retention: RetentionQueries;
}

export function assembleParts(db: Db): IndexParts {
  const keys = new EventKeys(db);
  const typeSets = new TypeSets(db);
  const timelineCounts = new TimelineCounts(db);
  return {
    keys,
    writer: new IndexWriter(db, keys, typeSets, timelineCounts),
    queries: new HistoryQueries(db, typeSets, timelineCounts),
    retention: new RetentionQueries(db),
  };
}
