import type { Logger } from '../deps';
import type { ExchangeStore } from '../store/exchange-store';
import type { FilterSeqSink } from '../store/index/filter-seqs';
import type { Job, Jobs } from '../transfer/jobs';
import { carryingQuery, readStored } from './delivery-events';
import { addTally, checkDelivery, queuedRun, type Registered } from './registered';

export interface RunnerDeps {
  store: Pick<ExchangeStore, 'select' | 'read' | 'list'>;
  sink: FilterSeqSink;
  jobs: Jobs;
  logger: Logger;
  /** A filter's run changed (progress, end). */
  changed(): void;
}

/**
 * Evaluates filters over the history, one at a time, each as a cancellable job: the stored
 * deliveries carrying a filtered event type (found in SQL by type), read back and checked,
 * and the seqs of those with an event the filter lets through handed to the index as they
 * are found, so `filter:<name>` fills while it runs.
 */
export class FilterRunner {
  private queue: Registered[] = [];
  private active: { filter: Registered; job: Job } | null = null;

  constructor(private readonly deps: RunnerDeps) {}

  enqueue(filter: Registered): void {
    filter.run = queuedRun();
    filter.through = null;
    this.queue.push(filter);
    this.next();
  }

  /** Stop its evaluation, queued or running (it was changed or removed). */
  cancel(key: string): void {
    this.queue = this.queue.filter((filter) => filter.key !== key);
    if (this.active?.filter.key === key) this.active.job.cancel();
  }

  stop(): void {
    this.queue = [];
    this.active?.job.cancel();
  }

  private next(): void {
    const filter = this.active === null ? this.queue.shift() : undefined;
    if (filter === undefined) return;
    const title = `Check filter ${filter.name} against the history`;
    const view = this.deps.jobs.start('filter', title, 0, async (job) => {
      this.active = { filter, job };
      try {
        await this.evaluate(filter, job);
      } catch (error) {
        const message = `Checking stopped: ${error instanceof Error ? error.message : String(error)}`;
        filter.run = { ...filter.run, state: 'failed', message };
        throw error;
      } finally {
        this.active = null;
        this.deps.changed();
        this.next();
      }
    });
    filter.run = { ...filter.run, state: 'running', jobId: view.id };
    this.deps.changed();
  }

  private async evaluate(filter: Registered, job: Job): Promise<void> {
    const { store, sink } = this.deps;
    // Deliveries indexed from here on are checked as they arrive (live-checks.ts). The index
    // takes records a moment after the log, in order: its newest row, not the last seq handed
    // out, is where this evaluation ends and the live checks begin.
    const [newest] = (await store.list({ limit: 1, query: '' })).items;
    const through = newest?.seq ?? 0;
    filter.through = through;
    await sink.put(filter.key, [], true);
    const types = filter.map.types;
    const seqs = (await store.select({ query: carryingQuery(types) })).filter((seq) => seq <= through);
    filter.run = { ...filter.run, total: seqs.length };
    job.progress(0, seqs.length);
    let done = 0;
    for await (const { exchanges, asked } of readStored(store, seqs, job.signal)) {
      const passing: number[] = [];
      for (const exchange of exchanges) {
        const tally = checkDelivery(filter.map, exchange);
        addTally(filter.run, tally);
        if (tally.pass > 0) passing.push(exchange.seq);
      }
      // Stopped (changed or removed) while reading: its seqs are not the index's to keep any more.
      if (job.signal.aborted) break;
      if (passing.length > 0) await sink.put(filter.key, passing, false);
      done += asked;
      filter.run = { ...filter.run, done };
      job.progress(done);
      this.deps.changed();
    }
    this.end(filter, job, seqs.length);
  }

  private end(filter: Registered, job: Job, total: number): void {
    const { pass, drop, unknown } = filter.run.events;
    if (job.signal.aborted) {
      const message = `Stopped after ${filter.run.done} of ${total} deliveries: filter:${filter.name} lists those.`;
      filter.run = { ...filter.run, state: 'cancelled', message };
      job.cancelled(message);
      return;
    }
    filter.run = { ...filter.run, state: 'ready', done: total, message: null };
    const counted = `${pass} of ${pass + drop + unknown} events pass${unknown > 0 ? `, ${unknown} cannot be checked` : ''}`;
    job.finish(`Filter ${filter.name}: ${total} deliveries checked; ${counted}.`);
  }
}
