import type { App } from 'electron';
import path from 'node:path';
import type { Logger } from '../core/deps';

/**
 * Run a promise nobody waits for, logging its failure: an unhandled rejection in the main
 * process would show Electron's "A JavaScript error occurred in the main process" dialog.
 */
export function background(task: Promise<unknown>, logger: Logger, what: string): void {
  task.catch((error: unknown) =>
    logger.error(`${what} failed`, { error: error instanceof Error ? error.message : String(error) }),
  );
}

/**
 * Electron scopes the single-instance lock to the userData folder, so a custom data folder
 * becomes userData before the lock is asked for: a second app on another data folder then runs
 * beside the first instead of quitting. https://www.electronjs.org/docs/latest/api/app#apprequestsingleinstancelockadditionaldata
 */
export function claimInstance(
  app: Pick<App, 'setPath' | 'requestSingleInstanceLock'>,
  dataDir: string | undefined,
): boolean {
  if (dataDir !== undefined) app.setPath('userData', path.resolve(dataDir));
  return app.requestSingleInstanceLock();
}

type QuitPort = Pick<App, 'quit'> & {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
};

/**
 * Quitting waits for the engine to stop (tunnel closed, log flushed, lock released), then quits
 * for real. A quit asked for again meanwhile waits for the same stop. `stop` never rejects.
 * https://www.electronjs.org/docs/latest/api/app#event-will-quit
 */
export function quitAfter(app: QuitPort, stop: () => Promise<void>): void {
  let stopped = false;
  let stopping = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    void stop().then(() => {
      stopped = true;
      app.quit();
    });
  });
}
