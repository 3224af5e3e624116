import type { ServerOptions } from 'node:http';

/**
 * How much time and memory one client may take from the receiver. Okta's traffic reaches us
 * through a tunnel agent on this machine, which forwards each request whole and at once, so
 * anything slower or bigger than these bounds is broken or hostile. docs/using-with-okta.md ("Receiver limits") explains each.
 */
export interface ReceiverLimits {
  /** From the first byte of a request (or of a new connection) until its headers are complete. */
  headersTimeoutMs: number;
  /** Until the whole request, body included, has arrived. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection is kept open. */
  keepAliveTimeoutMs: number;
  /** How often Node checks the two timeouts above; the granularity of both. */
  timeoutCheckIntervalMs: number;
  /** Request line plus all headers, in bytes. */
  maxHeaderBytes: number;
  /** Open connections; past this, new ones are closed at once. */
  maxConnections: number;
  /** Request body bytes buffered at once across all requests (never less than the body limit). */
  bodyBudgetBytes: number;
}

export const RECEIVER_LIMITS: ReceiverLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 95_000,
  timeoutCheckIntervalMs: 1_000,
  maxHeaderBytes: 32 * 1024,
  maxConnections: 8_192,
  bodyBudgetBytes: 256 * 1024 * 1024,
};

/**
 * What is kept of the body of a request that failed the secret check: enough to show what was
 * sent, never decoded. Its record then costs about what the request did, however it was built.
 */
export const REFUSED_BODY_BYTES = 64 * 1024;

export function serverOptions(limits: ReceiverLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
    maxHeaderSize: limits.maxHeaderBytes,
    // Okta's answer must not wait for Nagle's algorithm to coalesce a tiny 204.
    noDelay: true,
  };
}
