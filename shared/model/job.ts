/**
 * A long export, import, replay or event hook filter check over the history: started by a
 * command (or a saved filter), followed with `jobs.changed` pushes.
 */
export type JobKind = 'export' | 'import' | 'replay' | 'filter';
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobView {
  id: string;
  kind: JobKind;
  /** What it does, e.g. "Export 1,204 exchanges as HAR". */
  title: string;
  state: JobState;
  /**
   * Progress in the job's unit: exchanges for an export or a filter check, bytes read for an
   * import, requests for a replay.
   */
  done: number;
  total: number;
  /** One sentence on the outcome (or why it failed); null while running. */
  message: string | null;
  /** Export: the file written, and where a browser can fetch it (headless). */
  file?: { name: string; path?: string; downloadUrl?: string };
  /** Import: exchanges added, those already in history, and entries or lines that could not be read. */
  imported?: { added: number; already: number; skipped: number };
}
