import type { PushMessage } from '../../shared/contract/events';
import type { Core } from '../core';
import type { Logger } from '../core/deps';
import type { Dispatch } from '../core/rpc/dispatcher';

/** How long quitting waits for the engine (tunnel closed, log flushed, lock released). */
export const STOP_DEADLINE_MS = 5000;

/**
 * The engine as IPC and the window see it: one object whichever engine runs, so the engine can
 * be started again (once a passphrase unlocks the saved secrets) without wiring anything anew.
 * It stops once: a second quit during shutdown waits for the first, and a stop that hangs or
 * fails is logged and given up on after a deadline, so quitting always ends.
 */
export class EngineHost {
  private started = false;
  private begin: (engine: Promise<Core>) => void = () => undefined;
  private engine = new Promise<Core>((resolve) => (this.begin = resolve));
  private stopping: Promise<void> | null = null;
  private readonly listeners = new Set<(message: PushMessage) => void>();

  constructor(
    private readonly create: () => Promise<Core>,
    private readonly logger: Logger,
    private readonly deadlineMs = STOP_DEADLINE_MS,
  ) {}

  start(): Promise<Core> {
    if (!this.started) {
      this.started = true;
      this.begin(this.launch());
    }
    return this.engine;
  }

  /** The running engine, once started: what is asked before then waits for it. */
  ready(): Promise<Core> {
    return this.engine;
  }

  readonly dispatch: Dispatch = async (name, input) => (await this.ready()).dispatch(name, input);

  subscribe(listener: (message: PushMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stop the engine and start a new one; nothing happens once quitting has begun. */
  async restart(): Promise<void> {
    if (this.stopping || !this.started) return;
    this.engine = this.engine.then(async (core) => {
      await core.stop();
      return this.launch();
    });
    await this.engine;
  }

  stop(): Promise<void> {
    this.stopping ??= this.stopWithinDeadline();
    return this.stopping;
  }

  private async launch(): Promise<Core> {
    const core = await this.create();
    core.subscribe((message) => {
      for (const listener of this.listeners) listener(message);
    });
    return core;
  }

  private async stopWithinDeadline(): Promise<void> {
    if (!this.started) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.deadlineMs);
    });
    const stopped = this.engine.then((core) => core.stop()).then(() => 'stopped' as const);
    try {
      if ((await Promise.race([stopped, late])) === 'late')
        this.logger.warn('the engine did not stop in time; quitting anyway', { deadlineMs: this.deadlineMs });
    } catch (error) {
      this.logger.error('the engine failed to stop', { error: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}
