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
  count: number;
  bytes: number;
  /** One sentence on why storage is failing (the receiver answers 503 meanwhile). */
  error: string | null;
}

export interface AppStatus {
  mode: 'desktop' | 'headless';
  version: string;
  receiver: ReceiverStatus;
  storage: StorageStatus;
}
