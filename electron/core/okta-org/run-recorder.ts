import type { HookRun, HookRunStep, HookStepName } from '../../../shared/model/okta';
import type { Clock } from '../deps';
import type { OktaResult } from './okta-client';

/**
 * Records a run step by step, Okta's answer included, and reports it after every change so
 * the UI can show each step as it happens.
 */
export class RunRecorder {
  run: HookRun;

  constructor(
    private readonly clock: Clock,
    private readonly onProgress: (run: HookRun) => void,
    start: Pick<HookRun, 'id' | 'action' | 'hookId' | 'hookName' | 'url'>,
  ) {
    this.run = { ...start, startedAt: clock.now(), finishedAt: null, outcome: 'running', steps: [] };
    onProgress(this.run);
  }

  /** Call Okta for one step; the step shows the request, the status and what Okta said. */
  async step<T>(
    name: HookStepName,
    request: string,
    call: () => Promise<OktaResult<T>>,
    describe: (value: T) => string,
  ): Promise<OktaResult<T>> {
    const index = this.run.steps.length;
    const started = this.clock.monotonic();
    this.put(index, { name, request, state: 'running' });
    const result = await call();
    const ms = this.clock.monotonic() - started;
    const step: HookRunStep = result.ok
      ? { name, request, state: 'ok', status: result.status, answer: describe(result.value), ms }
      : { name, request, state: 'failed', status: result.status, answer: result.problem.message, ms };
    if (!result.ok && result.error) step.errorCode = result.error.errorCode;
    this.put(index, step);
    return result;
  }

  skip(name: HookStepName, request: string, answer: string): void {
    this.put(this.run.steps.length, { name, request, state: 'skipped', answer });
  }

  /** Add to the last step (e.g. the verification request the receiver answered). */
  annotate(change: Partial<HookRunStep>): void {
    const index = this.run.steps.length - 1;
    const last = this.run.steps[index];
    if (last) this.put(index, { ...last, ...change });
  }

  finish(outcome: 'ok' | 'failed', hookId: string | null = this.run.hookId): HookRun {
    this.run = { ...this.run, hookId, outcome, finishedAt: this.clock.now() };
    this.onProgress(this.run);
    return this.run;
  }

  private put(index: number, step: HookRunStep): void {
    const steps = [...this.run.steps];
    steps[index] = step;
    this.run = { ...this.run, steps };
    this.onProgress(this.run);
  }
}
