import type { ExchangeSummary } from '../../shared/model/exchange';

/** A plausible delivery summary for tests; override what the test is about. */
export const makeSummary = (seq: number, overrides: Partial<ExchangeSummary> = {}): ExchangeSummary => ({
  id: `id-${seq}`,
  seq,
  kind: 'delivery',
  origin: 'live',
  receivedAt: seq,
  method: 'POST',
  path: '/okta/event-hook',
  status: 204,
  durationMs: 1,
  auth: 'ok',
  eventTypes: ['user.session.start'],
  eventCount: 1,
  problemCount: 0,
  size: 10,
  repeat: false,
  repeatedEvents: 0,
  outOfOrderEvents: 0,
  pinned: false,
  ...overrides,
});
