import type { JobKind, JobView } from '../../../shared/model/job';

/** Progress is pushed at most this often; the final state always goes out. */
const PROGRESS_EVERY_MS = 100;

/** A running job, as its worker sees it. */
export class Job {
  private readonly controller = new AbortController();
  private lastPush = 0;

  constructor(
    private view: JobView,
    private readonly emit: (view: JobView) => void,
    private readonly now: () => number,
  ) {}

  get id(): string {
    return this.view.id;
  }

  /** Aborted when the user cancels; workers check it between items. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  snapshot(): JobView {
    return this.view;
  }

  progress(done: number, total = this.view.total): void {
    this.view = { ...this.view, done, total };
    const now = this.now();
    if (now - this.lastPush < PROGRESS_EVERY_MS) return;
    this.lastPush = now;
    this.emit(this.view);
  }

  finish(message: string, result: Pick<JobView, 'file' | 'imported'> = {}): void {
    this.end({ state: 'done', message, ...result, done: this.view.total });
  }

  fail(message: string): void {
    this.end({ state: 'failed', message });
  }

  cancelled(message: string): void {
    this.end({ state: 'cancelled', message });
  }

  cancel(): void {
    this.controller.abort();
  }

  private end(change: Partial<JobView>): void {
    if (this.view.state !== 'running') return;
    this.view = { ...this.view, ...change };
    this.emit(this.view);
  }
}

/** Running exports, imports and replays, so any window can follow or cancel them. */
export class Jobs {
  private readonly running = new Map<string, { job: Job; ended: Promise<void> }>();

  constructor(
    private readonly emit: (view: JobView) => void,
    private readonly newId: () => string,
    private readonly now: () => number,
  ) {}

  /** Start a job: `work` runs in the background and must end it (finish, fail or cancelled). */
  start(kind: JobKind, title: string, total: number, work: (job: Job) => Promise<void>): JobView {
    const view: JobView = { id: this.newId(), kind, title, state: 'running', done: 0, total, message: null };
    const job = new Job(view, this.emit, this.now);
    this.emit(view);
    const ended = work(job)
      .catch((error: unknown) =>
        job.fail(`${title} failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => this.running.delete(job.id));
    this.running.set(job.id, { job, ended });
    return view;
  }

  /**
   * Start a job and answer with what `work` returns once it has ended (finished or cancelled);
   * a failure fails the job and the caller both.
   */
  run<T>(kind: JobKind, title: string, total: number, work: (job: Job) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.start(kind, title, total, async (job) => {
        try {
          resolve(await work(job));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          throw error;
        }
      });
    });
  }

  cancel(id: string): boolean {
    const running = this.running.get(id);
    running?.job.cancel();
    return running !== undefined;
  }

  /** Cancel every job and wait until each has cleaned up (the engine is stopping). */
  async cancelAll(): Promise<void> {
    const all = [...this.running.values()];
    for (const { job } of all) job.cancel();
    await Promise.all(all.map(({ ended }) => ended));
  }
}
