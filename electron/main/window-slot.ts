/** What the slot needs of a BrowserWindow. */
interface Window {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  once(event: 'closed', listener: () => void): unknown;
}

/**
 * The app's one window. `reveal` brings it forward, or opens it when there is none: macOS keeps
 * the app running after its window is closed, and a second launch may arrive while the first is
 * still starting. Opening twice at once gives one window.
 */
export class WindowSlot<W extends Window> {
  private window: W | null = null;
  private opening: Promise<W> | null = null;

  constructor(private readonly open: () => Promise<W>) {}

  current(): W | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  async reveal(): Promise<W> {
    const window = this.current();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      return window;
    }
    this.opening ??= this.openOne();
    return this.opening;
  }

  private async openOne(): Promise<W> {
    try {
      const window = await this.open();
      this.window = window;
      window.once('closed', () => {
        if (this.window === window) this.window = null;
      });
      return window;
    } finally {
      this.opening = null;
    }
  }
}
