import { describe, expect, it } from 'vitest';
import { compileFilter, FilterMap } from './event-filter';
import { membership, profileUpdate, signIn, target } from '../../../test-support/shared/filter-events';

const verdict = (expression: string, event: unknown) => compileFilter(expression).evaluate(event).verdict;

/** Okta's own examples: the filtering guide, the EventHook API and the help page on EL filters. */
describe("Okta's documented filter examples", () => {
  it('the guide and API example: only users added to the Sales group', () => {
    const expression =
      "event.target.?[type eq 'UserGroup'].size()>0 && event.target.?[displayName eq 'Sales'].size()>0";
    expect(verdict(expression, membership('Sales'))).toBe('pass');
    expect(verdict(expression, membership('Support'))).toBe('drop');
  });

  it('one selection with both conditions, and specific group names or ids joined with ||', () => {
    const sales = "event.target.?[type eq 'UserGroup' && displayName eq 'Sales'].size()> 0";
    expect(verdict(sales, membership('Sales'))).toBe('pass');
    expect(verdict(sales, membership('Marketing'))).toBe('drop');
    const either = `${sales} || event.target.?[type eq 'UserGroup'  && displayName eq 'Marketing'].size()> 0`;
    expect(verdict(either, membership('Marketing'))).toBe('pass');
    expect(verdict(either, membership('Support'))).toBe('drop');
    const byId =
      "event.target.?[type eq 'UserGroup'  && id eq '00gSales000000000000'].size()> 0 || event.target.?[type eq 'UserGroup'  && id eq '032gs2nc3qy7Uy6JZfasd3'].size()> 0";
    expect(verdict(byId, membership('Sales'))).toBe('pass');
  });

  it('a specific user added to a specific group', () => {
    const expression =
      "event.target.?[type eq 'User' && id eq '00usnkgbd0FFDxYaj0h7'].size()>0 && event.target.?[type eq 'UserGroup'  && displayName eq 'Admin'].size()> 0";
    expect(verdict(expression, membership('Admin'))).toBe('pass');
    expect(verdict(expression, membership('Sales'))).toBe('drop');
  });

  it('an application by alternateId: eq is exact, so the help page’s own sample (MY COMPANY) does not match My COMPANY', () => {
    const expression =
      "event.target.?[type eq 'AppInstance' && alternateId eq 'My COMPANY Bookmark App'].size()> 0";
    const app = (alternateId: string) =>
      membership('Sales', { target: [target('AppInstance', 'Bookmark App', { alternateId })] });
    expect(verdict(expression, app('My COMPANY Bookmark App'))).toBe('pass');
    expect(verdict(expression, app('MY COMPANY Bookmark App'))).toBe('drop');
  });

  it('changed profile attributes with contains()', () => {
    const expression =
      "event.debugData.changedAttributes.contains('email') || event.debugData.changedAttributes.contains('manager') || event.debugData.changedAttributes.contains('department')";
    expect(verdict(expression, profileUpdate('email'))).toBe('pass');
    expect(verdict(expression, profileUpdate('title,manager'))).toBe('pass');
    expect(verdict(expression, profileUpdate('title'))).toBe('drop');
  });

  it("sign-in outcomes and actors, with the help page's spacing (eq'SUCCESS')", () => {
    expect(verdict("event.outcome.result eq'SUCCESS' ", signIn('SUCCESS', null))).toBe('pass');
    expect(verdict("event.outcome.result eq 'FAILURE'", signIn('SUCCESS', null))).toBe('drop');
    expect(verdict("event.actor.id eq '00usnkgbd0FFDxYaj0h7'", signIn('SUCCESS', null))).toBe('pass');
    const failedFor =
      "event.actor.alternateId eq 'myAdmin@company.com' &&\nevent.outcome.result eq 'FAILURE'";
    expect(verdict(failedFor, signIn('FAILURE', 'INVALID_CREDENTIALS'))).toBe('pass');
    expect(verdict(failedFor, signIn('FAILURE', 'INVALID_CREDENTIALS', 'someone@company.com'))).toBe('drop');
  });

  it("an MFA factor by outcome.reason.contains(…), written with the help page's space", () => {
    const expression = "event.outcome.reason.contains( 'SECURITY_QUESTION') ";
    expect(verdict(expression, signIn('SUCCESS', 'SECURITY_QUESTION'))).toBe('pass');
    expect(verdict(expression, signIn('SUCCESS', 'SMS_FACTOR'))).toBe('drop');
  });
});

