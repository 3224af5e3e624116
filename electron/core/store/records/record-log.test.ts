import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordLog, type Written } from './record-log';
import { segmentName } from './record-scan';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true }))));

describe('the record log', () => {
  it('writes each record from its parts, in order, and tells its reader where before the appends resolve', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ohi-log-'));
    dirs.push(dir);
    const seen: Written<string>[][] = [];
    const log = await RecordLog.open<string>(dir, { onWritten: (written) => void seen.push(written) });
    const first = await log.append([Buffer.from('he'), Buffer.from('llo')], 'a');
    expect(seen.flat()).toEqual([{ position: first, tag: 'a' }]);
    const [second, third] = await Promise.all([
      log.append([Buffer.from(' wor')], 'b'),
      log.append([Buffer.from('l'), Buffer.from(''), Buffer.from('d')], 'c'),
    ]);
    expect([first, second, third]).toEqual([
      { segment: 1, offset: 0, length: 5 },
      { segment: 1, offset: 5, length: 4 },
      { segment: 1, offset: 9, length: 2 },
    ]);
    expect(seen.flat().map(({ tag }) => tag)).toEqual(['a', 'b', 'c']);
    await log.close();
    expect(await readFile(path.join(dir, segmentName(1)), 'utf8')).toBe('hello world');
  });
});
