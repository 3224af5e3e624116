import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../shared/contract/names';
import { startTestCore } from '../../test-support/engine/core-fixture';
import { APP_ENTRY } from './app-protocol';
import { forwardPushes, registerCommands } from './ipc';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

const eventFrom = (url: string, parent: unknown = null) =>
  ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

describe('IPC wiring', () => {
  it('registers exactly the contract commands and removes them again', () => {
    const ipc = fakeIpcMain();
    const dispose = registerCommands(ipc, { dispatch: vi.fn() });
    expect([...ipc.handlers.keys()].sort()).toEqual([...commandNames].sort());
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('checks the sender before the input reaches the dispatcher', async () => {
    const ipc = fakeIpcMain();
    const dispatch = vi.fn().mockResolvedValue({ ok: true, value: 'fine' });
    registerCommands(ipc, { dispatch });
    const handler = ipc.handlers.get('settings.get')!;
    expect(await handler(eventFrom('https://evil.example/'), {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await handler(eventFrom(APP_ENTRY, { url: APP_ENTRY }), {})).toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
    expect(await handler(eventFrom(APP_ENTRY), { x: 1 })).toEqual({ ok: true, value: 'fine' });
    expect(dispatch).toHaveBeenCalledWith('settings.get', { x: 1 });
  });

  const FOREIGN_FRAMES: [string, IpcMainInvokeEvent][] = [
    ['a remote page', eventFrom('https://evil.example/')],
    ['a subframe of the app', eventFrom(APP_ENTRY, { url: APP_ENTRY })],
    ['another app:// host', eventFrom('app://inspector.evil/index.html')],
    ['an app:// URL with userinfo', eventFrom('app://inspector@evil/index.html')],
    ['a file:// page', eventFrom('file:///tmp/index.html')],
    ['a destroyed frame', { senderFrame: null } as unknown as IpcMainInvokeEvent],
  ];

  it.each(commandNames)('%s refuses every foreign sender frame before looking at the input', async (name) => {
    const ipc = fakeIpcMain();
    const dispatch = vi.fn();
    registerCommands(ipc, { dispatch });
    for (const [, event] of FOREIGN_FRAMES) {
      expect(await ipc.handlers.get(name)!(event, {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each(commandNames)('%s refuses invalid input from the app window with invalid-input', async (name) => {
    const t = await startTestCore();
    try {
      const ipc = fakeIpcMain();
      registerCommands(ipc, t.core);
      const handler = ipc.handlers.get(name)!;
      for (const input of [{ unexpected: true }, 'text', 42, [], { limit: 'many' }]) {
        expect(await handler(eventFrom(APP_ENTRY), input)).toMatchObject({
          ok: false,
          error: { code: 'invalid-input' },
        });
      }
    } finally {
      await t.stop();
    }
  });

  it('forwards pushes until the window is gone', () => {
    let listener: ((m: { name: string; payload: unknown }) => void) | undefined;
    const unsubscribe = vi.fn();
    const core = { subscribe: vi.fn((l: typeof listener) => ((listener = l), unsubscribe)) };
    let destroyed = false;
    const contents = { send: vi.fn(), isDestroyed: () => destroyed };
    forwardPushes(core as never, contents);
    listener!({ name: 'status.changed', payload: { a: 1 } });
    expect(contents.send).toHaveBeenCalledWith('status.changed', { a: 1 });
    destroyed = true;
    listener!({ name: 'status.changed', payload: { a: 2 } });
    expect(contents.send).toHaveBeenCalledTimes(1);
    expect(unsubscribe).toHaveBeenCalled();
  });
});
