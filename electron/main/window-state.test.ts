import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../test-support/engine/core-fixture';
import { restoreBounds, WindowStateFile } from './window-state';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

const primary = { x: 0, y: 0, width: 1920, height: 1080 };
/** A second screen left of the primary one, listed first (Electron's order is not the primary first). */
const left = { x: -1280, y: 0, width: 1280, height: 1024 };
const size = { width: 1360, height: 860 };

describe('window placement', () => {
  it('restores saved bounds that are on a screen', () => {
    const saved = { x: -1200, y: 80, width: 1000, height: 800 };
    expect(restoreBounds(saved, [left, primary], primary, size)).toEqual(saved);
  });

  it('recentres on the primary screen, not the first one listed, when the saved place is gone', () => {
    const saved = { x: 4000, y: 100, width: 1200, height: 800 };
    expect(restoreBounds(saved, [left, primary], primary, size)).toEqual({ x: 280, y: 110, ...size });
    expect(restoreBounds(undefined, [left, primary], { ...primary, width: 1280, height: 720 }, size)).toEqual(
      {
        x: 0,
        y: 0,
        width: 1280,
        height: 720,
      },
    );
  });

  it('recentres a window whose title bar is off every screen, even when most of it is visible', () => {
    const titleBarAbove = { x: 100, y: -200, width: 1200, height: 900 };
    expect(restoreBounds(titleBarAbove, [left, primary], primary, size)).toEqual({ x: 280, y: 110, ...size });
    const barInTheGap = { x: 1800, y: 1050, width: 600, height: 400 };
    expect(restoreBounds(barInTheGap, [primary], primary, size)).toEqual({ x: 280, y: 110, ...size });
  });
});

describe('window state file', () => {
  it('never fails to save: a folder that cannot be written is logged once', async () => {
    const dir = await makeTempDir('ohi-window-');
    dirs.push(dir);
    const notAFolder = path.join(dir, 'file');
    await writeFile(notAFolder, '');
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const state = WindowStateFile.inDir(notAFolder, logger);
    const bounds = { x: 1, y: 2, width: 900, height: 600 };
    await expect(state.save({ bounds, maximized: false })).resolves.toBeUndefined();
    await expect(state.save({ bounds, maximized: true })).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    await mkdir(path.join(dir, 'ok'));
    const writable = WindowStateFile.inDir(path.join(dir, 'ok'), logger);
    await writable.save({ bounds, maximized: true });
    expect(await writable.load()).toEqual({ bounds, maximized: true });
    expect(JSON.parse(await readFile(path.join(dir, 'ok', 'window-state.json'), 'utf8'))).toMatchObject({
      bounds,
    });
  });
});
