import type { Scheduler } from '../okta-org/log-poller';

interface Task {
  id: number;
  delayMs: number;
  run: () => void;
}

/** A scheduler that runs nothing by itself: tests look at what is due and run it. */
export class ManualScheduler implements Scheduler {
  private tasks: Task[] = [];
  private nextId = 1;

  after(delayMs: number, run: () => void): () => void {
    const id = this.nextId++;
    this.tasks.push({ id, delayMs, run });
    return () => {
      this.tasks = this.tasks.filter((task) => task.id !== id);
    };
  }

  /** Delays of the tasks waiting, in the order they were scheduled. */
  delays(): number[] {
    return this.tasks.map((task) => task.delayMs);
  }

  /** Run what is waiting now (tasks they schedule wait for the next call). */
  runPending(): void {
    const due = this.tasks;
    this.tasks = [];
    for (const task of due) task.run();
  }
}
