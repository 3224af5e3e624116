/**
 * Code that runs inside the inspector page. Playwright sends these functions as source text,
 * so they may use nothing from outside their own body.
 */

export interface FrameStats {
  frames: number;
  /** The longest time between two animation frames: what a user sees as a freeze. */
  maxGapMs: number;
  gapsOver100Ms: number;
  /** Tasks over 50 ms on the main thread (PerformanceObserver 'longtask'). */
  longTasks: number;
  longestTaskMs: number;
  longTaskTotalMs: number;
}

export interface BenchProbe {
  /** performance.now() of events the benchmarks time from or to. */
  marks: Record<string, number>;
  /** Start counting frames and long tasks afresh. */
  reset(): void;
  read(): FrameStats;
}

declare global {
  interface Window {
    __bench: BenchProbe;
  }
}

/**
 * Logged to the console in the first frame where the app is ready or draws a row. The bench
 * waits for it before it runs anything in the page: Playwright's own scripts, evaluated during
 * the load, took ~50 ms of the main thread from the first paint it timed.
 */
export const APP_SHOWN = 'bench:app-shown';

/**
 * Installed before the app's own scripts (addInitScript), so it sees the first frames too.
 * `shownSignal` is APP_SHOWN (passed in: the function is sent as source text).
 */
export function installProbes(shownSignal: string): void {
  let last = 0;
  let stats = { frames: 0, maxGapMs: 0, gapsOver100Ms: 0 };
  let tasks: number[] = [];
  const marks: Record<string, number> = {};
  const onFrame = (time: number) => {
    if (last > 0) {
      const gap = time - last;
      stats.maxGapMs = Math.max(stats.maxGapMs, gap);
      if (gap > 100) stats.gapsOver100Ms += 1;
    }
    last = time;
    stats.frames += 1;
    if (marks.firstRow === undefined && document.querySelector('[data-testid="exchange-row"]')) {
      marks.firstRow = performance.now();
    }
    if (
      marks.shown === undefined &&
      (marks.firstRow !== undefined || document.querySelector('[data-app-state="ready"]'))
    ) {
      marks.shown = performance.now();
      console.debug(shownSignal);
    }
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  // Input is timed from the event's own time stamp, before any of the app's handlers ran.
  document.addEventListener('keydown', (event) => (marks[`key:${event.key}`] = event.timeStamp), true);
  document.addEventListener('pointerdown', (event) => (marks.pointerdown = event.timeStamp), true);
  window.__bench = {
    marks,
    reset: () => {
      stats = { frames: 0, maxGapMs: 0, gapsOver100Ms: 0 };
      tasks = [];
      last = 0;
    },
    read: () => ({
      ...stats,
      longTasks: tasks.length,
      longestTaskMs: Math.max(0, ...tasks),
      longTaskTotalMs: tasks.reduce((sum, duration) => sum + duration, 0),
    }),
  };
}

/**
 * performance.now() in the first animation frame where the list says it holds `expected`
 * exchanges (its aria-rowcount) and draws rows: the moment a query's result is on screen.
 * Null if that does not happen within `timeoutMs`.
 */
export function listShows({
  expected,
  timeoutMs,
}: {
  expected: number;
  timeoutMs: number;
}): Promise<number | null> {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve) => {
    const check = () => {
      const list = document.querySelector('[data-testid="exchange-list"]');
      const rows = document.querySelectorAll('[data-testid="exchange-row"]').length;
      if (Number(list?.getAttribute('aria-rowcount')) === expected && rows > 0 && rows <= expected) {
        resolve(performance.now());
      } else if (performance.now() > deadline) resolve(null);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** How many exchanges the list says match (its aria-rowcount). */
export function listTotal(): number {
  return Number(document.querySelector('[data-testid="exchange-list"]')?.getAttribute('aria-rowcount') ?? 0);
}

/**
 * Drag the list's scrollbar to the bottom in one move (the list reads rows by position, so
 * the oldest is one query away) and time it until the oldest row is drawn: the row whose
 * aria-rowindex is the list's aria-rowcount. Null if that does not happen within `timeoutMs`.
 */
export function jumpToOldest({ timeoutMs }: { timeoutMs: number }): Promise<number | null> {
  const scroller = document.querySelector('.list__scroller');
  const total = document.querySelector('[data-testid="exchange-list"]')?.getAttribute('aria-rowcount');
  if (!scroller || !total) throw new Error('the list is not drawn');
  const oldest = `[data-testid="exchange-row"][aria-rowindex="${total}"]`;
  const start = performance.now();
  scroller.scrollTop = scroller.scrollHeight;
  return new Promise((resolve) => {
    const check = () => {
      if (document.querySelector(oldest)) resolve(performance.now() - start);
      else if (performance.now() - start > timeoutMs) resolve(null);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** performance.now() in the first frame where `selector` matches an element. */
export function appears(selector: string): Promise<number> {
  return new Promise((resolve) => {
    const check = () => {
      if (document.querySelector(selector)) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}
