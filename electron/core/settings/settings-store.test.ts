import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger, type SecretVault } from '../deps';
import { makeTempDir, startTestCore } from '../../../test-support/engine/core-fixture';
import { send } from '../../../test-support/engine/http-client';
import { lockDataDir } from '../store/data-dir-lock';
import { openSecretVault } from './secret-vault';
import { SettingsStore, type SettingsOverrides } from './settings-store';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));
const tempDir = async () => {
  const dir = await makeTempDir('ohi-settings-');
  dirs.push(dir);
  return dir;
};

/** The settings of a data folder, as a start with these command-line options opens them. */
const openWith = (dataDir: string, vault: SecretVault, overrides?: SettingsOverrides) =>
  SettingsStore.open({ dataDir, vault, logger: silentLogger, ...(overrides ? { overrides } : {}) });

describe('SettingsStore', () => {
  it('starts from defaults, persists changes, and keeps the secret out of settings.json', async () => {
    const dataDir = await tempDir();
    const vault = await openSecretVault(dataDir, silentLogger);
    const settings = await SettingsStore.open({ dataDir, vault, logger: silentLogger });
    expect(settings.view()).toMatchObject({
      port: 8787,
      hookPath: '/okta/event-hook',
      secret: { configured: false },
    });
    await settings.update({ hookPath: '/hooks/okta', secret: 'Basic c2VjcmV0' });
    const reopened = await SettingsStore.open({ dataDir, vault, logger: silentLogger });
    expect(reopened.current().hookPath).toBe('/hooks/okta');
    expect(reopened.secret()).toBe('Basic c2VjcmV0');
    expect(reopened.view().secret).toEqual({ configured: true, masked: 'Basic ••••••••' });
    expect(await readFile(path.join(dataDir, 'settings.json'), 'utf8')).not.toContain('c2VjcmV0');
    expect((await stat(path.join(dataDir, 'secrets.json'))).mode & 0o777).toBe(0o600);
  });

  it('applies command-line overrides for the run without writing them', async () => {
    const dataDir = await tempDir();
    const vault = await openSecretVault(dataDir, silentLogger);
    const settings = await openWith(dataDir, vault, { port: 0, secret: 'cli' });
    expect(settings.current().port).toBe(0);
    expect(settings.secret()).toBe('cli');
    const next = await openWith(dataDir, vault);
    expect(next.current().port).toBe(8787);
    expect(next.secret()).toBeNull();
  });

  it('keeps a command-line override out of settings.json when the form is saved with it unchanged', async () => {
    const dataDir = await tempDir();
    const vault = await openSecretVault(dataDir, silentLogger);
    const settings = await openWith(dataDir, vault, { port: 0 });
    // The Settings form sends every field back, the port it was shown (the override) among them.
    await settings.update({ ...settings.current(), hookPath: '/okta/other' });
    expect(settings.current().port).toBe(0);
    const next = await openWith(dataDir, vault);
    expect(next.current()).toMatchObject({ port: 8787, hookPath: '/okta/other' });
    // Changed in the UI, it is the user's setting: saved, and no longer overridden.
    await settings.update({ ...settings.current(), port: 9000 });
    expect((await openWith(dataDir, vault)).current().port).toBe(9000);
  });

  it('falls back to defaults when settings.json is damaged', async () => {
    const dataDir = await tempDir();
    await writeFile(path.join(dataDir, 'settings.json'), '{"port": "eighty"');
    const settings = await SettingsStore.open({
      dataDir,
      vault: await openSecretVault(dataDir, silentLogger),
      logger: silentLogger,
    });
    expect(settings.current().port).toBe(8787);
  });
});

describe('settings.update on a running engine', () => {
  it('moves the receiver to a new path at once', async () => {
    const t = await startTestCore();
    try {
      await t.call('settings.update', { hookPath: '/hooks/okta' });
      const url = t.core.status().receiver.hookUrl!;
      expect(url).toMatch(/\/hooks\/okta$/);
      expect((await send(url, { headers: [['X-Okta-Verification-Challenge', 'c']] })).status).toBe(200);
      const invalid = await t.core.dispatch('settings.update', { hookPath: 'no-slash' });
      expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    } finally {
      await t.stop();
    }
  });

  it('reports a port in use in the status instead of failing', async () => {
    const first = await startTestCore();
    const busyPort = Number(new URL(first.hookUrl).port);
    const second = await startTestCore();
    try {
      await second.call('settings.update', { port: busyPort });
      expect(second.core.status().receiver).toMatchObject({
        listening: false,
        error: expect.stringMatching(`Port ${busyPort} is already in use`),
      });
    } finally {
      await second.stop();
      await first.stop();
    }
  });
});

describe('data folder lock', () => {
  it('refuses a second live owner and takes over a stale lock', async () => {
    const dataDir = await tempDir();
    await writeFile(path.join(dataDir, 'inspector.lock'), String(process.ppid));
    await expect(lockDataDir(dataDir)).rejects.toThrow(/Another Okta Hook Inspector/);
    await writeFile(path.join(dataDir, 'inspector.lock'), '999999999');
    const lock = await lockDataDir(dataDir);
    await lock.release();
  });
});
