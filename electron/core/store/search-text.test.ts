import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInlineRequest } from '../../../shared/okta/inline/decode-request';
import { draft } from '../../../test-support/engine/store-fixture';
import { searchText } from './search-text';

const exchange = (body: string, headers: [string, string][] = []) => {
  const made = { ...draft(1, { body }), seq: 1 };
  made.request.headers = headers;
  return made;
};

describe('search text', () => {
  it('holds the request line, headers, and the distinct keys and values of a JSON body', () => {
    const text = searchText(
      exchange('{"actor":{"alternateId":"Maria.Lopez@example.com"},"n":[1,2,2]}', [['X-Trace', 'abc123']]),
      'Authorization',
    );
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        'POST /okta/event-hook',
        'X-Trace: abc123',
        'Maria.Lopez@example.com',
        '1',
        '2',
        'actor',
        'alternateId',
      ]),
    );
    expect(text.split('\n').filter((line) => line === '2')).toHaveLength(1);
  });

  it('leaves out credential values, and any value sealed on disk', () => {
    const text = searchText(
      exchange('{}', [
        ['Authorization', 'Basic c2VjcmV0'],
        ['X-Copied', 'sealed:v1:AAAA'],
        ['Cookie', 'session=abc'],
      ]),
      'Authorization',
    );
    expect(text).not.toMatch(/c2VjcmV0|AAAA|session=abc/);
    expect(text.split('\n')).toEqual(expect.arrayContaining(['Authorization:', 'X-Copied:', 'Cookie:']));
  });

  it('keeps a body that is not JSON as its text', () => {
    expect(searchText(exchange('plain words here'), 'Authorization')).toContain('plain words here');
  });

  it("leaves out a password import's clear-text password, keeping the rest of its body", () => {
    const body = readFileSync(
      path.join(import.meta.dirname, '../../../shared/okta/fixtures/inline/password-import-request.json'),
      'utf8',
    );
    const call = exchange(body);
    const text = (inline: boolean) =>
      searchText(
        inline
          ? {
              ...call,
              inline: {
                request: decodeInlineRequest('password-import', body).decoded,
                answeredBy: 'template',
                verdict: { outcome: 'applied', summary: '', findings: [] },
              },
            }
          : call,
        'Authorization',
      );
    expect(text(false)).toContain('Legacy-Example-Pa55!');
    expect(text(true)).not.toContain('Legacy-Example-Pa55!');
    expect(text(true).split('\n')).toEqual(
      expect.arrayContaining(['password', 'com.okta.user.credential.password.import']),
    );
  });
});
