import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, makeTempDir, type TestCore } from '../../../test-support/engine/core-fixture';
import { deliver, send } from '../../../test-support/engine/http-client';
import { payloadText } from '../../../test-support/engine/payloads';
import { historyPaths } from './history';
import { FRAME_HEADER, frameLengths } from './records/record-frame';
import type { WriteFault } from './records/record-log';

const SECRET = 'Basic c3RvcmFnZTpmYXVsdHM=';
const auth: [string, string][] = [['Authorization', SECRET]];

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/**
 * A disk that fails every write while `failing` is set, after writing half of it; with
 * `truncateFails`, cutting the torn half back fails too.
 */
function faultyDisk() {
  const disk: { failing: string | null; truncateFails: boolean; fault: WriteFault } = {
    failing: null,
    truncateFails: false,
    fault: (operation, length) => {
      if (disk.failing === null || (operation === 'truncate' && !disk.truncateFails)) return undefined;
      return { partial: Math.floor(length / 2), error: errno(disk.failing) };
    },
  };
  return disk;
}

/** A data folder the test keeps across restarts; removed after the test. */
const tempDir = async () => {
  const dir = await makeTempDir();
  dirs.push(dir);
  return dir;
};

const running: TestCore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((t) => t.stop()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function start(options: Parameters<typeof startTestCore>[0] = {}) {
  const t = await startTestCore({ overrides: { secret: SECRET }, ...options });
  running.push(t);
  return t;
}

const storage = (t: TestCore) => t.core.status().storage;
const statusPushes = (t: TestCore) =>
  t.pushes.flatMap((p) => (p.name === 'status.changed' ? [p.payload.storage.error] : []));

/** Every segment is a sequence of whole records: no torn write was left behind. */
async function expectWholeRecords(dataDir: string) {
  const dir = historyPaths(dataDir).records;
  for (const name of await readdir(dir)) {
    const bytes = await readFile(path.join(dir, name));
    let offset = 0;
    while (offset < bytes.length) {
      const lengths = frameLengths(bytes, offset);
      expect(lengths).not.toBeNull();
      const end = offset + FRAME_HEADER + (lengths?.json ?? 0);
      expect(() => void JSON.parse(bytes.toString('utf8', offset + FRAME_HEADER, end))).not.toThrow();
      offset = end + (lengths?.bodies ?? 0);
    }
    expect(offset).toBe(bytes.length);
  }
}

describe('when the capture log cannot be written', () => {
  it('answers 503 (Okta retries), says why in one sentence, stores nothing torn, and recovers', async () => {
    const disk = faultyDisk();
    const dataDir = await tempDir();
    const t = await start({ dataDir, writeFault: disk.fault });
    expect((await deliver(t.hookUrl, payloadText('01-user-session-start.json'), auth)).status).toBe(204);

    disk.failing = 'ENOSPC';
    const refused = await deliver(t.hookUrl, payloadText('02-batch-mixed-3-events.json'), auth);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    const verify = await send(t.hookUrl, { headers: [['X-Okta-Verification-Challenge', 'c'], ...auth] });
    expect(verify.status).toBe(503);
    expect(storage(t)).toMatchObject({ writable: false, count: 1 });
    expect(storage(t).error).toBe('The disk is full: deliveries are answered 503 so that Okta retries.');
    expect(statusPushes(t)).toContain(storage(t).error);
    await expectWholeRecords(dataDir);

    disk.failing = null;
    expect(
      (await deliver(t.hookUrl, payloadText('03-outcome-failure-user-session-start.json'), auth)).status,
    ).toBe(204);
    expect(storage(t)).toMatchObject({ writable: true, error: null, count: 2 });
    expect(statusPushes(t).at(-1)).toBeNull();

    await t.core.stop();
    running.splice(running.indexOf(t), 1);
    const reopened = await start({ dataDir });
    expect(storage(reopened).count).toBe(2);
    await expectWholeRecords(dataDir);
  });

  it('starts on a folder it cannot write, says why at once, shows the history, and recovers', async () => {
    const dataDir = await tempDir();
    const first = await start({ dataDir });
    expect((await deliver(first.hookUrl, payloadText('01-user-session-start.json'), auth)).status).toBe(204);
    await first.core.stop();
    running.splice(running.indexOf(first), 1);

    const disk = faultyDisk();
    disk.failing = 'EROFS';
    const t = await start({ dataDir, writeFault: disk.fault });
    expect(storage(t)).toMatchObject({
      writable: false,
      count: 1,
      error: 'The data folder cannot be written: deliveries are answered 503 so that Okta retries.',
    });
    expect((await deliver(t.hookUrl, payloadText('01-user-session-start.json'), auth)).status).toBe(503);
    disk.failing = null;
    expect((await deliver(t.hookUrl, payloadText('01-user-session-start.json'), auth)).status).toBe(204);
    expect(storage(t)).toMatchObject({ writable: true, count: 2, error: null });
  });

  it('cuts off a torn write it could not remove at once before writing again', async () => {
    const disk = faultyDisk();
    const dataDir = await tempDir();
    const t = await start({ dataDir, writeFault: disk.fault });
    Object.assign(disk, { failing: 'EIO', truncateFails: true });
    expect((await deliver(t.hookUrl, payloadText('01-user-session-start.json'), auth)).status).toBe(503);
    Object.assign(disk, { failing: null, truncateFails: false });
    expect((await deliver(t.hookUrl, payloadText('02-batch-mixed-3-events.json'), auth)).status).toBe(204);
    await expectWholeRecords(dataDir);
    const [summary] = (await t.call('exchanges.list', {})).items;
    expect((await t.call('exchanges.get', { id: summary!.id })).okta.events).toHaveLength(3);
  });

  it.each([
    ['EROFS', 'The data folder cannot be written: deliveries are answered 503 so that Okta retries.'],
    ['EACCES', 'The data folder cannot be written: deliveries are answered 503 so that Okta retries.'],
    ['EIO', 'Storing failed (EIO: simulated): deliveries are answered 503 so that Okta retries.'],
  ])('reports %s to the UI as one sentence and never answers 2xx meanwhile', async (code, sentence) => {
    const disk = faultyDisk();
    const t = await start({ writeFault: disk.fault });
    disk.failing = code;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => deliver(t.hookUrl, payloadText('01-user-session-start.json'), auth)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 503));
    expect(storage(t)).toMatchObject({ writable: false, count: 0, error: sentence });
  });
});
