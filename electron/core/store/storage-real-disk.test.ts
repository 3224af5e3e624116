import { appendFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../../test-support/engine/core-fixture';
import { deliver } from '../../../test-support/engine/http-client';
import { payloadText } from '../../../test-support/engine/payloads';
import { mountSmallDisk } from '../../../test-support/engine/tmpfs';
import { historyPaths } from './history';

const BATCH = payloadText('02-batch-mixed-3-events.json');
const SECRET = 'Basic cmVhbDpkaXNr';
/** The same delivery with a distinct eventId, so what was stored can be matched to what was sent. */
const numbered = (n: number) => BATCH.replace(/"eventId":\s*"/, `"eventId": "n${n}-`);

const DISK_BYTES = 512 * 1024;
const disk = await mountSmallDisk(DISK_BYTES);
afterAll(async () => disk?.unmount());
// Each test has the whole small disk: what one left behind would fill it for the next.
afterEach(async () => {
  if (!disk) return;
  await disk.setReadOnly(false);
  await disk.resize(DISK_BYTES);
  for (const name of await readdir(disk.dir))
    await rm(path.join(disk.dir, name), { recursive: true, force: true });
});

const eventIds = async (t: TestCore) => {
  const { items } = await t.call('exchanges.list', { limit: 5000 });
  const full = await Promise.all(items.map((s) => t.call('exchanges.get', { id: s.id })));
  return new Set(full.map((e) => e.okta.eventId));
};

/**
 * The promises of storage-faults.test.ts on a real file system that fills up under the running
 * engine, or is read-only when it starts. (Linux refuses to remount a file system read-only
 * while a file on it is open for writing, so EROFS in the middle of a run is covered by the
 * injected faults only.) Mounting needs root with CAP_SYS_ADMIN (CI has it); without it these
 * are reported as skipped.
 */
describe.skipIf(disk === null)('on a real disk (tmpfs)', () => {
  it('answers 503 when the disk fills, never 2xx for what was not stored, and recovers when space returns', async () => {
    const dataDir = path.join(disk!.dir, 'data');
    const ballast = path.join(disk!.dir, 'ballast');
    await writeFile(ballast, Buffer.alloc(128 * 1024));
    let t = await startTestCore({ dataDir });
    const acknowledged: number[] = [];
    let status = 204;
    for (let n = 0; n < 200 && status !== 503; n += 1) {
      status = (await deliver(t.hookUrl, numbered(n))).status;
      if (status === 204) acknowledged.push(n);
    }
    expect(status).toBe(503);
    expect(t.core.status().storage.error).toMatch(/^The disk is full: .*Okta retries\.$/);

    // Room is made: the ballast goes and the disk grows (the index takes what it could not
    // meanwhile, which on a disk this small can be more than the ballast freed).
    await rm(ballast);
    await disk!.resize(4 * DISK_BYTES);
    expect((await deliver(t.hookUrl, numbered(1000))).status).toBe(204);
    acknowledged.push(1000);
    expect(t.core.status().storage.error).toBeNull();
    await t.stop();

    t = await startTestCore({ dataDir });
    const stored = await eventIds(t);
    expect(stored.size).toBe(acknowledged.length);
    for (const n of acknowledged)
      expect(stored.has(numbered(n).match(/"eventId": "([^"]+)"/)?.[1])).toBe(true);
    await t.stop();
  });

  it('starts on a read-only file system (EROFS): history shown, 503 with the reason, 2xx once writable', async () => {
    const dataDir = path.join(disk!.dir, 'read-only');
    let t = await startTestCore({ dataDir });
    expect((await deliver(t.hookUrl, numbered(1))).status).toBe(204);
    await t.stop();
    await disk!.setReadOnly(true);
    try {
      t = await startTestCore({ dataDir });
      expect(t.core.status().storage).toMatchObject({
        writable: false,
        count: 1,
        error: 'The data folder cannot be written: deliveries are answered 503 so that Okta retries.',
      });
      expect((await deliver(t.hookUrl, numbered(2))).status).toBe(503);
    } finally {
      await disk!.setReadOnly(false);
    }
    expect((await deliver(t.hookUrl, numbered(3))).status).toBe(204);
    expect(t.core.status().storage).toMatchObject({ writable: true, error: null, count: 2 });
    await t.stop();
  });

  it('cuts a torn tail it could not cut on a read-only start before its first write', async () => {
    const dataDir = path.join(disk!.dir, 'torn');
    let t = await startTestCore({ dataDir, overrides: { secret: SECRET } });
    expect((await deliver(t.hookUrl, numbered(1), [['Authorization', SECRET]])).status).toBe(204);
    await t.stop();
    // A crash left half a record behind; it cannot be cut while the disk is read-only.
    await appendFile(
      path.join(historyPaths(dataDir).records, '00000001.rec'),
      Buffer.from('OIH2 half a record'),
    );
    await disk!.setReadOnly(true);
    t = await startTestCore({ dataDir, overrides: { secret: SECRET } });
    await disk!.setReadOnly(false);
    expect((await deliver(t.hookUrl, numbered(3), [['Authorization', SECRET]])).status).toBe(204);
    await t.stop();

    t = await startTestCore({ dataDir });
    expect([...(await eventIds(t))].map((id) => id?.slice(0, 3))).toEqual(['n3-', 'n1-']);
    const [latest] = (await t.call('exchanges.list', { limit: 1 })).items;
    const exchange = await t.call('exchanges.get', { id: latest!.id, revealSecrets: true });
    expect(exchange.request.headers).toContainEqual(['Authorization', SECRET]);
    await t.stop();
  });

  it('saves a new capture key only once it can, before the first record sealed with it', async () => {
    const dataDir = path.join(disk!.dir, 'fresh');
    await mkdir(dataDir);
    await disk!.setReadOnly(true);
    let t = await startTestCore({ dataDir, overrides: { secret: SECRET } });
    await disk!.setReadOnly(false);
    expect(t.core.status().storage.writable).toBe(false);
    expect((await deliver(t.hookUrl, numbered(1), [['Authorization', SECRET]])).status).toBe(204);
    await t.stop();

    t = await startTestCore({ dataDir });
    const [only] = (await t.call('exchanges.list', {})).items;
    const exchange = await t.call('exchanges.get', { id: only!.id, revealSecrets: true });
    expect(exchange.request.headers).toContainEqual(['Authorization', SECRET]);
    await t.stop();
  });
});
