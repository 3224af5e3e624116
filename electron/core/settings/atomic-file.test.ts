import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test-support/engine/core-fixture';
import { SerialQueue, writeAtomically } from './atomic-file';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

describe('writeAtomically', () => {
  it('lets concurrent writers of one file each replace it whole, and leaves no temporary file', async () => {
    const dir = await makeTempDir('ohi-atomic-');
    dirs.push(dir);
    const file = path.join(dir, 'settings.json');
    const texts = Array.from({ length: 8 }, (_, i) => String(i).repeat(10_000));
    await Promise.all(texts.map((text) => writeAtomically(file, text, 0o600)));
    expect(texts).toContain(await readFile(file, 'utf8'));
    expect(await readdir(dir)).toEqual(['settings.json']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('fails with the reason and leaves the old file as it was when the folder cannot be written', async () => {
    const dir = await makeTempDir('ohi-atomic-');
    dirs.push(dir);
    const file = path.join(dir, 'missing-parent', 'x.json');
    await writeAtomically(file, 'old');
    await expect(writeAtomically(path.join(file, 'child'), 'new')).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(await readFile(file, 'utf8')).toBe('old');
  });
});

describe('SerialQueue', () => {
  it('runs queued tasks one at a time, in order, and a failure stops none of the others', async () => {
    const queue = new SerialQueue();
    const events: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        events.push(`start ${name}`);
        await Promise.resolve();
        events.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      queue.run(task('a')),
      queue.run(task('b', true)),
      queue.run(task('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
