import { describe, expect, it } from 'vitest';
import { membership, profileUpdate } from '../../../test-support/shared/filter-events';
import { complete } from './el-complete';
import { buildCatalog } from './field-catalog';

const catalog = buildCatalog('group.user_membership.add', [
  membership('Sales'),
  membership('Sales'),
  membership('Support'),
  membership('Sales', { outcome: { result: 'SUCCESS', reason: 'INVALID' } }),
]);

/** Labels offered at the `|` in `text`, and what the first one makes of it. */
function at(text: string) {
  const caret = text.indexOf('|');
  const source = text.replace('|', '');
  const found = complete(source, caret, catalog);
  const first = found.items[0];
  const applied = first
    ? source.slice(0, found.span.start) + first.insert + source.slice(found.span.end)
    : source;
  return { labels: found.items.map((item) => item.label), applied, items: found.items };
}

describe('completion of the fields captured events have', () => {
  it('offers event and a target snippet built from captured values at the start', () => {
    const { labels, items } = at('|');
    expect(labels).toEqual(['event', 'event.target.?[…].size() > 0']);
    expect(items[1]?.insert).toBe("event.target.?[type eq 'User' && displayName eq 'Sam Okafor'].size() > 0");
  });

  it('offers the documented fields after event., with how often captured events had them', () => {
    const { labels, items } = at('event.|');
    expect(labels).toEqual(['eventType', 'outcome', 'actor', 'debugData', 'target']);
    expect(items[0]?.detail).toBe('in 4 of 4 captured events');
    expect(at('event.outcome.re|').items).toEqual([
      { label: 'result', insert: 'result', detail: 'in 4 of 4 captured events', kind: 'field' },
      { label: 'reason', insert: 'reason', detail: 'in 1 of 4 captured events', kind: 'field' },
    ]);
    expect(at('event.debugData.|').items[0]?.detail).toBe('in 0 of 4 captured events');
    expect(at('event.tar|').applied).toBe('event.target.?[');
  });

  it("offers a target's fields inside ?[ and values of the named type inside a string", () => {
    expect(at('event.target.?[|').labels).toEqual(['id', 'type', 'alternateId', 'displayName']);
    expect(at("event.target.?[type eq '|").labels).toEqual(['User', 'UserGroup']);
    expect(
      at("event.target.?[type eq 'UserGroup' && displayName eq 'S|").items.map((i) => [i.label, i.detail]),
    ).toEqual([
      ['Sales', '3×'],
      ['Support', '1×'],
    ]);
    expect(at("event.target.?[type eq 'UserGroup' && displayName eq '|").applied).toBe(
      "event.target.?[type eq 'UserGroup' && displayName eq 'Sales'",
    );
  });

  it('offers values of event fields after eq and inside contains(', () => {
    expect(at("event.outcome.result eq '|").labels).toEqual(['SUCCESS']);
    expect(at("event.outcome.reason.contains('|").labels).toEqual(['INVALID']);
  });

  it('offers size() after a selection, operators after a value, and nothing inside a word it cannot place', () => {
    expect(at("event.target.?[type eq 'User'].|").labels).toEqual(['size()']);
    expect(at('event.outcome.result |').labels).toEqual(['eq', 'ne']);
    expect(at("event.target.?[type eq 'User'].size() |").labels).toEqual(['>', '==']);
    expect(at("event.outcome.result eq 'X' |").labels).toEqual(['&&', '||']);
    expect(at('user.|').labels).toEqual([]);
    expect(at('event.actor.id ~|').labels).toEqual([]);
  });
});

describe('the field catalog', () => {
  it('counts present fields and their most frequent values, targets by type', () => {
    const built = buildCatalog('user.account.update_profile', [
      profileUpdate('email'),
      profileUpdate(undefined),
    ]);
    expect(built.fields.find((f) => f.path === 'debugData.changedAttributes')).toEqual({
      path: 'debugData.changedAttributes',
      present: 1,
      values: [{ value: 'email', count: 1 }],
    });
    expect(catalog.targets.map((t) => [t.type, t.events])).toEqual([
      ['User', 4],
      ['UserGroup', 4],
    ]);
  });
});
