/** Live state of the engine, pushed on every change with `status.changed`. */
export interface ReceiverStatus {
  listening: boolean;
  /** `http://127.0.0.1:<port>` when listening. */
  localUrl: string | null;
  /** Local URL plus hook path: where to send test requests on this machine. */
  hookUrl: string | null;
  error: string | null;
}

export interface StorageStatus {
  writable: boolean;
  dataDir: string;
  /** Exchanges stored, and how many of them are pinned. */
  count: number;
  pinned: number;
  /** Bytes the log takes on disk. */
  bytes: number;
  /** One sentence on why storage is failing (the receiver answers 503 meanwhile). */
  error: string | null;
  /** Things the user should know: a log repaired at start-up, limits pinned exchanges exceed. */
  notices: string[];
}

export interface AppStatus {
  mode: 'desktop' | 'headless';
  version: string;
  receiver: ReceiverStatus;
  storage: StorageStatus;
}
