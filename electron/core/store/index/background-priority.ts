import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** A nice value: the index thread gets about a tenth of a core its receiver thread competes for. */
const BACKGROUND = 10;

/**
 * Lower the calling thread's CPU priority, where the system has per-thread priorities (Linux:
 * a thread id is a process id to setpriority). The index is background work: on a busy
 * machine the receiver's thread answers Okta first and the index catches up from the log
 * (store/index-feed.ts). Elsewhere the thread keeps the process's priority.
 */
export function runInBackground(): void {
  if (process.platform !== 'linux') return;
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(thread) && thread > 0) setPriority(thread, BACKGROUND);
  } catch {
    // No /proc, or not permitted: the same priority as the rest of the process.
  }
}
