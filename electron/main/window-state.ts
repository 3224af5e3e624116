import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

/** Less than this much of the window on a screen, and it counts as off-screen. */
const MIN_VISIBLE = 120;

const overlap = (a: Bounds, b: Bounds) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * Where to put the window: the saved bounds when enough of them is still on a display (screens
 * change between runs: a laptop leaves its monitor), else the default size on the primary one.
 */
export function restoreBounds(
  saved: Bounds | undefined,
  displays: Bounds[],
  fallback: { width: number; height: number },
) {
  const visible = saved && displays.some((display) => overlap(saved, display) >= MIN_VISIBLE * MIN_VISIBLE);
  if (saved && visible) return saved;
  const primary = displays[0];
  if (!primary) return fallback;
  const width = Math.min(fallback.width, primary.width);
  const height = Math.min(fallback.height, primary.height);
  return {
    width,
    height,
    x: primary.x + Math.round((primary.width - width) / 2),
    y: primary.y + Math.round((primary.height - height) / 2),
  };
}

const isBounds = (value: unknown): value is Bounds =>
  typeof value === 'object' &&
  value !== null &&
  ['x', 'y', 'width', 'height'].every((key) => Number.isFinite((value as Record<string, unknown>)[key]));

/** The window's last size and place, kept in the app's folder. */
export class WindowStateFile {
  constructor(private readonly file: string) {}

  static inDir(dir: string): WindowStateFile {
    return new WindowStateFile(path.join(dir, 'window-state.json'));
  }

  async load(): Promise<WindowState | undefined> {
    try {
      const value = JSON.parse(await fs.readFile(this.file, 'utf8')) as Partial<WindowState>;
      return isBounds(value.bounds)
        ? { bounds: value.bounds, maximized: value.maximized === true }
        : undefined;
    } catch {
      return undefined;
    }
  }

  async save(state: WindowState): Promise<void> {
    await fs.writeFile(this.file, JSON.stringify(state));
  }
}
