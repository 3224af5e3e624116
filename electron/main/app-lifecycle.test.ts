import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { background, claimInstance, quitAfter } from './app-lifecycle';

/**
 * Electron's single-instance lock as documented: one lock per userData folder, and userData is
 * whatever `app.setPath('userData', …)` last set.
 * https://www.electronjs.org/docs/latest/api/app#apprequestsingleinstancelockadditionaldata
 */
function electronApps() {
  const held = new Set<string>();
  return () => {
    let userData = '/home/u/.config/Okta Hook Inspector';
    return {
      setPath: vi.fn((name: string, value: string) => {
        if (name === 'userData') userData = value;
      }),
      requestSingleInstanceLock: () => {
        if (held.has(userData)) return false;
        held.add(userData);
        return true;
      },
    };
  };
}

describe('single instance', () => {
  it('runs one app per data folder: a second one on another --data-dir starts, a third on the same quits', () => {
    const launch = electronApps();
    expect(claimInstance(launch(), undefined)).toBe(true);
    const custom = launch();
    expect(claimInstance(custom, 'work/a')).toBe(true);
    expect(custom.setPath).toHaveBeenCalledWith('userData', path.resolve('work/a'));
    expect(claimInstance(launch(), path.resolve('work/a'))).toBe(false);
    expect(claimInstance(launch(), undefined)).toBe(false);
  });
});

function quittingApp() {
  const app = Object.assign(new EventEmitter(), { quit: vi.fn() });
  const willQuit = () => {
    const event = { preventDefault: vi.fn() };
    app.emit('will-quit', event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { app, willQuit };
}

describe('quitting', () => {
  it('stops the engine once, however often quit is asked for, then quits', async () => {
    const { app, willQuit } = quittingApp();
    let finish: () => void = () => undefined;
    const stop = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    quitAfter(app, stop);
    expect(willQuit()).toBe(true);
    expect(willQuit()).toBe(true);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(willQuit()).toBe(false);
    expect(stop).toHaveBeenCalledTimes(1);
  });
});

describe('background work', () => {
  it('logs a failure instead of leaving an unhandled rejection', async () => {
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    background(Promise.reject(new Error('EROFS: read-only file system')), logger, 'saving the window place');
    await vi.waitFor(() =>
      expect(logger.error).toHaveBeenCalledWith('saving the window place failed', {
        error: 'EROFS: read-only file system',
      }),
    );
  });
});
