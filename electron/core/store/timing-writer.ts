import type { TimingRecord } from '../../../shared/model/exchange';
import type { Logger } from '../deps';

interface Done {
  id: string;
  timing: TimingRecord;
}

/**
 * Final timings arrive one per answer, thousands a second under load: they are written
 * together, once per turn of the event loop, in one transaction.
 */
export class TimingWriter {
  private batch: Done[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly write: (done: Done[]) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  add(id: string, timing: TimingRecord): Promise<void> {
    this.batch.push({ id, timing });
    this.flushing ??= new Promise((resolve) => setImmediate(resolve)).then(() => this.flush());
    return this.flushing;
  }

  /** Write what is waiting now. Best effort: a failure is logged, the provisional timing stays. */
  async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.flushing = null;
    if (batch.length === 0) return;
    try {
      await this.write(batch);
    } catch (error) {
      this.logger.warn('timings not stored', { error: String(error), count: batch.length });
    }
  }
}
