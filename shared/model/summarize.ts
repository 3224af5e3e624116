import type { Exchange, ExchangeSummary } from './exchange';

/** The list row of an exchange: what the UI needs without fetching the bodies. */
export const summarize = (exchange: Exchange, pinned = false): ExchangeSummary => {
  const summary: ExchangeSummary = {
    id: exchange.id,
    seq: exchange.seq,
    kind: exchange.kind,
    origin: exchange.origin,
    receivedAt: exchange.receivedAt,
    method: exchange.request.method,
    path: exchange.request.path,
    status: exchange.response.status,
    durationMs: exchange.timing.durationMs,
    auth: exchange.auth.result,
    eventTypes: exchange.inline?.request.eventType
      ? [exchange.inline.request.eventType]
      : [...new Set(exchange.okta.events.map((event) => event.eventType))],
    eventCount: exchange.okta.events.length,
    problemCount: exchange.problems.length,
    size: exchange.request.body.size,
    repeat: exchange.sightings?.repeatOf !== undefined,
    repeatedEvents: exchange.sightings?.repeatedEvents.length ?? 0,
    outOfOrderEvents: exchange.sightings?.outOfOrder.length ?? 0,
    pinned,
  };
  if (exchange.okta.eventId !== undefined) summary.eventId = exchange.okta.eventId;
  if (exchange.okta.hookId !== undefined) summary.hookId = exchange.okta.hookId;
  if (exchange.verificationProblem !== undefined) summary.verificationProblem = exchange.verificationProblem;
  if (exchange.forward) summary.forwardedTo = exchange.forward.url;
  if (exchange.forward?.error) summary.forwardError = exchange.forward.error.cause;
  if (exchange.replayOf !== undefined) summary.replayOf = exchange.replayOf;
  if (exchange.inline)
    summary.inline = { type: exchange.inline.request.type, outcome: exchange.inline.verdict.outcome };
  return summary;
};
