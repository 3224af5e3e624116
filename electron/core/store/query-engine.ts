import { compileQuery, type CompiledQuery } from '../../../shared/query/query-matcher';
import { parseQuery } from '../../../shared/query/query-parser';
import type { StoreIndex, Entry, IndexStamps } from './store-index';
import type { SearchCorpus, Searchable } from './search-corpus';

/** Results of this many recent queries are kept, so paging and live matching stay cheap. */
const CACHED_QUERIES = 4;
/** A query with a relative time (`after:15m`) is re-resolved after this long. */
const RELATIVE_TTL_MS = 1000;

interface Compiled {
  query: string;
  compiled: CompiledQuery;
  texts: { contains: (searchable: Searchable) => boolean; negated: boolean }[];
  relative: boolean;
  compiledAt: number;
}

interface Cached extends Compiled {
  /** Matching entries, in seq order. */
  matches: Entry[];
  /** Entries up to this seq have been looked at. */
  throughSeq: number;
  stamps: IndexStamps;
}

/**
 * Runs the search syntax over the index: structured filters on the summaries, free text in the
 * corpus. The newest few results are cached and kept current as exchanges arrive (only the new
 * ones are looked at), are removed, or change in a way the query cares about.
 */
export class QueryEngine {
  private cache: Cached[] = [];

  constructor(
    private readonly index: StoreIndex,
    private readonly corpus: SearchCorpus,
    private readonly now: () => number,
  ) {}

  /** Entries matching `query`, oldest first. The caller must not modify the array. */
  run(query: string): Entry[] {
    if (query.trim() === '') return this.index.entries;
    const cached = this.current(query);
    const { entries } = this.index;
    for (let i = this.index.firstIndexAtOrAbove(cached.throughSeq + 1); i < entries.length; i += 1) {
      const entry = entries[i] as Entry;
      if (this.test(cached, entry)) cached.matches.push(entry);
    }
    cached.throughSeq = entries.at(-1)?.summary.seq ?? cached.throughSeq;
    return cached.matches;
  }

  /** A predicate for `query`, for checking single exchanges (live updates). */
  matcher(query: string): (entry: Entry) => boolean {
    if (query.trim() === '') return () => true;
    const compiled = this.compile(query);
    return (entry) => this.test(compiled, entry);
  }

  private test(compiled: Compiled, entry: Entry): boolean {
    if (!compiled.compiled.matchesSummary(entry.summary)) return false;
    return compiled.texts.every(({ contains, negated }) => contains(entry.search) !== negated);
  }

  private current(query: string): Cached {
    const found = this.cache.find((c) => c.query === query);
    if (found && this.stillValid(found)) {
      if (found.stamps.removals !== this.index.stamps.removals) {
        found.matches = found.matches.filter((entry) => this.index.byId.get(entry.summary.id) === entry);
        found.stamps = { ...found.stamps, removals: this.index.stamps.removals };
      }
      return found;
    }
    const fresh: Cached = {
      ...this.compile(query),
      matches: [],
      throughSeq: 0,
      stamps: { ...this.index.stamps },
    };
    this.cache = [fresh, ...this.cache.filter((c) => c.query !== query)].slice(0, CACHED_QUERIES);
    return fresh;
  }

  /** Whether in-place changes since caching (final timings, pins) cannot have changed matches. */
  private stillValid(cached: Cached): boolean {
    const { stamps } = this.index;
    const { dependsOn } = cached.compiled;
    if (cached.relative && this.now() - cached.compiledAt > RELATIVE_TTL_MS) return false;
    if (dependsOn.timing && stamps.timings !== cached.stamps.timings) return false;
    return !(dependsOn.pins && stamps.pins !== cached.stamps.pins);
  }

  private compile(query: string): Compiled {
    const parsed = parseQuery(query);
    const now = this.now();
    const compiled = compileQuery(parsed, now);
    return {
      query,
      compiled,
      texts: compiled.texts.map(({ text, negated }) => ({ contains: this.corpus.matcher(text), negated })),
      relative: parsed.terms.some(
        (term) => (term.key === 'after' || term.key === 'before') && term.time.kind !== 'absolute',
      ),
      compiledAt: now,
    };
  }
}
