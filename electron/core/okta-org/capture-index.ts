import type { ExchangeOrigin, ExchangeSummary } from '../../../shared/model/exchange';

/** One stored delivery carrying an event, as the correlation needs it. */
export interface Capture {
  exchangeId: string;
  origin: ExchangeOrigin;
  status: number;
  durationMs: number;
  receivedAt: number;
}

/** What the history answers about the deliveries it holds (store/index/capture-queries.ts). */
export interface CaptureSource {
  /** For each event uuid, the stored deliveries (live, sample or rebuilt) that carried it, in arrival order. */
  capturesOf(uuids: string[]): Promise<[string, Capture[]][]>;
  /** Ids of verification requests received between two instants (epoch ms), oldest first. */
  verificationsBetween(from: number, to: number): Promise<string[]>;
}

const relevant = (summary: Pick<ExchangeSummary, 'kind' | 'origin'>) =>
  summary.kind === 'verification' ||
  (summary.kind === 'delivery' && (summary.origin === 'live' || summary.origin === 'rebuilt'));

/**
 * Which stored exchanges carry the events the org integration follows (those it fetched from
 * the System Log): Okta's deliveries (`live`) and those rebuilt from the System Log
 * (`rebuilt`). The history's index answers; this keeps its answer for those events at hand,
 * refreshed whenever stored deliveries or the followed events change, and says when it has.
 */
export class CaptureIndex {
  private listener: () => void = () => undefined;
  private wanted: () => string[] = () => [];
  private known = new Map<string, Capture[]>();
  private refreshing: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(private readonly source: CaptureSource) {}

  /** Called once the answer changed. */
  onChange(listener: () => void): void {
    this.listener = listener;
  }

  /** The events to keep answers for. */
  follow(wanted: () => string[]): void {
    this.wanted = wanted;
  }

  /** A new exchange was stored, or its final timing arrived. */
  changed(summary: Pick<ExchangeSummary, 'kind' | 'origin'>): void {
    if (relevant(summary)) void this.refresh();
  }

  /** Exchanges were deleted, evicted or cleared. */
  removed(): void {
    void this.refresh();
  }

  /**
   * Ask the history again; resolves once an answer from after this call is in. One request is
   * in flight at a time; those made meanwhile share the one queued after it.
   */
  refresh(): Promise<void> {
    if (this.refreshing === null) {
      this.refreshing = this.load().finally(() => (this.refreshing = null));
      return this.refreshing;
    }
    this.queued ??= this.refreshing.then(() => {
      this.queued = null;
      return this.refresh();
    });
    return this.queued;
  }

  /** Okta's own deliveries of this event, in the order they arrived. */
  arrivals(uuid: string): Capture[] {
    return (this.known.get(uuid) ?? []).filter((capture) => capture.origin === 'live');
  }

  /** Deliveries rebuilt here from the System Log record of this event. */
  resends(uuid: string): string[] {
    return (this.known.get(uuid) ?? [])
      .filter((capture) => capture.origin === 'rebuilt')
      .map((capture) => capture.exchangeId);
  }

  /** Verification requests that arrived between two instants (epoch ms). */
  verificationsBetween(from: number, to: number): Promise<string[]> {
    return this.source.verificationsBetween(from, to);
  }

  private async load(): Promise<void> {
    const uuids = this.wanted();
    try {
      this.known = new Map(uuids.length === 0 ? [] : await this.source.capturesOf(uuids));
    } catch {
      // The history could not answer (it is closing): the last answer stands until it can.
      return;
    }
    this.listener();
  }
}
