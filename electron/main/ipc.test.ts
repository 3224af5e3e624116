import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../shared/contract/names';
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
