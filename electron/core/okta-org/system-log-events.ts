import type { OktaEventSummary } from '../../../shared/model/exchange';
import { asRecord, asText, type JsonRecord } from '../../../shared/okta/json-access';
import { decodeEvent } from '../../../shared/okta/log-event';

/** One System Log event as fetched, and what the inspector reads from it. */
export interface LogEntry {
  uuid: string;
  /** Exactly as the System Log API returned it: rebuilt deliveries carry it verbatim. */
  raw: JsonRecord;
  summary: OktaEventSummary;
  /**
   * For a hook's own records (`event_hook.*`): every id it mentions, in targets of any type and
   * in debugData values. Okta does not document where these records name the hook
   * (https://developer.okta.com/docs/concepts/event-hooks/), so nothing relies on one place.
   */
  mentions: string[];
  /** `transaction.detail.requestApiTokenId`: the API token that caused it (https://developer.okta.com/docs/reference/system-log-query/#correlating-events-based-on-api-token). */
  apiTokenId: string | null;
}

/** Enough for a busy day of a developer org; the oldest are dropped first. */
const MAX_EVENTS = 5000;

const HOOK_RECORD = /^event_hook\./;

/** Target ids of any type, and every debugData value (comma-separated lists split). */
function mentionsOf(raw: JsonRecord, targetIds: string[]): string[] {
  const debugData = asRecord(asRecord(raw.debugContext)?.debugData) ?? {};
  const values = Object.values(debugData).flatMap((value) =>
    typeof value === 'string' ? value.split(',').map((part) => part.trim()) : [],
  );
  return [...new Set([...targetIds, ...values].filter((id) => id !== ''))];
}

function entryOf(raw: JsonRecord): LogEntry | null {
  const summary = decodeEvent(raw);
  if (summary.uuid === '') return null;
  const targetIds = summary.targets.map((target) => target.id);
  const detail = asRecord(asRecord(raw.transaction)?.detail);
  return {
    uuid: summary.uuid,
    raw,
    summary,
    mentions: HOOK_RECORD.test(summary.eventType) ? mentionsOf(raw, targetIds) : [],
    apiTokenId: asText(detail?.requestApiTokenId) ?? null,
  };
}

/**
 * The System Log events fetched so far, by uuid, in memory only: they name people and
 * addresses, so they are never written to disk (docs/okta-org.md, "What is kept").
 */
export class SystemLogEvents {
  private readonly byUuid = new Map<string, LogEntry>();

  /** Add a page of events; returns how many were new. */
  add(events: unknown[]): number {
    let added = 0;
    for (const value of events) {
      const raw = asRecord(value);
      const entry = raw ? entryOf(raw) : null;
      if (!entry || this.byUuid.has(entry.uuid)) continue;
      this.byUuid.set(entry.uuid, entry);
      added += 1;
    }
    for (const uuid of this.byUuid.keys()) {
      if (this.byUuid.size <= MAX_EVENTS) break;
      this.byUuid.delete(uuid);
    }
    return added;
  }

  get(uuid: string): LogEntry | undefined {
    return this.byUuid.get(uuid);
  }

  entries(): LogEntry[] {
    return [...this.byUuid.values()];
  }

  get size(): number {
    return this.byUuid.size;
  }

  clear(): void {
    this.byUuid.clear();
  }
}
