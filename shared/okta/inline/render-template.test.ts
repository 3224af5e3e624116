import { describe, expect, it } from 'vitest';
import { INLINE_TYPES } from './catalog';
import { decodeInlineRequest } from './decode-request';
import { DEFAULT_TEMPLATES } from './default-templates';
import { renderTemplate } from './render-template';
import { buildInlineSample } from './sample-requests';
import { judgeAnswer } from './verdict';

const ctx = { now: Date.UTC(2026, 10, 20, 9), randomId: (n: number) => 'a'.repeat(n) };

describe('renderTemplate', () => {
  const request = { eventId: 'E1', data: { userProfile: { login: 'a"b\\c}{{x}}', count: 3 } } };

  it('escapes values inside strings and writes JSON values elsewhere', () => {
    const rendered = renderTemplate(
      '{"login":"pre-{{login}}","n":{{data.userProfile.count}},"obj":{{data.userProfile}},"id":"{{ eventId }}"}',
      'registration',
      request,
    );
    expect(JSON.parse(rendered.text)).toEqual({
      login: 'pre-a"b\\c}{{x}}',
      n: 3,
      obj: request.data.userProfile,
      id: 'E1',
    });
    expect(rendered.missing).toEqual([]);
  });

  it('a request value cannot change the answer’s structure', () => {
    const hostile = { data: { userProfile: { login: '", "commands": [], "x": "' } } };
    const rendered = renderTemplate('{"a":"{{login}}","b":{{login}}}', 'registration', hostile);
    expect(Object.keys(JSON.parse(rendered.text) as object)).toEqual(['a', 'b']);
  });

  it('leaves escaped quotes inside strings alone and reports missing variables', () => {
    const rendered = renderTemplate('{"a":"say \\"{{nope}}\\"","b":{{nope}}}', 'token', {});
    expect(JSON.parse(rendered.text)).toEqual({ a: 'say ""', b: null });
    expect(rendered.missing).toEqual(['nope', 'nope']);
  });

  it('does not offer the imported password', () => {
    const sample = buildInlineSample('password-import', ctx);
    const rendered = renderTemplate('"{{data.context.credential.password}}"', 'password-import', sample);
    expect(rendered.text).toBe('""');
  });
});

describe('samples and default templates', () => {
  it.each(INLINE_TYPES.map((info) => info.type))(
    '%s: the sample decodes cleanly and its default answer is applied',
    (type) => {
      const sample = buildInlineSample(type, ctx);
      const { decoded, problems } = decodeInlineRequest(
        type === 'progressive-profile' ? 'registration' : type,
        JSON.stringify(sample),
      );
      expect(problems).toEqual([]);
      expect(decoded.type).toBe(type);
      const { text, missing } = renderTemplate(DEFAULT_TEMPLATES[type], type, sample);
      expect(missing).toEqual([]);
      const verdict = judgeAnswer({
        type,
        request: sample,
        status: 200,
        contentType: 'application/json',
        body: text,
        size: text.length,
      });
      expect(verdict.findings).toEqual([]);
      expect(verdict.outcome).toBe('applied');
    },
  );
});
