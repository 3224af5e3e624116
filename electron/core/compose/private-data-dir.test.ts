import { chmod, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, startTestCore, type TestCore } from '../../../test-support/engine/core-fixture';
import { send } from '../../../test-support/engine/http-client';
import { payloadText } from '../../../test-support/engine/payloads';

/** Every entry under `dir`, itself included, as "name: mode" in octal with a / after folders. */
async function modes(dir: string): Promise<string[]> {
  const found: string[] = [];
  const note = async (full: string) => {
    const info = await stat(full);
    const name = path.relative(dir, full) || '.';
    found.push(`${name}${info.isDirectory() ? '/' : ''}: ${(info.mode & 0o777).toString(8)}`);
    if (info.isDirectory()) {
      for (const entry of await readdir(full)) await note(path.join(full, entry));
    }
  };
  await note(dir);
  return found;
}

const privately = (entry: string) => entry.replace(/: \d+$/, entry.includes('/:') ? ': 700' : ': 600');

describe.skipIf(process.platform === 'win32')('the data folder', () => {
  let t: TestCore | undefined;
  afterEach(async () => t?.stop());

  it('is kept from other local users: the folder 0700, its files 0600, older ones fixed at start', async () => {
    const dataDir = path.join(await makeTempDir(), 'data');
    await mkdir(path.join(dataDir, 'older-store'), { recursive: true });
    await writeFile(path.join(dataDir, 'older-store', 'capture.log'), 'payloads', { mode: 0o644 });
    await writeFile(path.join(dataDir, 'settings.json'), '{}', { mode: 0o664 });
    await chmod(path.join(dataDir, 'older-store'), 0o755);
    await chmod(dataDir, 0o755);

    t = await startTestCore({ dataDir, overrides: { secret: 'Basic s3cret' } });
    const delivered = await send(t.hookUrl, {
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json'],
        ['Authorization', 'Basic s3cret'],
      ],
      body: payloadText('01-user-session-start.json'),
    });
    expect(delivered.status).toBe(204);
    await t.call('settings.update', { hookPath: '/okta/hooks' });

    const found = await modes(dataDir);
    // The store's own files are there too, whatever their names.
    expect(found.length).toBeGreaterThan(4);
    expect(found).toEqual(found.map(privately));
  });
});
