/**
 * The Okta org integration as the UI sees it: the connection, the org's event hooks, the runs
 * that point a hook here, the System Log poller, and Okta's own account of each delivery. The
 * API token and the private key never appear here, only whether one is configured (and masked).
 */
import type { Verdict } from '../okta/filter/el-evaluate';
import type { FilterEntry } from '../okta/filter/event-filter';
import type { OktaFeature } from '../okta/service-app-scopes';
import type { SecretView } from './settings';

/** Why talking to Okta failed, in the words the UI uses. */
export type OktaProblemKind =
  | 'invalid-domain'
  | 'token'
  | 'permission'
  | 'unreachable'
  | 'rate-limited'
  | 'not-found'
  | 'rejected'
  | 'okta-error';

export interface OktaProblem {
  kind: OktaProblemKind;
  /** One or two plain sentences, with Okta's errorCode where it sent one. */
  message: string;
  at: number;
  /** Rate limits: when Okta said the window resets (epoch ms). */
  retryAt?: number;
}

/** When the API token lapses (https://developer.okta.com/docs/guides/create-an-api-token/main/#token-expiration-and-deactivation), as far as the API lets us tell. */
export type TokenExpiry =
  | {
      state: 'known';
      /** ISO-8601 as Okta sent it. */
      expiresAt: string;
      tokenName: string;
      /** How this token was told apart: the org has one token, or the System Log named it. */
      how: 'only-token' | 'system-log';
      /** Less than a week left. */
      warn: boolean;
    }
  | { state: 'ambiguous'; candidates: number; earliestExpiresAt: string | null; warn: boolean }
  | { state: 'unknown'; reason: string };

/** How the inspector signs in to the org: an SSWS API token, or an OAuth 2.0 service app. */
export type OktaAuthView =
  | { kind: 'api-token'; token: SecretView }
  | {
      kind: 'service-app';
      clientId: string;
      /** The `kid` of the public key registered for the app. */
      keyId: string;
      privateKey: SecretView;
      features: OktaFeature[];
      /** The scopes asked for, and granted: only what the features need. */
      scopes: string[];
      /** The app requires DPoP: its tokens are bound to a key held in memory. */
      dpop: boolean;
    };

/** A key pair made here for a service app: its public JWK is pasted into the Admin Console. */
export interface PendingKey {
  keyId: string;
  /** The public JWK, as JSON. */
  publicJwk: string;
}

export interface OktaConnection {
  status: 'not-connected' | 'connected' | 'failing';
  /** `https://dev-123456.okta.com`. */
  domain: string | null;
  /** Null when not connected. */
  auth: OktaAuthView | null;
  connectedAt: number | null;
  /** The last failure talking to Okta (cleared by the next success). */
  problem: OktaProblem | null;
  tokenExpiry: TokenExpiry | null;
  /** Set when API calls go to a loopback Okta emulator instead (`--okta-insecure-base-url`). */
  baseUrlOverride: string | null;
}

/** Where Okta should call: the tunnel's public URL when it runs, else the one entered by hand. */
export interface PublicHookUrl {
  hookUrl: string | null;
  source: 'tunnel' | 'manual' | null;
  /** The base URL entered by hand (kept while the tunnel provides one). */
  manualBase: string | null;
}

/** An org's event hook as the panel lists it (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/EventHook/#tag/EventHook/operation/listEventHooks); the auth secret is write-only there. */
export interface OktaHook {
  id: string;
  name: string;
  /** `ACTIVE` or `INACTIVE`, as Okta sent it. */
  status: string;
  /** `VERIFIED` or `UNVERIFIED`. */
  verificationStatus: string;
  uri: string;
  eventTypes: string[];
  /** The auth header's name; its value is never returned by Okta. */
  authHeader: string | null;
  headers: { key: string; value: string }[];
  /** Its event filter (`events.filter`, an EA feature), one expression per event type; null when none. */
  filter: FilterEntry[] | null;
  lastUpdated: string | null;
  /** Created by this inspector: it may deactivate and delete it. */
  createdHere: boolean;
  /** Its URI is the current public hook URL. */
  pointsHere: boolean;
  /** Watched in the System Log: pointed here by the inspector, or pointing here. */
  tracked: boolean;
}

export type HookStepName = 'read' | 'create' | 'update' | 'verify' | 'activate' | 'deactivate' | 'delete';

/** One Management API call of a run, and Okta's answer to it. */
export interface HookRunStep {
  name: HookStepName;
  /** e.g. `POST /api/v1/eventHooks/who…/lifecycle/verify`. */
  request: string;
  state: 'running' | 'ok' | 'failed' | 'skipped';
  /** HTTP status of Okta's answer; absent when there was none. */
  status?: number;
  /** Okta's answer in short: the hook's state, or errorCode, errorSummary and causes. */
  answer?: string;
  errorCode?: string;
  /** Verify: the challenge request the receiver answered during this step. */
  exchangeId?: string;
  ms?: number;
}

