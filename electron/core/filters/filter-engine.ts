import type { ExchangeSummary } from '../../../shared/model/exchange';
import {
  filterKey,
  type FilterEntry,
  type FilterPreview,
  type FiltersState,
} from '../../../shared/model/hook-filter';
import type { OktaHook } from '../../../shared/model/okta';
import type { FilterMap } from '../../../shared/okta/filter/event-filter';
import { buildCatalog, type FieldCatalog } from '../../../shared/okta/filter/field-catalog';
import { parseQuery } from '../../../shared/query/query-parser';
import type { Clock, Logger } from '../deps';
import { CommandError } from '../rpc/command-error';
import type { ExchangeStore } from '../store/exchange-store';
import { throttle } from '../throttle';
import type { Jobs } from '../transfer/jobs';
import { EventSamples } from './event-samples';
import { FilterBook } from './filter-book';
import { previewOf } from './filter-preview';
import { FilterRunner } from './filter-runner';
import { LiveChecks } from './live-checks';
import { register, viewOf, type Registered } from './registered';

export interface FilterEngineDeps {
  dataDir: string;
  store: Pick<ExchangeStore, 'select' | 'read' | 'list' | 'filterSeqs'>;
  jobs: Jobs;
  clock: Clock;
  logger: Logger;
  onChange(state: FiltersState): void;
}

export interface SaveRequest {
  name: string;
  entries: FilterEntry[];
  /** The name it had, when it is renamed. */
  replaces?: string | undefined;
}

/** How often progress reaches the UIs while a filter is evaluated. */
const CHANGED_EVERY_MS = 200;

/**
 * Event hook filters over the history: saved filters and the filters of the org's hooks,
 * each evaluated once over the stored deliveries (a job) and then on each delivery as it is
 * stored; what each lets through is kept by the index for `filter:<name>`. Expressions being
 * written are tried against a sample of the newest events of their type.
 */
export class FilterEngine {
  private readonly filters = new Map<string, Registered>();
  private readonly runner: FilterRunner;
  private readonly live: LiveChecks;
  private readonly samples: EventSamples;
  private readonly changed: ReturnType<typeof throttle>;

  private constructor(
    private readonly deps: FilterEngineDeps,
    private readonly book: FilterBook,
  ) {
    const sink = deps.store.filterSeqs();
    this.changed = throttle(() => deps.onChange(this.state()), CHANGED_EVERY_MS);
    const common = { store: deps.store, sink, logger: deps.logger, changed: this.changed };
    this.runner = new FilterRunner({ ...common, jobs: deps.jobs });
    this.live = new LiveChecks({ ...common, filters: () => [...this.filters.values()] });
    this.samples = new EventSamples(deps.store);
  }

  static async open(deps: FilterEngineDeps): Promise<FilterEngine> {
    const engine = new FilterEngine(deps, await FilterBook.open(deps.dataDir, deps.logger));
    for (const saved of engine.book.list()) {
      engine.add(register(saved.name, { kind: 'saved' }, saved.entries, saved.updatedAt));
    }
    return engine;
  }

  state(): FiltersState {
    return { filters: [...this.filters.values()].map(viewOf) };
  }

  async save({ name, entries, replaces }: SaveRequest): Promise<FiltersState> {
    const existing = this.filters.get(filterKey(name));
    if (existing?.source.kind === 'hook') {
      throw new CommandError('conflict', `${name} names the filter of the hook ${existing.source.hookName}.`);
    }
    const renamed = replaces !== undefined && filterKey(replaces) !== filterKey(name);
    if (existing && renamed) throw new CommandError('conflict', `A filter named ${name} exists already.`);
    await this.book.save({ name, entries, updatedAt: this.deps.clock.now() }, replaces);
    if (renamed) this.drop(filterKey(replaces));
    this.add(register(name, { kind: 'saved' }, entries, this.deps.clock.now()));
    return this.state();
  }

  async remove(name: string): Promise<FiltersState> {
    const filter = this.filters.get(filterKey(name));
    if (filter?.source.kind !== 'saved')
      throw new CommandError('not-found', `No saved filter named ${name}.`);
    await this.book.remove(name);
    this.drop(filter.key);
    return this.state();
  }

  async preview(eventType: string, expression: string): Promise<FilterPreview> {
    return previewOf(await this.samples.get(eventType), expression);
  }

  async fields(eventType: string): Promise<FieldCatalog> {
    const sample = await this.samples.get(eventType);
    return buildCatalog(
      eventType,
      sample.events.map((event) => event.raw),
    );
  }

  /** A saved filter (or a hook's) by name, to send only what it lets through. */
  mapOf(name: string): FilterMap {
    const filter = this.filters.get(filterKey(name));
    if (!filter) throw new CommandError('not-found', `No filter named ${name}.`);
    return filter.map;
  }

  /** The org's hooks were listed again: the filters of the tracked ones follow them. */
  hooksChanged(hooks: OktaHook[]): void {
    const wanted = new Map(
      hooks.filter((hook) => hook.tracked && hook.filter !== null).map((hook) => [filterKey(hook.id), hook]),
    );
    for (const filter of this.filters.values()) {
      if (filter.source.kind === 'hook' && !wanted.has(filter.key)) this.drop(filter.key);
    }
    for (const [key, hook] of wanted) {
      const known = this.filters.get(key);
      if (known?.source.kind === 'saved') continue;
      if (known && JSON.stringify(known.entries) === JSON.stringify(hook.filter)) continue;
      const source = { kind: 'hook' as const, hookId: hook.id, hookName: hook.name };
      this.add(register(hook.id, source, hook.filter ?? [], this.deps.clock.now()));
    }
  }

  appended(summary: ExchangeSummary): void {
    this.live.appended(summary);
    this.samples.appended(summary);
  }

  removed(seqs: number[]): void {
    this.samples.removed(seqs);
  }

  /** Everything unpinned was deleted: evaluate again over what remains. */
  cleared(): void {
    this.samples.cleared();
    for (const filter of this.filters.values())
      this.add(register(filter.name, filter.source, filter.entries, filter.updatedAt));
  }

  /** Before answering a query with `filter:`: the deliveries stored so far have been checked. */
  async settled(query: string): Promise<void> {
    if (parseQuery(query).terms.some((term) => term.key === 'filter')) await this.live.settled();
  }

  stop(): void {
    this.changed.cancel();
    this.runner.stop();
  }

  private add(filter: Registered): void {
    this.runner.cancel(filter.key);
    this.filters.set(filter.key, filter);
    this.runner.enqueue(filter);
    this.changed();
  }

  private drop(key: string): void {
    this.runner.cancel(key);
    this.filters.delete(key);
    void this.deps.store
      .filterSeqs()
      .drop(key)
      .catch((error: unknown) => this.deps.logger.warn('filter seqs not dropped', { error: String(error) }));
    this.changed();
  }
}
