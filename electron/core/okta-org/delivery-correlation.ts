import type { Exchange } from '../../../shared/model/exchange';
import type { DeliveryCounts, DeliveryReport, ExchangeOktaRecord } from '../../../shared/model/okta';
import { parseOktaTime } from '../../../shared/okta/timestamps';
import { CommandError } from '../rpc/command-error';
import type { CaptureIndex } from './capture-index';
import { correlate, type Correlation } from './correlate';
import { filterCheck, type HookFilter } from './hook-filters';
import { SystemLogEvents, type LogEntry } from './system-log-events';
import type { ResendGroup } from './resend';

/** How far apart a verification request here and Okta's record of it may be (clock skew included). */
const VERIFICATION_SKEW_MS = 2 * 60_000;

const NOTES: Partial<Record<Exchange['origin'], string>> = {
  sample: 'A test delivery made here: Okta has no record of it.',
  replay: 'A replay made here: Okta has no record of it (see the original).',
  imported: 'Imported: compare the original exchange instead.',
};

/**
 * The System Log events fetched so far and their correlation with what arrived here,
 * recomputed only when either side changed (`version`).
 */
export class DeliveryCorrelation {
  readonly logEvents = new SystemLogEvents();
  private version = 0;
  private cached: { version: number; at: number; value: Correlation } | null = null;

  constructor(
    private readonly captures: CaptureIndex,
    private readonly tracked: () => ReadonlySet<string>,
    private readonly now: () => number,
    private readonly filterOf: (hookId: string) => HookFilter | null,
  ) {}

  /** Something changed on either side: the correlation is recomputed when next asked for. */
  markChanged(): void {
    this.version += 1;
  }

  currentVersion(): number {
    return this.version;
  }

  add(events: unknown[]): number {
    const added = this.logEvents.add(events);
    if (added > 0) this.markChanged();
    return added;
  }

  clear(): void {
    this.logEvents.clear();
    this.markChanged();
  }

  counts(): DeliveryCounts {
    return this.correlation().counts;
  }

  report(limit: number, polledAt: number | null, since: string | null): DeliveryReport {
    const { records, verifications, unmatchedFailures } = this.correlation();
    return {
      polledAt,
      since,
      records: records.slice(0, limit),
      total: records.length,
      verifications,
      unmatchedFailures,
    };
  }

  /** Okta's account of one exchange: per event for a delivery, the attempt for a verification. */
  recordFor(exchange: Exchange, connected: boolean, polledAt: number | null): ExchangeOktaRecord {
    const note = connected
      ? (NOTES[exchange.origin] ?? null)
      : 'Connect an Okta org to see what Okta recorded.';
    if (note !== null) return { polledAt, note, events: [], verification: null };
    const { byUuid, verifications } = this.correlation();
    if (exchange.kind === 'verification') {
      const nearest = verifications
        .map((record) => ({
          record,
          gap: Math.abs((parseOktaTime(record.published) ?? 0) - exchange.receivedAt),
        }))
        .filter(({ gap }) => gap <= VERIFICATION_SKEW_MS)
        .sort((a, b) => a.gap - b.gap)[0];
      return { polledAt, note: null, events: [], verification: nearest?.record ?? null };
    }
    const events = exchange.okta.events.map((event) => ({
      uuid: event.uuid,
      record: byUuid.get(event.uuid) ?? null,
    }));
    return { polledAt, note: null, events, verification: null };
  }

  /** The System Log records of these events, grouped into one delivery per hook. */
  groups(uuids: string[]): ResendGroup[] {
    const tracked = this.tracked();
    const byHook = new Map<string, LogEntry[]>();
    const unknown: string[] = [];
    for (const uuid of uuids) {
      const entry = this.logEvents.get(uuid);
      if (!entry) {
        unknown.push(uuid);
        continue;
      }
      const ids = entry.summary.targetEventHookIds;
      const hookId = ids.find((id) => tracked.has(id)) ?? ids[0] ?? 'unknown';
      byHook.set(hookId, [...(byHook.get(hookId) ?? []), entry]);
    }
    if (unknown.length > 0) {
      throw new CommandError('not-found', `No System Log event ${unknown.join(', ')} was fetched here.`);
    }
    return [...byHook].map(([hookId, entries]) => ({ hookId, events: entries.map((e) => e.raw) }));
  }

  private correlation(): Correlation {
    // Pending turns into missing with time alone: recompute at most every few seconds for that.
    const now = this.now();
    if (this.cached && this.cached.version === this.version && now - this.cached.at < 5000) {
      return this.cached.value;
    }
    const value = this.withFilters(
      correlate({
        entries: this.logEvents.entries(),
        tracked: this.tracked(),
        arrivals: (uuid) => this.captures.arrivals(uuid),
        resends: (uuid) => this.captures.resends(uuid),
        now,
      }),
    );
    this.cached = { version: this.version, at: now, value };
    return value;
  }

  /** Each record beside the event filter of its hook. */
  private withFilters(correlation: Correlation): Correlation {
    const records = correlation.records.map((record) => ({
      ...record,
      filter: filterCheck(record, this.logEvents.get(record.uuid)?.raw, this.filterOf),
    }));
    return { ...correlation, records, byUuid: new Map(records.map((record) => [record.uuid, record])) };
  }
}
