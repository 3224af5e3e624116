import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FILTER_NAME, filterKey, type FilterEntry } from '../../../shared/model/hook-filter';
import { asRecord, asText } from '../../../shared/okta/json-access';
import type { Logger } from '../deps';
import { SerialQueue, writeAtomically } from '../settings/atomic-file';

/** A filter saved here: a name and one expression per event type, like a hook's filter map. */
export interface SavedFilter {
  name: string;
  entries: FilterEntry[];
  updatedAt: number;
}

const FILE = 'hook-filters.json';

function readEntry(value: unknown): FilterEntry[] {
  const entry = asRecord(value);
  const eventType = asText(entry?.eventType);
  const expression = asText(entry?.expression);
  return eventType === undefined || expression === undefined ? [] : [{ eventType, expression }];
}

/** A file edited by hand or damaged: what can be read is kept, the rest left out. */
function readFilters(value: unknown): SavedFilter[] {
  const list = asRecord(value)?.filters;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const filter = asRecord(item);
    const name = asText(filter?.name);
    const entries = Array.isArray(filter?.entries) ? filter.entries.flatMap(readEntry) : [];
    if (name === undefined || !FILTER_NAME.test(name) || entries.length === 0) return [];
    const updatedAt = typeof filter?.updatedAt === 'number' ? filter.updatedAt : 0;
    return [{ name, entries, updatedAt }];
  });
}

/** The saved filters, in `hook-filters.json` of the data folder. */
export class FilterBook {
  private readonly queue = new SerialQueue();

  private constructor(
    private readonly file: string,
    private filters: SavedFilter[],
  ) {}

  static async open(dataDir: string, logger: Logger): Promise<FilterBook> {
    const file = path.join(dataDir, FILE);
    let filters: SavedFilter[] = [];
    try {
      filters = readFilters(JSON.parse(await fs.readFile(file, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn(`${FILE} unreadable`, { file });
    }
    return new FilterBook(file, filters);
  }

  list(): SavedFilter[] {
    return this.filters;
  }

  /** Save `filter`, replacing the one of the same name (or `replaces`, when renamed). */
  save(filter: SavedFilter, replaces?: string): Promise<void> {
    const gone = new Set([filterKey(filter.name), ...(replaces === undefined ? [] : [filterKey(replaces)])]);
    return this.write([...this.filters.filter((f) => !gone.has(filterKey(f.name))), filter]);
  }

  remove(name: string): Promise<void> {
    return this.write(this.filters.filter((f) => filterKey(f.name) !== filterKey(name)));
  }

  private write(next: SavedFilter[]): Promise<void> {
    return this.queue.run(async () => {
      await writeAtomically(this.file, JSON.stringify({ version: 1, filters: next }, null, 2));
      this.filters = next;
    });
  }
}
