import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/deps';
import { writeAtomically } from '../core/settings/atomic-file';

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

/** How much of the title bar must be on a screen for the window to be moved by it. */
const TITLE_BAR = { height: 32, minVisibleWidth: 120 };

const overlapWidth = (a: Bounds, b: Bounds) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
const overlapHeight = (a: Bounds, b: Bounds) =>
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** The window can be grabbed and moved: a good part of its title bar is inside one work area. */
function titleBarReachable(bounds: Bounds, workAreas: Bounds[]): boolean {
  const bar = { ...bounds, height: TITLE_BAR.height };
  return workAreas.some(
    (area) =>
      bounds.y >= area.y &&
      overlapHeight(bar, area) === TITLE_BAR.height &&
      overlapWidth(bar, area) >= TITLE_BAR.minVisibleWidth,
  );
}

/**
 * Where to put the window: the saved bounds when its title bar is still on a screen (screens
 * change between runs: a laptop leaves its monitor), else the default size centred on the
 * primary screen, which is not always the first one Electron lists.
 */
export function restoreBounds(
  saved: Bounds | undefined,
  workAreas: Bounds[],
  primary: Bounds,
  fallback: { width: number; height: number },
): Bounds {
  if (saved && titleBarReachable(saved, workAreas)) return saved;
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

/**
 * The window's last size and place, kept in the data folder. A folder that cannot be written
 * (read-only is a supported mode) only means the place is not remembered: saving never fails.
 */
export class WindowStateFile {
  private warned = false;

  constructor(
    private readonly file: string,
    private readonly logger: Logger,
  ) {}

  static inDir(dir: string, logger: Logger): WindowStateFile {
    return new WindowStateFile(path.join(dir, 'window-state.json'), logger);
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
    try {
      await writeAtomically(this.file, JSON.stringify(state));
    } catch (error) {
      if (this.warned) return;
      this.warned = true;
      this.logger.warn('the window position cannot be saved', { error: (error as Error).message });
    }
  }
}
