import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Exchange, ExchangeSummary } from '../../../shared/model/exchange';
import { startTestCore, type TestCore } from '../testing/core-fixture';
import { deliver } from '../testing/http-client';
import { payloadText } from '../testing/payloads';
import { mountSmallDisk } from '../testing/tmpfs';

const BATCH = payloadText('02-batch-mixed-3-events.json');
/** The same delivery with a distinct eventId, so what was stored can be matched to what was sent. */
const numbered = (n: number) => BATCH.replace(/"eventId":\s*"/, `"eventId": "n${n}-`);

const disk = await mountSmallDisk(512 * 1024);
afterAll(async () => disk?.unmount());

const eventIds = async (t: TestCore) => {
  const { items } = await t.call<{ items: ExchangeSummary[] }>('exchanges.list', { limit: 5000 });
  const full = await Promise.all(items.map((s) => t.call<Exchange>('exchanges.get', { id: s.id })));
  return new Set(full.map((e) => e.okta.eventId));
};

/**
 * The promise of storage-faults.test.ts on a real file system that fills up under the running
 * engine. (Linux refuses to remount a file system read-only while a file on it is open for
 * writing, so EROFS under a running engine is covered by the injected faults only.) Mounting
 * needs root with CAP_SYS_ADMIN (CI has it); without it this is reported as skipped.
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

    await rm(ballast);
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
});
