import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test-support/engine/core-fixture';
import { draft } from '../../../../test-support/engine/store-fixture';
import { encodeRecord } from './record-frame';
import { RecordLog } from './record-log';
import { RecordReader } from './record-reader';
import { segmentName, type LogPosition } from './record-scan';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

/** One record per segment: segments 1, 2 and 3. */
async function threeSegments() {
  const dir = await makeTempDir('ohi-reader-');
  dirs.push(dir);
  const log = await RecordLog.open(dir, { rollOverBytes: 1 });
  const positions: LogPosition[] = [];
  for (let n = 1; n <= 3; n += 1)
    positions.push(await log.append(encodeRecord({ ...draft(n), seq: n }), undefined));
  await log.close();
  return { dir, positions };
}

describe('reading a range of the log back', () => {
  it('reads the records across segments, up to `max` at a time, and says where it stopped', async () => {
    const { dir, positions } = await threeSegments();
    const reader = new RecordReader(dir);
    const end = { segment: 3, offset: positions[2]!.length };
    const first = reader.readRange({ segment: 1, offset: 0 }, end, 2);
    expect(first.frames.map((f) => f.position)).toEqual(positions.slice(0, 2));
    const rest = reader.readRange(first.reached, end, 2);
    expect(rest.frames.map((f) => f.position)).toEqual(positions.slice(2));
    expect(rest.reached).toEqual(end);
    reader.close();
  });

  it('reads nothing past `to` when the segments up to it are gone (dropped meanwhile), and ends', async () => {
    const { dir, positions } = await threeSegments();
    await rm(path.join(dir, segmentName(1)));
    await rm(path.join(dir, segmentName(2)));
    const reader = new RecordReader(dir);
    const to = { segment: 2, offset: positions[1]!.length };
    expect(reader.readRange({ segment: 1, offset: 0 }, to, 2000)).toEqual({ frames: [], reached: to });
    await rm(path.join(dir, segmentName(3)));
    const beyond = { segment: 3, offset: positions[2]!.length };
    expect(reader.readRange(to, beyond, 2000)).toEqual({ frames: [], reached: beyond });
    reader.close();
  });
});
