import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffHeaders } from './header-diff';
import { diffJson } from './json-diff';

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, '../okta/fixtures', name), 'utf8')) as Record<
    string,
    unknown
  >;

describe('diffJson', () => {
  it('ignores key order and finds nothing between a payload and itself reordered', () => {
    const payload = fixture('01-user-session-start.json');
    const reordered = Object.fromEntries(Object.entries(payload).reverse());
    expect(diffJson(payload, reordered)).toEqual([]);
  });

  it('lists changed, added and removed paths between two sample deliveries', () => {
    const success = fixture('01-user-session-start.json');
    const failure = fixture('03-outcome-failure-user-session-start.json');
    const changes = diffJson(success, failure);
    expect(changes).toContainEqual({
      kind: 'changed',
      path: 'data.events[0].outcome.result',
      before: 'SUCCESS',
      after: 'FAILURE',
    });
    expect(changes).toContainEqual({
      kind: 'changed',
      path: 'data.events[0].severity',
      before: 'INFO',
      after: 'WARN',
    });
    expect(changes).toContainEqual({
      kind: 'removed',
      path: 'data.events[0].target[1]',
      before: expect.objectContaining({ type: 'AppInstance' }),
    });
    expect(changes.find((c) => c.path === 'eventType')).toBeUndefined();
  });

  it('quotes keys that are not identifiers and reports added keys', () => {
    expect(diffJson({ a: 1 }, { a: 1, 'b-c': [1] })).toEqual([
      { kind: 'added', path: '["b-c"]', after: [1] },
    ]);
    expect(diffJson(1, 2)).toEqual([{ kind: 'changed', path: '(root)', before: 1, after: 2 }]);
  });
});

describe('diffHeaders', () => {
  it('compares names case-insensitively and repeated headers as lists', () => {
    expect(
      diffHeaders(
        [
          ['Content-Type', 'application/json'],
          ['X-A', '1'],
          ['X-A', '2'],
          ['X-Gone', 'x'],
        ],
        [
          ['content-type', 'application/json'],
          ['X-A', '1'],
          ['X-New', 'y'],
        ],
      ),
    ).toEqual([
      { kind: 'changed', name: 'X-A', before: '1, 2', after: '1' },
      { kind: 'removed', name: 'X-Gone', before: 'x' },
      { kind: 'added', name: 'X-New', after: 'y' },
    ]);
  });
});
