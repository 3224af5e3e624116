import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { WindowSlot } from './window-slot';

/** A window with the BrowserWindow methods the slot uses. */
function fakeWindow(minimized = false) {
  const events = new EventEmitter();
  let destroyed = false;
  return {
    isDestroyed: () => destroyed,
    isMinimized: () => minimized,
    restore: vi.fn(() => (minimized = false)),
    show: vi.fn(),
    focus: vi.fn(),
    once: (event: string, listener: () => void) => events.once(event, listener),
    close: () => {
      destroyed = true;
      events.emit('closed');
    },
  };
}

describe('window slot', () => {
  it('opens one window when there is none, however many launches ask at once', async () => {
    const open = vi.fn(() => Promise.resolve(fakeWindow()));
    const slot = new WindowSlot(open);
    const [a, b] = await Promise.all([slot.reveal(), slot.reveal()]);
    expect(a).toBe(b);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('brings a minimised window forward', async () => {
    const window = fakeWindow(true);
    const slot = new WindowSlot(() => Promise.resolve(window));
    await slot.reveal();
    await slot.reveal();
    expect(window.restore).toHaveBeenCalledTimes(1);
    expect(window.focus).toHaveBeenCalledTimes(1);
  });

  it('opens a new window after the last one was closed (macOS keeps the app running)', async () => {
    const open = vi.fn(() => Promise.resolve(fakeWindow()));
    const slot = new WindowSlot(open);
    (await slot.reveal()).close();
    expect(slot.current()).toBeNull();
    await slot.reveal();
    expect(open).toHaveBeenCalledTimes(2);
  });
});
