import { describe, expect, it } from 'vitest';
import { settingsErrorText } from './settings-draft';

describe('a rejected save in Settings', () => {
  it('names the field by its label, not by its key in the patch', () => {
    const message = '✖ must start with / and contain no spaces, ? or #\n  → at hookPath';
    expect(settingsErrorText(message)).toBe('Hook path: must start with / and contain no spaces, ? or #');
  });

  it('names every field at fault, a nested or listed one by its label too', () => {
    const message = [
      '✖ must be an http:// or https:// URL',
      '  → at forward.target',
      '✖ not a valid HTTP header name',
      '  → at requiredHeaders[0].name',
    ].join('\n');
    expect(settingsErrorText(message)).toBe(
      'Forward to your handler: must be an http:// or https:// URL\n' +
        'Custom headers Okta must send: not a valid HTTP header name',
    );
  });

  it('leaves a message that names no field as it is', () => {
    expect(settingsErrorText('Port 8787 is in use by another program.')).toBe(
      'Port 8787 is in use by another program.',
    );
  });
});