describe('missing fields, nulls, empty and null targets', () => {
  it('a missing or null leaf is null: == null holds, eq text does not', () => {
    const noReason = membership('Sales', { outcome: { result: 'SUCCESS' } });
    expect(verdict('event.outcome.reason == null', noReason)).toBe('pass');
    expect(verdict("event.outcome.reason eq 'X'", noReason)).toBe('drop');
    expect(verdict('event.outcome.reason != null', signIn('FAILURE', 'LOCKED_OUT'))).toBe('pass');
    expect(verdict('null == null', noReason)).toBe('pass');
  });

  it('the string "null" is text, not null', () => {
    const textNull = signIn('SUCCESS', 'null');
    expect(verdict('event.outcome.reason == null', textNull)).toBe('drop');
    expect(verdict("event.outcome.reason eq 'null'", textNull)).toBe('pass');
  });

  it('an empty target list selects nothing; a target without displayName has null there', () => {
    const empty = membership('Sales', { target: [] });
    expect(verdict("event.target.?[type eq 'UserGroup'].size() > 0", empty)).toBe('drop');
    expect(verdict("event.target.?[type eq 'UserGroup'].size() == 0", empty)).toBe('pass');
    const unnamed = membership('Sales', { target: [{ id: '00g1', type: 'UserGroup' }] });
    expect(verdict("event.target.?[displayName eq 'Sales'].size() > 0", unnamed)).toBe('drop');
    expect(verdict('event.target.?[displayName == null].size() == 1', unnamed)).toBe('pass');
  });

  it('a null or absent target, or a null object on the way, cannot be checked: SpEL would fail there', () => {
    const result = compileFilter("event.target.?[type eq 'User'].size() > 0").evaluate(
      signIn('FAILURE', null),
    );
    expect(result.verdict).toBe('unknown');
    expect(result.because[0]?.text).toMatch(/event\.target is null/);
    expect(verdict("event.outcome.result eq 'SUCCESS'", membership('Sales', { outcome: null }))).toBe(
      'unknown',
    );
    expect(verdict("event.actor.id eq 'x'", membership('Sales', { actor: undefined }))).toBe('unknown');
    expect(
      verdict("event.target.?[type eq 'User'].size() > 0", membership('Sales', { target: [null] })),
    ).toBe('unknown');
  });

  it('a debugData key the event lacks, or contains() on null, cannot be checked', () => {
    expect(verdict("event.debugData.changedAttributes.contains('email')", profileUpdate(undefined))).toBe(
      'unknown',
    );
    expect(verdict("event.debugData.changedAttributes eq 'email'", profileUpdate(undefined))).toBe('unknown');
    expect(verdict("event.debugData.changedAttributes.contains('email')", profileUpdate(null))).toBe(
      'unknown',
    );
    expect(verdict('event.debugData.changedAttributes == null', profileUpdate(null))).toBe('pass');
  });

  it('values of a type Okta does not send there cannot be checked', () => {
    expect(verdict("event.eventType eq '1'", membership('Sales', { eventType: 1 }))).toBe('unknown');
    expect(
      verdict("event.target.?[type eq 'User'].size() > 0", membership('Sales', { target: 'User' })),
    ).toBe('unknown');
    expect(verdict("event.eventType eq 'x'", 'not an event')).toBe('unknown');
  });

  it('&& and || stop at the side that decides, as SpEL does: the other side may be uncheckable', () => {
    const noAttributes = profileUpdate(undefined);
    expect(
      verdict("event.eventType eq 'x' && event.debugData.changedAttributes.contains('a')", noAttributes),
    ).toBe('drop');
    expect(
      verdict("event.debugData.changedAttributes.contains('a') && event.eventType eq 'x'", noAttributes),
    ).toBe('unknown');
    expect(
      verdict("event.eventType != null || event.debugData.changedAttributes.contains('a')", noAttributes),
    ).toBe('pass');
  });
});

