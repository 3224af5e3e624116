import type { TimingRecord } from '../../../../shared/model/exchange';
import { summarize } from '../../../../shared/model/summarize';
import type { Logger } from '../../deps';
import { withEvents } from '../derived-delivery';
import { decodeRecord } from '../records/record-frame';
import type { Written } from '../records/record-log';
import type { RecordReader } from '../records/record-reader';
import type { LogPosition } from '../records/record-scan';
import { searchText } from '../search-text';
import { deliveryKeys } from './event-keys';
import type { IndexTag, RowTag } from './index-writer';

/**
 * Final timings of exchanges the index has not read yet are kept this long (by count): the
 * receiver answers before the index catches up with a flood, and the timing is then written
 * with the row. Past this, the oldest give way (the row keeps the timing measured when stored).
 */
const EARLY_TIMINGS = 100_000;

/**
 * Turns a record into its index row, on the index's thread: what the receiver stored as it
 * arrived is decoded here (its events, its keys for redeliveries, its words for search), so
 * the receiver's thread never parses a delivery.
 */
export class RecordRows {
  private readonly early = new Map<string, TimingRecord>();

  constructor(
    private readonly reader: RecordReader,
    private readonly authHeader: () => string,
    private readonly logger: Logger,
  ) {}

  /** The row of a written record; null when its record is gone (its segment dropped meanwhile). */
  resolve({ position, tag }: Written<IndexTag>): Written<RowTag> | null {
    if (tag.kind !== 'recorded') return { position, tag };
    const frame = this.reader.read(position);
    return frame === null ? null : this.fromFrame(frame, position);
  }

  /**
   * The row of a record read back from the log; null (and a warning) when it cannot be read.
   * `knownSeq` finds the exchange the index holds under its id: the same seq is a pinned record
   * carried forward, which moves; another is an exchange deleted before this one took its id.
   */
  fromFrame(
    frame: Buffer,
    position: LogPosition,
    knownSeq: (id: string) => number | undefined = () => undefined,
  ): Written<RowTag> | null {
    try {
      const stored = decodeRecord(frame);
      const { seq } = stored.exchange;
      if (knownSeq(stored.exchange.id) === seq) return { position, tag: { kind: 'moved', seq } };
      const { exchange, json } = stored.decodeEvents
        ? withEvents(stored.exchange)
        : { ...stored, json: undefined };
      // Kept until the row is committed (`taken`): a transaction that fails is tried again.
      const timing = this.early.get(exchange.id);
      const summary = summarize(exchange);
      const tag: RowTag = {
        kind: 'new',
        summary: timing ? { ...summary, durationMs: timing.durationMs } : summary,
        keys: deliveryKeys(exchange),
        text: searchText(exchange, this.authHeader(), json),
        ...(timing ? { timing } : {}),
      };
      return { position, tag };
    } catch (error) {
      this.logger.warn('history record not indexed', { ...position, error: String(error) });
      return null;
    }
  }

  /** These exchanges' rows are committed: their timings, written with them, are not kept. */
  taken(ids: string[]): void {
    if (this.early.size === 0) return;
    for (const id of ids) this.early.delete(id);
  }

  /** Final timings of exchanges not indexed yet: written with their rows. */
  keepEarly(done: { id: string; timing: TimingRecord }[]): void {
    for (const { id, timing } of done) this.early.set(id, timing);
    for (const id of this.early.keys()) {
      if (this.early.size <= EARLY_TIMINGS) break;
      this.early.delete(id);
    }
  }
}
