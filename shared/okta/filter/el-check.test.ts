import { describe, expect, it } from 'vitest';
import { compileFilter } from './event-filter';

const problems = (expression: string) =>
  compileFilter(expression).diagnostics.map(({ severity, span, message }) => ({
    severity,
    at: expression.slice(span.start, span.end),
    message,
  }));

describe('syntax errors, with where they are', () => {
  it.each([
    ["event.outcome.result eq 'SUCCESS", "'SUCCESS", 'This string has no closing'],
    ["(event.outcome.result eq 'SUCCESS'", '(', 'Expected ) to close'],
    ["event.target.?[type eq 'User'.size() > 0", '>', 'Expected ] to close'],
    ['event.outcome.', '.', 'Expected a name after .'],
    ["event.eventType eq 'a' eq 'b'", 'eq', 'after a complete expression'],
    ['', '', 'The expression is empty'],
    ["event.eventType eq 'a' &&", '', 'where a value was expected'],
    ["event.eventType ~ 'a'", '~', 'Unexpected character'],
    ['event.target.?[true].size() > 99999999999', '99999999999', 'too large for an int'],
    ["event.target?[type eq 'User'].size() > 0", '?[', 'after a complete expression'],
  ])('%s', (expression, at, message) => {
    const [first, ...rest] = problems(expression);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ severity: 'error', at });
    expect(first?.message).toContain(message);
  });

  it('an assignment, a value that is not true or false, a non-boolean selection condition', () => {
    expect(problems("event.eventType = 'x'")[0]).toMatchObject({ severity: 'error' });
    expect(problems('event.actor.id')[0]).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/true or false; this is text/),
    });
    expect(problems('event.target.?[type].size() > 0')[0]).toMatchObject({ severity: 'error', at: 'type' });
  });
});

describe('valid SpEL outside the documented subset cannot be checked locally', () => {
  it.each([
    ["user.login eq 'a'", 'user.login', 'not user'],
    [
      "event.client.ipAddress eq '192.0.2.1'",
      'event.client.ipAddress',
      'event.client.ipAddress is not among them',
    ],
    [
      "event.debugContext.debugData.changedAttributes eq 'email'",
      'event.debugContext.debugData.changedAttributes',
      'not among them',
    ],
    ["event.outcome.result EQ 'SUCCESS'", 'EQ', 'Okta documents == or eq'],
    ["event.outcome.result lt 'S'", 'lt', 'Okta documents <'],
    ["event.eventType eq 'a' and event.eventType eq 'b'", 'and', 'Okta documents &&'],
    ["not (event.eventType eq 'a')", "not (event.eventType eq 'a')", 'Okta documents !'],
    ["event.outcome.result matches 'S.*'", "event.outcome.result matches 'S.*'", 'matches operator'],
    ["String.stringContains(event.outcome.result, 'S')", 'String', 'not String'],
    ["event.outcome.result.toUpperCase() eq 'S'", 'event.outcome.result.toUpperCase()', '.toUpperCase()'],
    ["event.outcome?.result eq 'S'", 'event.outcome?.result', 'Safe navigation'],
    ['event.target.![type].size() > 0', 'event.target.![type]', 'Projections'],
    ["event.target[0].type eq 'User'", 'event.target[0]', 'Indexing'],
    ["event.target.^[type eq 'User'] != null", "event.target.^[type eq 'User']", 'First and last'],
    ["event.eventType eq 'a' ? true : false", "event.eventType eq 'a' ? true : false", 'Conditionals'],
    [
      "event.target.?[type eq 'User'].size() + 1 > 1",
      "event.target.?[type eq 'User'].size() + 1",
      'Arithmetic',
    ],
    ["#this.eventType eq 'a'", '#this.eventType', 'a variable'],
    ['T(java.lang.Math).random() > 0.5', 'T(java.lang.Math)', 'a type reference'],
    ["event.target.?[event.eventType eq 'a'].size() > 0", 'event.eventType', "a target's id, type"],
    ['event.target.size() > 0', 'event.target.size()', 'this is the target list'],
    ['event.target.?[true].size() > 0x10', '0x10', 'hexadecimal'],
    ['TRUE', 'TRUE', 'lower case'],
    ['event.outcome.reason eq 1', 'event.outcome.reason eq 1', 'between text and a number'],
    ['event.outcome.reason.contains(null)', 'event.outcome.reason.contains(null)', 'text and null'],
  ])('%s', (expression, at, message) => {
    const found = problems(expression);
    expect(found.some((p) => p.severity === 'unsupported')).toBe(true);
    expect(found.every((p) => p.severity === 'unsupported')).toBe(true);
    const match = found.find((p) => p.at === at);
    expect(match, JSON.stringify(found)).toBeDefined();
    expect(match?.message).toContain(message);
    expect(compileFilter(expression).evaluate({}).verdict).toBe('unknown');
  });
});

describe('limits on hostile expressions', () => {
  it('refuses nesting deeper than the parser allows, and very long expressions, as errors', () => {
    const deep = `${'('.repeat(500)}true${')'.repeat(500)}`;
    expect(problems(deep)[0]?.message).toMatch(/Nested more than/);
    expect(problems(`${'!'.repeat(500)}true`)[0]?.message).toMatch(/Nested more than/);
    expect(problems(`true${' && true'.repeat(5000)}`)[0]?.message).toMatch(/Longer than/);
  });
});
