import type { IndexOpened, IndexService } from './index-service';

/** What the index worker is started with. */
export interface IndexWorkerData {
  paths: { index: string; records: string };
  authHeader: string;
}

/** The index's requests: its service's methods, by name. */
export type IndexMethod = {
  [K in keyof IndexService]: IndexService[K] extends (...args: never[]) => unknown ? K : never;
}[keyof IndexService];

export interface IndexRequest {
  id: number;
  method: IndexMethod;
  args: unknown[];
}

export type IndexReply =
  | { opened: IndexOpened }
  | { failed: { message: string; code?: string } }
  | { id: number; value: unknown }
  | { id: number; error: { message: string; code?: string } }
  | { log: 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> | undefined };
