import type { HeldInline } from '../../../shared/model/inline';
import type { Scheduler } from '../deps';

/** How a hold ended: the user's answer, the deadline, or the caller hanging up. */
export type Release = { by: 'user'; answer: string } | { by: 'deadline' } | { by: 'caller-gone' };

interface Hold {
  view: HeldInline;
  resolve(release: Release): void;
  cancelTimer(): void;
}

export interface BreakpointDeps {
  scheduler: Scheduler;
  now(): number;
  newId(): string;
  onChange(held: HeldInline[]): void;
}

/**
 * Inline calls held for the user to answer by hand. Each hold has a deadline inside Okta's
 * budget: when it passes the hold ends by itself, so a held call never keeps Okta waiting past
 * the point where it gives up, and the record says that the deadline, not the user, answered.
 */
export class Breakpoints {
  private readonly holds = new Map<string, Hold>();

  constructor(private readonly deps: BreakpointDeps) {}

  list(): HeldInline[] {
    return [...this.holds.values()].map((hold) => hold.view).sort((a, b) => a.receivedAt - b.receivedAt);
  }

  /** Hold a call until `deadlineAt` (epoch ms) at the latest; `gone` ends it when the caller hangs up. */
  hold(view: Omit<HeldInline, 'id'>, gone: AbortSignal): Promise<Release> {
    const id = this.deps.newId();
    return new Promise<Release>((resolve) => {
      const end = (release: Release) => {
        const hold = this.holds.get(id);
        if (hold === undefined) return;
        this.holds.delete(id);
        hold.cancelTimer();
        gone.removeEventListener('abort', onGone);
        resolve(release);
        this.deps.onChange(this.list());
      };
      const onGone = () => end({ by: 'caller-gone' });
      const cancelTimer = this.deps.scheduler.after(Math.max(0, view.deadlineAt - this.deps.now()), () =>
        end({ by: 'deadline' }),
      );
      this.holds.set(id, { view: { ...view, id }, resolve: end, cancelTimer });
      gone.addEventListener('abort', onGone, { once: true });
      this.deps.onChange(this.list());
      if (gone.aborted) onGone();
    });
  }

  /** Answer a held call; false when it is no longer held (answered, expired or abandoned). */
  release(id: string, answer: string): boolean {
    const hold = this.holds.get(id);
    if (hold === undefined) return false;
    hold.resolve({ by: 'user', answer });
    return true;
  }

  find(id: string): HeldInline | undefined {
    return this.holds.get(id)?.view;
  }

  /** End every hold (the engine is stopping): each gets its deadline answer now. */
  releaseAll(): void {
    for (const hold of [...this.holds.values()]) hold.resolve({ by: 'deadline' });
  }
}
