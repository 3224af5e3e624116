import type { IpcRendererEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createInspectorApi } from './inspector-api';

function fakeIpcRenderer() {
  const listeners = new Map<string, (event: IpcRendererEvent, payload: unknown) => void>();
  return {
    listeners,
    invoke: vi.fn().mockResolvedValue({ ok: true, value: 1 }),
    on: vi.fn((channel: string, l: (event: IpcRendererEvent, payload: unknown) => void) =>
      listeners.set(channel, l),
    ),
    removeListener: vi.fn((channel: string) => listeners.delete(channel)),
  };
}

describe('window.inspector', () => {
  it('invokes contract commands and refuses anything else without touching IPC', async () => {
    const ipc = fakeIpcRenderer();
    const api = createInspectorApi(ipc as never);
    await api.invoke('status.get', {});
    expect(ipc.invoke).toHaveBeenCalledWith('status.get', {});
    const refused = await api.invoke('ELECTRON_BROWSER_REQUIRE' as never, {} as never);
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect(ipc.invoke).toHaveBeenCalledTimes(1);
  });

  it('listens only to contract events and hides the IPC event object', () => {
    const ipc = fakeIpcRenderer();
    const api = createInspectorApi(ipc as never);
    const listener = vi.fn();
    const off = api.on('status.changed', listener);
    ipc.listeners.get('status.changed')!({ sender: 'secret-handle' } as never, { ok: 1 });
    expect(listener).toHaveBeenCalledWith({ ok: 1 });
    off();
    expect(ipc.removeListener).toHaveBeenCalled();
    expect(() => api.on('some-internal-channel' as never, vi.fn())).toThrow(/Unknown event/);
  });

  it('is frozen, with nothing but invoke and on', () => {
    const api = createInspectorApi(fakeIpcRenderer() as never);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });
});
