import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// js-yaml ships without types; the one function used here is typed by hand.
const { load } = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };

const config = load(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as {
  electronFuses?: Record<string, unknown>;
  asar?: unknown;
};

describe('Electron fuses in electron-builder.yml', () => {
  it('sets every fuse deliberately', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar (which the integrity fuses need)', () => {
    expect(config.asar ?? true).toBe(true);
  });
});