export interface HookRun {
  id: string;
  action: 'point' | 'retarget' | 'deactivate' | 'delete' | 'filter';
  hookId: string | null;
  hookName: string;
  /** The hook URL the run points the hook at. */
  url: string | null;
  startedAt: number;
  finishedAt: number | null;
  outcome: 'running' | 'ok' | 'failed';
  steps: HookRunStep[];
}

/** Tracked hooks that still point at another URL than the current public one. */
export interface UrlChange {
  to: string;
  hooks: { id: string; name: string; uri: string }[];
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Epoch ms. */
  resetAt: number;
}

export interface PollStatus {
  state: 'stopped' | 'polling' | 'waiting' | 'rate-limited' | 'backing-off';
  lastPolledAt: number | null;
  nextPollAt: number | null;
  /** System Log events kept in memory. */
  events: number;
  /** Start of the window fetched (ISO-8601). */
  since: string | null;
  rateLimit: RateLimitState | null;
  /** `hooks`: Okta filters for the tracked hooks; `all`: Okta refused that filter, we filter here. */
  filter: 'hooks' | 'all';
  error: string | null;
}

/** What became of an event Okta meant to deliver to a tracked hook. */
export type DeliveryStatus = 'received' | 'refused' | 'failed' | 'pending' | 'missing';

export type DeliveryCounts = Record<DeliveryStatus, number>;

export interface OktaState {
  connection: OktaConnection;
  /** A key pair generated for a service app, kept in memory until a connection uses it. */
  pendingKey: PendingKey | null;
  publicUrl: PublicHookUrl;
  /** Update and re-verify tracked hooks by itself when the public URL changes. */
  autoRetarget: boolean;
  hooks: OktaHook[];
  hooksAt: number | null;
  /** Most recent first. */
  runs: HookRun[];
  urlChange: UrlChange | null;
  poll: PollStatus;
  /** `version` changes whenever the correlation may have changed; fetch the report then. */
  deliveries: { version: number; counts: DeliveryCounts };
}

/** Okta's record of a failed delivery (`event_hook.delivery`, https://developer.okta.com/docs/concepts/event-hooks/#debugging). */
export interface DeliveryFailure {
  logUuid: string;
  published: string;
  /** The followed hook it names; null when it names none. */
  hookId: string | null;
  reason: string | null;
  /**
   * `exact`: the record names the event; `by-time`: the record names only the hook, and this is
   * the nearest earlier event of that hook not accepted here; `none`: no event could be tied.
   */
  match: 'exact' | 'by-time' | 'none';
  /** Why no event could be tied to it, in a sentence; null when one was. */
  untied: string | null;
}

/** A delivery that arrived here carrying the event. */
export interface DeliveryCapture {
  exchangeId: string;
  status: number;
  durationMs: number;
  receivedAt: number;
}

export interface DeliveryRecord {
  uuid: string;
  eventType: string;
  published: string;
  displayMessage: string;
  /** Tracked hooks the event was configured for (`debugData.targetEventHookIds`). */
  hookIds: string[];
  status: DeliveryStatus;
  captures: DeliveryCapture[];
  /** Exchanges rebuilt from this System Log record and sent again. */
  resentAs: string[];
  failure: DeliveryFailure | null;
  /** What the event filter of the first of its hooks that filters this type makes of it. */
  filter: DeliveryFilterCheck | null;
}

/**
 * A hook's event filter beside what Okta did: `sent-though-dropped` when Okta sent an event the
 * filter drops, `missing-though-passed` when it passes one that never arrived. Only events
 * published since the hook last changed are compared (the filter may be newer than the event).
 */
export interface DeliveryFilterCheck {
  hookId: string;
  verdict: Verdict;
  /** What decided it, in words. */
  because: string;
  /** Published after the hook (and so its filter) last changed. */
  inPlace: boolean;
  mismatch: 'sent-though-dropped' | 'missing-though-passed' | null;
}

/** One `event_hook.verified` attempt (written for every attempt, https://developer.okta.com/docs/reference/api/event-types/?q=event_hook.verified). */
export interface VerificationRecord {
  logUuid: string;
  hookId: string | null;
  published: string;
  result: string;
  reason: string | null;
}

export interface DeliveryReport {
  polledAt: number | null;
  since: string | null;
  /** Newest first. */
  records: DeliveryRecord[];
  total: number;
  verifications: VerificationRecord[];
  /** Failure records of tracked hooks that no fetched event could be tied to. */
  unmatchedFailures: DeliveryFailure[];
}

/** Okta's account of one captured exchange. */
export interface ExchangeOktaRecord {
  polledAt: number | null;
  /** Why there is nothing to compare (not connected, a sample, not a delivery). */
  note: string | null;
  /** Per event of the exchange; null where the System Log fetched so far has no such event. */
  events: { uuid: string; record: DeliveryRecord | null }[];
  /** Verification requests: Okta's log of the attempt made at that time. */
  verification: VerificationRecord | null;
}