describe('strings, numbers and comparisons', () => {
  it('text compares exactly; quotes are doubled inside strings, in single or double quotes', () => {
    expect(verdict("event.target.?[displayName eq 'sales'].size() > 0", membership('Sales'))).toBe('drop');
    expect(verdict("event.target.?[displayName eq 'O''Neil'].size() > 0", membership("O'Neil"))).toBe('pass');
    expect(verdict('event.target.?[displayName == "Say ""hi"""].size() > 0', membership('Say "hi"'))).toBe(
      'pass',
    );
    expect(verdict("event.target.?[displayName eq 'a\\nb'].size() > 0", membership('a\\nb'))).toBe('pass');
  });

  it('sizes compare as numbers, ints with reals; text orders by code unit', () => {
    const event = membership('Sales');
    expect(verdict("event.target.?[type ne 'x'].size() == 2.0", event)).toBe('pass');
    expect(verdict("event.target.?[type ne 'x'].size() >= 2 && event.target.?[true].size() < 3", event)).toBe(
      'pass',
    );
    expect(verdict("event.actor.displayName < 'B'", event)).toBe('pass');
    expect(verdict("event.actor.displayName > 'a'", event)).toBe('drop');
  });

  it('ordering with null is not documented', () => {
    expect(verdict("event.outcome.reason < 'B'", membership('Sales'))).toBe('unknown');
  });

  it('! binds to the value before it is compared, as in SpEL', () => {
    expect(verdict("!(event.outcome.result eq 'FAILURE')", signIn('SUCCESS', null))).toBe('pass');
    expect(compileFilter("!event.outcome.result eq 'FAILURE'").checkable).toBe(false);
  });
});

describe('what decided it', () => {
  it('names the failing side of &&, and every side of a passing one', () => {
    const expression =
      "event.target.?[type eq 'UserGroup'].size()>0 && event.target.?[displayName eq 'Sales'].size()>0";
    const dropped = compileFilter(expression).evaluate(membership('Support'));
    expect(dropped.because).toHaveLength(1);
    expect(dropped.because[0]?.text).toBe(
      "event.target.?[displayName eq 'Sales'].size() is 0 (0 of 2 targets match)",
    );
    expect(expression.slice(dropped.because[0]?.span.start, dropped.because[0]?.span.end)).toBe(
      "event.target.?[displayName eq 'Sales'].size()>0",
    );
    const passed = compileFilter(expression).evaluate(membership('Sales'));
    expect(passed.because.map((b) => b.text)).toEqual([
      "event.target.?[type eq 'UserGroup'].size() is 1 (1 of 2 targets match)",
      "event.target.?[displayName eq 'Sales'].size() is 1 (1 of 2 targets match)",
    ]);
  });

  it('names the side of || that held, and the value a field had', () => {
    const result = compileFilter(
      "event.outcome.result eq 'SUCCESS' || event.outcome.result eq 'FAILURE'",
    ).evaluate(signIn('FAILURE', null));
    expect(result).toEqual({
      verdict: 'pass',
      because: [{ span: { start: 37, end: 70 }, text: "event.outcome.result is 'FAILURE'" }],
    });
  });
});

describe('a filter map', () => {
  it('applies each entry to events of its type and lets other types through', () => {
    const map = new FilterMap([
      {
        eventType: 'group.user_membership.add',
        expression: "event.target.?[displayName eq 'Sales'].size() > 0",
      },
    ]);
    expect(map.evaluate(membership('Support')).verdict).toBe('drop');
    expect(map.evaluate(signIn('SUCCESS', null))).toEqual({
      verdict: 'unfiltered',
      eventType: 'user.session.start',
    });
    expect(map.types).toEqual(['group.user_membership.add']);
  });
});
