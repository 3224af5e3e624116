import type { InlineOutcome, InlineRecord, InlineRequestType } from './inline';

/**
 * Plain data that describes one captured HTTP exchange. Everything here crosses the process
 * boundary (IPC, HTTP API, exports), so it is structured-clone safe: no classes, epoch-ms times.
 */

/** What the receiver understood the request to be: an event hook's challenge or delivery, an inline hook call, or neither. */
export type ExchangeKind = 'verification' | 'delivery' | 'inline' | 'other';

/**
 * Where an exchange came from: Okta (or anyone) over the network, or the inspector itself:
 * a sample, a replay of a captured exchange (`replayOf`), or a delivery rebuilt from Okta's
 * System Log for events that never arrived (there is no captured original to link to).
 */
export type ExchangeOrigin = 'live' | 'sample' | 'replay' | 'rebuilt' | 'imported';

/** Header list in arrival order, names as sent (case preserved), duplicates kept. */
export type HeaderList = [name: string, value: string][];

/** A body as bytes: `text` when the bytes are valid UTF-8, `base64` otherwise. */
export interface BodyData {
  text?: string;
  base64?: string;
  /** Size in bytes of what was received (or sent), even when truncated. */
  size: number;
  /** True when only the first `limit` bytes were kept. */
  truncated: boolean;
}

export interface RequestRecord {
  method: string;
  path: string;
  /** The raw query string without the leading `?`; empty when there was none. */
  query: string;
  httpVersion: string;
  headers: HeaderList;
  /** Exactly the bytes received. */
  body: BodyData;
  /** The body with its Content-Encoding undone, when it had one that could be decoded. */
  decodedBody?: BodyData;
  remoteAddress: string;
}

export interface ResponseRecord {
  status: number;
  headers: HeaderList;
  body: BodyData;
}

/** Milliseconds from the request's arrival (sub-ms precision). */
export interface TimingRecord {
  /** Until the whole body had been read. */
  bodyMs: number;
  /** Spent waiting for the forward target (or the replay target); the rest is the inspector's. */
  targetMs?: number;
  /** Until the exchange was durably written; absent if the process stopped before it knew. */
  storedMs?: number;
  /** Until the end of the response. */
  durationMs: number;
}

export type AuthResult = 'ok' | 'missing' | 'mismatch' | 'not-configured';

export interface AuthCheck {
  result: AuthResult;
  /** The header name that was checked (as configured). */
  header: string;
  /** One plain sentence on why the request was rejected; never contains the secret. */
  message?: string;
}

export interface OktaActor {
  id: string;
  type: string;
  alternateId: string;
  displayName: string;
}

export interface OktaClient {
  ipAddress: string | null;
  userAgent: string | null;
  browser: string | null;
  os: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
}

/** The parts of a System Log LogEvent a developer reads first (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/SystemLog/#tag/SystemLog/operation/listLogEvents). */
export interface OktaEventSummary {
  uuid: string;
  eventType: string;
  displayMessage: string;
  /** ISO-8601 as sent by Okta. */
  published: string;
  severity: string;
  outcome: { result: string; reason: string | null };
  actor: OktaActor | null;
  targets: OktaActor[];
  transactionId: string | null;
  client: OktaClient;
  /** Hooks Okta meant to deliver this event to (`debugData.targetEventHookIds`). */
  targetEventHookIds: string[];
}

export interface OktaDecoded {
  eventId?: string;
  eventTime?: string;
  source?: string;
  /** The hook id taken from `source` (`who…`). */
  hookId?: string;
  events: OktaEventSummary[];
}

/** Why a handler gave no answer. */
export type TargetFailureCause = 'refused' | 'dns' | 'reset' | 'timeout' | 'other';

/** The request passed on to the user's handler, and what came back. */
export interface ForwardRecord {
  /** The full URL the request went to. */
  url: string;
  /** Headers as sent to the handler (hop-by-hop ones dropped, Host set to the target). */
  headers: HeaderList;
  /** The handler's answer, relayed to the caller; absent when it failed. */
  response?: ResponseRecord;
  error?: { cause: TargetFailureCause; message: string };
}

/** At-least-once delivery, seen from here (https://developer.okta.com/docs/concepts/event-hooks/#ongoing-event-delivery). */
export interface Sightings {
  /** This delivery's eventId was seen before: the id of the exchange that first carried it. */
  repeatOf?: string;
  /** Events already received in another delivery, with the exchange that first carried each. */
  repeatedEvents: { uuid: string; firstExchangeId: string }[];
  /** Events published before an event already received from the same hook. */
  outOfOrder: string[];
}

/** Something about the request that does not match what Okta sends; shown, never fatal. */
export interface Problem {
  code: string;
  message: string;
}

export interface Exchange {
  id: string;
  /** Monotonic per data directory; the order in which exchanges were stored. */
  seq: number;
  kind: ExchangeKind;
  origin: ExchangeOrigin;
  /** Epoch ms when the first byte of the request arrived. */
  receivedAt: number;
  request: RequestRecord;
  response: ResponseRecord;
  timing: TimingRecord;
  auth: AuthCheck;
  okta: OktaDecoded;
  problems: Problem[];
  /** Deliveries only: redeliveries, repeated events, events out of order. */
  sightings?: Sightings;
  /** Set when the request was passed on to the user's handler (forward target or replay). */
  forward?: ForwardRecord;
  /** Verification only: why Okta would refuse the answer (time aside), or null if it would not. */
  verificationProblem?: string | null;
  /** Set on exchanges made by replay: the id of the exchange that was replayed. */
  replayOf?: string;
  /** Set on exchanges read from a file (origin `imported`). */
  imported?: ImportNote;
  /** Inline hook calls: the call decoded, who answered, and what Okta does with the answer. */
  inline?: InlineRecord;
}

/** Where an imported exchange came from. */
export interface ImportNote {
  /** Name of the file it was read from. */
  file: string;
  /** Epoch ms of the import. */
  at: number;
  /** Its id, seq and origin where it was captured, when the file says (our own NDJSON). */
  original?: { id: string; seq: number; origin: ExchangeOrigin };
}

/** The part of an exchange the list needs; pushed live and returned by `exchanges.list`. */
export interface ExchangeSummary {
  id: string;
  seq: number;
  kind: ExchangeKind;
  origin: ExchangeOrigin;
  receivedAt: number;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  auth: AuthResult;
  eventTypes: string[];
  eventCount: number;
  problemCount: number;
  /** Request body size in bytes. */
  size: number;
  eventId?: string;
  hookId?: string;
  /** The delivery's eventId was seen before (Okta's retry or a redelivery). */
  repeat: boolean;
  /** Events already received in another delivery. */
  repeatedEvents: number;
  /** Events published before one already received. */
  outOfOrderEvents: number;
  verificationProblem?: string | null;
  /** The request went to a handler: its URL, and the cause when it gave no answer. */
  forwardedTo?: string;
  forwardError?: TargetFailureCause;
  replayOf?: string;
  /** Kept whatever the retention limits say, until unpinned. */
  pinned: boolean;
  /** Inline hook calls: the request type and what Okta does with the answer. */
  inline?: { type: InlineRequestType | null; outcome: InlineOutcome };
}
