import type { Exchange } from '../../../../shared/model/exchange';
import type { Logger } from '../../deps';
import { migrateV1 } from './migrate-v1';

export interface MigrationDeps {
  dataDir: string;
  logger: Logger;
  /** Which of these ids the new history already holds. */
  known: (ids: string[]) => Promise<Set<string>>;
  store: (exchange: Exchange, pinned: boolean) => Promise<void>;
  notice: (message: string) => void;
  /** A step is done (lists should be read again). */
  moved: () => void;
}

/**
 * Moving a format-1 history over, in the background: the receiver answers meanwhile. Its
 * progress is a notice in the status; an interruption resumes at the next start.
 */
export class MigrationRun {
  private progress: { done: number; total: number } | null = { done: 0, total: 0 };
  private stopping = false;
  private readonly running: Promise<void>;

  constructor(deps: MigrationDeps) {
    const { logger } = deps;
    this.running = migrateV1(
      deps.dataDir,
      {
        known: deps.known,
        store: deps.store,
        skipped: (id, reason) => {
          logger.warn('history record not moved from format 1', { id, reason });
          deps.notice(`Exchange ${id} of the earlier history was left out: ${reason}.`);
        },
        progress: (done, total) => {
          this.progress = { done, total };
          deps.moved();
        },
      },
      { stopped: () => this.stopping },
    ).then(
      (copied) => {
        if (copied === null) return;
        this.progress = null;
        logger.info('history moved from format 1', { copied });
        deps.moved();
      },
      (error: unknown) => {
        this.progress = null;
        logger.error('history not moved from format 1', { error: String(error) });
        deps.notice(
          `Moving the history of an earlier version failed (${String(error)}); it is tried again at the next start.`,
        );
      },
    );
  }

  /** One sentence while it runs. */
  notice(): string | null {
    const moving = this.progress;
    if (moving === null) return null;
    const count = (n: number) => n.toLocaleString('en-US');
    return `Moving the history of an earlier version: ${count(moving.done)} of ${count(moving.total)} exchanges so far.`;
  }

  /** Stop between two steps (the engine is stopping); resolves once it has. */
  stop(): Promise<void> {
    this.stopping = true;
    return this.running;
  }
}
