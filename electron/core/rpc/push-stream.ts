import type { PushMessage } from '../../../shared/contract/events';
import type { ExchangeSummary } from '../../../shared/model/exchange';
import { systemScheduler, type Scheduler } from '../deps';

export type PushListener = (message: PushMessage) => void;

export interface PushStreamOptions {
  /** Longest a summary waits before it is pushed. */
  flushMs: number;
  /** A batch this large goes out at once. */
  maxBatch: number;
}

/**
 * Fans engine events out to every subscriber (one per window or browser tab). Exchange
 * summaries are batched so a burst of deliveries costs one message per ~50 ms, and an update
 * to a summary still waiting in the batch is folded into it.
 */
export class PushStream {
  private readonly listeners = new Set<PushListener>();
  private appended = new Map<string, ExchangeSummary>();
  private updated = new Map<string, ExchangeSummary>();
  private removed = new Map<string, { seq: number; receivedAt: number }>();
  /** Cancels the pending flush, if one is due. */
  private cancelFlush: (() => void) | null = null;

  constructor(
    private readonly options: PushStreamOptions = { flushMs: 50, maxBatch: 1000 },
    private readonly scheduler: Scheduler = systemScheduler,
  ) {}

  subscribe(listener: PushListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  exchangeAppended(summary: ExchangeSummary): void {
    this.appended.set(summary.id, summary);
    this.schedule();
  }

  exchangeUpdated(summary: ExchangeSummary): void {
    if (this.appended.has(summary.id)) this.appended.set(summary.id, summary);
    else this.updated.set(summary.id, summary);
    this.schedule();
  }

  exchangesRemoved(removed: { id: string; seq: number; receivedAt: number }[]): void {
    for (const { id, seq, receivedAt } of removed) this.removed.set(id, { seq, receivedAt });
    this.schedule();
  }

  /** Sent at once, after any batched summaries, so subscribers see events in order. */
  emit(message: PushMessage): void {
    this.flush();
    this.send(message);
  }

  /** Send what is pending now (also used on shutdown). */
  flush(): void {
    this.cancelFlush?.();
    this.cancelFlush = null;
    if (this.appended.size > 0) {
      const items = [...this.appended.values()];
      this.appended = new Map();
      this.send({ name: 'exchanges.appended', payload: { items } });
    }
    if (this.updated.size > 0) {
      const items = [...this.updated.values()];
      this.updated = new Map();
      this.send({ name: 'exchanges.updated', payload: { items } });
    }
    // After appends and updates: an exchange added and removed in one batch ends up gone.
    if (this.removed.size > 0) {
      const ids = [...this.removed.keys()];
      const gone = [...this.removed.values()];
      this.removed = new Map();
      const [seqs, receivedAt] = [gone.map((g) => g.seq), gone.map((g) => g.receivedAt)];
      this.send({ name: 'exchanges.removed', payload: { ids, seqs, receivedAt } });
    }
  }

  private schedule(): void {
    if (this.appended.size + this.updated.size + this.removed.size >= this.options.maxBatch) this.flush();
    else this.cancelFlush ??= this.scheduler.after(this.options.flushMs, () => this.flush());
  }

  private send(message: PushMessage): void {
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // A transport that fails (a closed window, a dropped socket) must not starve the others;
        // it unsubscribes itself when it notices.
      }
    }
  }
}
