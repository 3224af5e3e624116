import { randomUUID } from 'node:crypto';
import {
  invalidSearch,
  unsupportedCombination,
  validationFailed,
  type EmulatedError,
} from './emulator-errors';
import { isLogField, NO_CONTAINS } from './emulator-log-fields';
import { parseFilter, type Comparison, type Predicate } from './scim-filter';

/** A System Log LogEvent as the emulator stores it (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/SystemLog/#tag/SystemLog/operation/listLogEvents), with its persistence order. */
export type LogEvent = Record<string, unknown> & { uuid: string; published: string; eventType: string };

interface Stored {
  event: LogEvent;
  /** Persistence order: polling queries are ordered by it, not by `published` (https://developer.okta.com/docs/reference/system-log-query/#polling-requests). */
  index: number;
}

export interface LogPage {
  events: LogEvent[];
  /** Query string of the next page (after the cursor), or null at the end of a bounded query. */
  next: string | null;
}

export interface LogOptions {
  /** Refuse every operator on `debugContext.debugData.*` (E0000031), to exercise a client's fallback. */
  rejectDebugDataFilter?: boolean | undefined;
}

/** Opaque to clients (https://developer.okta.com/docs/reference/core-okta-api/#pagination): a persistence index, or an offset and window start. */
const encode = (text: string) => Buffer.from(text).toString('base64url');
const decode = (cursor: string | null): number[] | null => {
  if (cursor === null) return null;
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split(':').map(Number);
  return parts.every(Number.isFinite) ? parts : null;
};

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function time(params: URLSearchParams, name: string): number | null | EmulatedError {
  const value = params.get(name);
  if (value === null) return null;
  if (!ISO.test(value)) return validationFailed(name, [`${name}: not an ISO-8601 date`]);
  return Date.parse(value);
}

interface Checked {
  predicate: Predicate;
  since: number;
  until: number | null;
  limit: number;
}

const isError = (value: unknown): value is EmulatedError =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value;

/** The org's System Log and `GET /api/v1/logs` (https://developer.okta.com/docs/reference/system-log-query/#list-events): filters, polling and bounded queries. */
export class SystemLog {
  private readonly stored: Stored[] = [];

  constructor(private readonly options: LogOptions = {}) {}

  append(event: Omit<LogEvent, 'uuid' | 'published'> & Partial<LogEvent>, now: number): LogEvent {
    const full = { uuid: randomUUID(), published: new Date(now).toISOString(), ...event } as LogEvent;
    this.stored.push({ event: full, index: this.stored.length + 1 });
    return full;
  }

  all(): LogEvent[] {
    return this.stored.map((entry) => entry.event);
  }

  /** Answer a query (the params of `GET /api/v1/logs`), or the error Okta would give. */
  query(params: URLSearchParams, now: number): LogPage | EmulatedError {
    const checked = this.check(params, now);
    if (isError(checked)) return checked;
    const polling = checked.until === null && params.get('sortOrder') !== 'DESCENDING';
    const cursor = decode(params.get('after'));
    // Okta's next links keep every parameter of the first query, `since` included, and add `after`.
    const next = new URLSearchParams(params);
    return polling ? this.poll(checked, cursor, next) : this.bounded(checked, params, cursor, next);
  }

  /** Polling: ordered by persistence, and a next page always, even an empty one (https://developer.okta.com/docs/reference/system-log-query/#polling-requests). */
  private poll(query: Checked, cursor: number[] | null, next: URLSearchParams): LogPage {
    const floor = cursor?.[0] ?? 0;
    const page = this.stored
      .filter(
        (entry) =>
          entry.index > floor &&
          (cursor !== null || Date.parse(entry.event.published) >= query.since) &&
          query.predicate(entry.event),
      )
      .slice(0, query.limit);
    next.set('after', encode(String(page.at(-1)?.index ?? floor)));
    return { events: page.map((entry) => entry.event), next: next.toString() };
  }

  /** Bounded: ordered by published, finite pages. */
  private bounded(
    query: Checked,
    params: URLSearchParams,
    cursor: number[] | null,
    next: URLSearchParams,
  ): LogPage {
    const [offset = 0, since = query.since] = cursor ?? [];
    const inWindow = this.stored.filter((entry) => {
      const published = Date.parse(entry.event.published);
      return (
        published >= since &&
        (query.until === null || published < query.until) &&
        query.predicate(entry.event)
      );
    });
    const ordered = this.byPublished(inWindow, params.get('sortOrder') === 'DESCENDING');
    const page = ordered.slice(offset, offset + query.limit);
    next.set('after', encode(`${offset + page.length}:${since}`));
    const more = offset + page.length < ordered.length;
    return { events: page.map((entry) => entry.event), next: more ? next.toString() : null };
  }

  private byPublished(entries: Stored[], descending: boolean): Stored[] {
    const sign = descending ? -1 : 1;
    return [...entries].sort(
      (a, b) => sign * (Date.parse(a.event.published) - Date.parse(b.event.published)),
    );
  }

  private check(params: URLSearchParams, now: number): Checked | EmulatedError {
    const since = time(params, 'since');
    const until = time(params, 'until');
    if (isError(since)) return since;
    if (isError(until)) return until;
    const limitText = params.get('limit') ?? '100';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit > 1000) return validationFailed('limit', ['limit: 0 to 1000']);
    const predicate = this.filter(params.get('filter'));
    if (isError(predicate)) return predicate;
    const keyword = params.get('q')?.toLowerCase();
    const matches: Predicate = (event) =>
      predicate(event) && (keyword === undefined || JSON.stringify(event).toLowerCase().includes(keyword));
    return { predicate: matches, since: since ?? now - 7 * 24 * 3600_000, until, limit };
  }

  private filter(text: string | null): Predicate | EmulatedError {
    if (text === null || text.trim() === '') return () => true;
    let parsed: ReturnType<typeof parseFilter>;
    try {
      parsed = parseFilter(text);
    } catch (error) {
      return invalidSearch(`Invalid filter '${text}': ${(error as Error).message}`);
    }
    for (const comparison of parsed.comparisons) {
      const refused = this.refusal(comparison);
      if (refused) return refused;
    }
    return parsed.predicate;
  }

  /** Okta's answer to a field it does not know, or an operator it does not support there. */
  private refusal({ attribute, operator }: Comparison): EmulatedError | null {
    // `published` is a LogEvent field, but time bounds go in since/until.
    if (!isLogField(attribute) || attribute === 'published')
      return invalidSearch(`field is not valid: ${attribute}`);
    const debugData = attribute.startsWith('debugContext.');
    if (
      (operator === 'co' && NO_CONTAINS.includes(attribute)) ||
      (debugData && this.options.rejectDebugDataFilter)
    ) {
      return unsupportedCombination(operator, attribute);
    }
    return null;
  }
}
