import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PushMessage } from '../../shared/contract/events';
import type { Core } from '../core';
import { EngineHost } from './engine-host';

afterEach(() => vi.useRealTimers());

/** A stand-in engine: records calls, stops as told, and pushes on demand. */
function fakeCore(name: string, stop: () => Promise<void> = () => Promise.resolve()) {
  const listeners: ((message: PushMessage) => void)[] = [];
  const core = {
    dispatch: vi.fn(() => Promise.resolve({ ok: true as const, value: name })),
    subscribe: (listener: (message: PushMessage) => void) => {
      listeners.push(listener);
      return () => undefined;
    },
    status: vi.fn(),
    stop: vi.fn(stop),
    push: (message: PushMessage) => listeners.forEach((listener) => listener(message)),
  };
  return core;
}

const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });
const asCore = (core: ReturnType<typeof fakeCore>) => core as unknown as Core;

describe('engine host', () => {
  it('answers commands asked before the engine started once it has', async () => {
    const core = fakeCore('first');
    const host = new EngineHost(() => Promise.resolve(asCore(core)), logger());
    const early = host.dispatch('status.get', {});
    await host.start();
    expect(await early).toEqual({ ok: true, value: 'first' });
  });

  it('starts the engine again behind the same dispatch and pushes', async () => {
    const [first, second] = [fakeCore('first'), fakeCore('second')];
    const engines = [first, second];
    const host = new EngineHost(() => Promise.resolve(asCore(engines.shift()!)), logger());
    await host.start();
    const pushes: PushMessage[] = [];
    host.subscribe((message) => pushes.push(message));
    await host.restart();
    expect(first.stop).toHaveBeenCalledTimes(1);
    expect(await host.dispatch('status.get', {})).toEqual({ ok: true, value: 'second' });
    second.push({ name: 'settings.changed', payload: {} } as PushMessage);
    expect(pushes).toHaveLength(1);
  });

  it('stops once when quit is asked for twice', async () => {
    const core = fakeCore('only');
    const host = new EngineHost(() => Promise.resolve(asCore(core)), logger());
    await host.start();
    await Promise.all([host.stop(), host.stop()]);
    expect(core.stop).toHaveBeenCalledTimes(1);
    await host.restart();
    expect(core.stop).toHaveBeenCalledTimes(1);
  });

  it('logs a failed stop and still finishes', async () => {
    const log = logger();
    const host = new EngineHost(
      () => Promise.resolve(asCore(fakeCore('x', () => Promise.reject(new Error('EIO'))))),
      log,
    );
    await host.start();
    await expect(host.stop()).resolves.toBeUndefined();
    expect(log.error).toHaveBeenCalledWith('the engine failed to stop', { error: 'EIO' });
  });

  it('gives up on a stop that hangs once the deadline has passed', async () => {
    vi.useFakeTimers();
    const log = logger();
    const hanging = fakeCore('x', () => new Promise<void>(() => undefined));
    const host = new EngineHost(() => Promise.resolve(asCore(hanging)), log, 5000);
    await host.start();
    let done = false;
    const stopped = host.stop().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(4999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await stopped;
    expect(log.warn).toHaveBeenCalledWith('the engine did not stop in time; quitting anyway', {
      deadlineMs: 5000,
    });
  });

  it('has nothing to stop before it started', async () => {
    const create = vi.fn();
    await expect(new EngineHost(create, logger()).stop()).resolves.toBeUndefined();
    expect(create).not.toHaveBeenCalled();
  });
});
