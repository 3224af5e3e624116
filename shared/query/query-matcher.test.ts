import { describe, expect, it } from 'vitest';
import type { ExchangeSummary } from '../model/exchange';
import { makeSummary } from '../../test-support/shared/make-summary';
import { compileQuery, typeMatcher } from './query-matcher';
import { parseQuery } from './query-parser';

const NOW = new Date(2026, 4, 1, 12, 0, 0).getTime();

const matches = (query: string, summary: ExchangeSummary) =>
  compileQuery(parseQuery(query), NOW).matchesSummary(summary);

const delivery = (overrides: Partial<ExchangeSummary> = {}) =>
  makeSummary(1, { receivedAt: NOW - 60_000, ...overrides });

describe('compileQuery', () => {
  it('matches event types exactly or with a wildcard', () => {
    const summary = delivery({ eventTypes: ['user.session.start', 'group.user_membership.add'] });
    expect(matches('type:user.session.start', summary)).toBe(true);
    expect(matches('type:group.*', summary)).toBe(true);
    expect(matches('type:user.session.st', summary)).toBe(false);
    expect(matches('-type:user.*', summary)).toBe(false);
  });

  it('matches a branch of dotted names: a type and every type under it', () => {
    const summary = delivery({ eventTypes: ['user.session.start'] });
    expect(matches('type:user.session', summary)).toBe(true);
    expect(matches('type:User.Session.', summary)).toBe(true);
    expect(matches('type:user', summary)).toBe(true);
    expect(matches('type:user.sess', summary)).toBe(false);
    expect(matches('type:user.session.start.x', summary)).toBe(false);
    expect(matches('-type:user.session', summary)).toBe(false);
    expect(matches('type:*.session', summary)).toBe(true);
    expect(matches('type:user.session', delivery({ eventTypes: ['user.sessions.start'] }))).toBe(false);
  });

  it('matches status classes, codes and no answer', () => {
    expect(matches('status:2xx', delivery({ status: 204 }))).toBe(true);
    expect(matches('status:4xx', delivery({ status: 204 }))).toBe(false);
    expect(matches('status:401,503', delivery({ status: 503 }))).toBe(true);
    expect(matches('status:none', delivery({ status: 0 }))).toBe(true);
  });

  it("matches Okta's next move as the list shows it", () => {
    expect(matches('next:accepted', delivery())).toBe(true);
    expect(matches('next:will-retry', delivery({ status: 500 }))).toBe(true);
    expect(matches('next:lost', delivery({ status: 500, repeat: true }))).toBe(true);
    expect(matches('next:lost', delivery({ status: 400 }))).toBe(true);
    expect(matches('next:timed-out', delivery({ durationMs: 3500 }))).toBe(true);
    expect(matches('next:verified', delivery({ kind: 'verification', verificationProblem: null }))).toBe(
      true,
    );
    const refused = delivery({
      kind: 'verification',
      status: 401,
      verificationProblem: 'the auth check rejected it',
    });
    expect(matches('next:not-verified', refused)).toBe(true);
  });

  it('matches flags, problems, origin, auth, kind and hook', () => {
    const summary = delivery({
      repeat: true,
      problemCount: 2,
      origin: 'imported',
      auth: 'mismatch',
      hookId: 'who1AbC',
      pinned: true,
    });
    for (const query of [
      'is:redelivery',
      'has:problems',
      'origin:imported',
      'auth:mismatch',
      'hook:WHO1abc',
      'is:pinned',
    ]) {
      expect(matches(query, summary), query).toBe(true);
    }
    expect(matches('is:dup', summary)).toBe(false);
    expect(matches('is:out-of-order', delivery({ outOfOrderEvents: 1 }))).toBe(true);
    expect(matches('kind:verification', summary)).toBe(false);
  });

  it('matches time windows and durations, relative times against now', () => {
    const summary = delivery({ receivedAt: NOW - 30 * 60_000, durationMs: 4200 });
    expect(matches('after:1h', summary)).toBe(true);
    expect(matches('after:15m', summary)).toBe(false);
    expect(matches('after:11:00 before:11:45', summary)).toBe(true);
    expect(matches('duration:>3s', summary)).toBe(true);
    expect(matches('duration:<100ms', summary)).toBe(false);
  });

  it('ANDs terms, ignores problems and leaves free text and saved filters to the engine', () => {
    const compiled = compileQuery(parseQuery('status:2xx status:bad alice -bob filter:sales -filter:x'), NOW);
    expect(compiled.matchesSummary(delivery())).toBe(true);
    expect(compiled.texts).toEqual([
      { text: 'alice', negated: false },
      { text: 'bob', negated: true },
    ]);
    expect(compiled.matchesAll).toBe(false);
    expect(compileQuery(parseQuery(''), NOW).matchesAll).toBe(true);
  });

  it('says which later changes can change a match, and the time window', () => {
    const compiled = compileQuery(parseQuery('next:timed-out is:pinned after:2h before:1h'), NOW);
    expect(compiled.dependsOn).toEqual({ timing: true, pins: true });
    expect(compiled.window).toEqual({ from: NOW - 7_200_000, to: NOW - 3_600_000 });
  });

  it('tells which event types a query asks for, negated ones aside', () => {
    const asked = typeMatcher(parseQuery('type:group.*,user.account.lock -type:user.session.start'));
    expect(
      ['group.user_membership.add', 'user.account.lock', 'user.session.start'].map((t) => asked?.(t)),
    ).toEqual([true, true, false]);
    expect(typeMatcher(parseQuery('status:2xx maria'))).toBeNull();
  });
});
