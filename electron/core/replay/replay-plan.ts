import type { Exchange, HeaderList } from '../../../shared/model/exchange';
import { maskSecret } from '../../../shared/okta/secret-mask';
import { parseOktaTime } from '../../../shared/okta/timestamps';
import { bodyBytes } from '../receiver/body-data';

export interface ReplayEdits {
  method?: string | undefined;
  /** Path and query, e.g. `/okta/hooks?x=1`; replaces the target's. */
  path?: string | undefined;
  headers?: HeaderList | undefined;
  body?: string | undefined;
}

/** One request to send, built from a stored exchange and the user's edits. */
export interface PlannedRequest {
  method: string;
  /** Explicit path+query, or null to use the target's path plus the original query. */
  path: string | null;
  query: string;
  headers: HeaderList;
  body: Buffer;
}

/**
 * The UI only ever sees masked credentials; an edited header list that still carries a masked
 * value means "keep the original", so that value is put back before sending.
 */
function unmask(edited: HeaderList, original: HeaderList): HeaderList {
  return edited.map(([name, value]) => {
    const match = original.find(
      ([key, clear]) => key.toLowerCase() === name.toLowerCase() && maskSecret(clear) === value,
    );
    return match && match[1] !== value ? [name, match[1]] : [name, value];
  });
}

/** The request as captured, with exactly the edits applied and nothing else changed. */
export function planReplay(exchange: Exchange, edits: ReplayEdits = {}): PlannedRequest {
  const { request } = exchange;
  return {
    method: edits.method ?? request.method,
    path: edits.path ?? null,
    query: request.query,
    headers: edits.headers ? unmask(edits.headers, request.headers) : request.headers,
    body: edits.body === undefined ? bodyBytes(request.body) : Buffer.from(edits.body, 'utf8'),
  };
}

const firstPublished = (exchange: Exchange): number =>
  Math.min(...exchange.okta.events.map((event) => parseOktaTime(event.published) ?? Infinity), Infinity);

/** Replay order: as received (seq), or by when Okta says the events happened (https://developer.okta.com/docs/concepts/event-hooks/#ongoing-event-delivery). */
export function orderForReplay(exchanges: Exchange[], order: 'received' | 'published'): Exchange[] {
  const bySeq = [...exchanges].sort((a, b) => a.seq - b.seq);
  if (order === 'received') return bySeq;
  return bySeq.sort((a, b) => {
    const pa = firstPublished(a);
    const pb = firstPublished(b);
    return pa === pb ? 0 : pa === Infinity ? 1 : pb === Infinity ? -1 : pa - pb;
  });
}
