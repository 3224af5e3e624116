import type { Logger } from '../deps';
import type { ExchangeStore } from '../store/exchange-store';
import { storageProblem } from '../store/storage-problem';

/**
 * Whether the capture log can be written, as one sentence for the UI. Starts from a probe of
 * the data folder, then follows every write: a failure sets it, the next success clears it.
 */
export class StorageHealth {
  private constructor(
    private error: string | null,
    private readonly logger: Logger,
    private readonly onChange: () => void,
  ) {}

  static async check(store: ExchangeStore, logger: Logger, onChange: () => void): Promise<StorageHealth> {
    const unwritable = await store.writable();
    if (unwritable) logger.error('storage failed', { error: unwritable.message });
    return new StorageHealth(unwritable ? storageProblem(unwritable) : null, logger, onChange);
  }

  current(): string | null {
    return this.error;
  }

  report(error: Error | null): void {
    const next = error ? storageProblem(error) : null;
    if (next === this.error) return;
    this.error = next;
    if (error) this.logger.error('storage failed', { error: error.message });
    this.onChange();
  }
}
