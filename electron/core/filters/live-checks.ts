import type { ExchangeSummary } from '../../../shared/model/exchange';
import type { Logger } from '../deps';
import type { ExchangeStore } from '../store/exchange-store';
import type { FilterSeqSink } from '../store/index/filter-seqs';
import { addTally, checkDelivery, type Registered } from './registered';

export interface LiveDeps {
  store: Pick<ExchangeStore, 'read'>;
  sink: FilterSeqSink;
  logger: Logger;
  /** The filters as they are now. */
  filters(): Registered[];
  changed(): void;
}

/**
 * Deliveries checked as they are stored, by every filter whose evaluation already covers the
 * history before them. The check starts in the same tick the store announces the delivery, so
 * a list asking which pushed rows match `filter:` can wait for it (`settled`) and get an answer
 * that includes them.
 */
export class LiveChecks {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: LiveDeps) {}

  appended(summary: ExchangeSummary): void {
    if (summary.kind !== 'delivery') return;
    const due = this.deps
      .filters()
      .filter(
        (filter) =>
          filter.through !== null &&
          summary.seq > filter.through &&
          filter.map.types.some((type) => summary.eventTypes.includes(type)),
      );
    if (due.length === 0) return;
    const work = this.check(summary.seq, due)
      .catch((error: unknown) => this.deps.logger.warn('filter check failed', { error: String(error) }))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** Every check started so far has ended. */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async check(seq: number, due: Registered[]): Promise<void> {
    const exchange = await this.deps.store.read(seq);
    if (!exchange) return;
    const current = new Map(this.deps.filters().map((filter) => [filter.key, filter.revision]));
    for (const filter of due) {
      // Changed or removed meanwhile: its new evaluation covers this delivery.
      if (current.get(filter.key) !== filter.revision) continue;
      const tally = checkDelivery(filter.map, exchange);
      addTally(filter.run, tally);
      if (tally.pass > 0) await this.deps.sink.put(filter.key, [seq], false);
    }
    this.deps.changed();
  }
}
