import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordLog } from './record-log';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true }))));

async function openLog(onWritten: () => Promise<void> | void) {
  const dir = await mkdtemp(path.join(tmpdir(), 'ohi-log-'));
  dirs.push(dir);
  return RecordLog.open<string>(dir, { onWritten });
}

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true));
  // Every write of this log is a handful of file operations: let them all run.
  for (let i = 0; i < 50; i += 1) await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('the record log', () => {
  it('answers a write at once but holds the next one while its reader has no room', async () => {
    let room: () => void = () => undefined;
    const writes: number[] = [];
    const log = await openLog(() => {
      writes.push(writes.length + 1);
      return new Promise<void>((resolve) => (room = resolve));
    });
    await log.append([Buffer.from('first')], 'a');
    const second = log.append([Buffer.from('second')], 'b');
    expect(await settled(second)).toBe(false);
    expect(writes).toEqual([1]);
    room();
    await second;
    expect(writes).toEqual([1, 2]);
    room();
    await log.close();
  });
});
