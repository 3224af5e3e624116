import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PushMessage } from '../../shared/contract/events';
import type { Result } from '../../shared/model/result';
import { createCore, type Core, type CoreOptions } from '../../electron/core/index';
import { indexWorkerScript } from './index-worker-build';

/** A throwaway data directory under the OS temp folder. */
export const makeTempDir = (prefix = 'ohi-') => mkdtemp(path.join(tmpdir(), prefix));

export interface TestCore {
  core: Core;
  dataDir: string;
  /** `http://127.0.0.1:<port>/okta/event-hook` of the running receiver. */
  hookUrl: string;
  pushes: PushMessage[];
  /** Dispatch and unwrap: fails the test on an error result. */
  call<T = unknown>(name: string, input?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Start a real engine on port 0 with its own data directory; `stop` removes it again. */
export async function startTestCore(options: Partial<CoreOptions> = {}): Promise<TestCore> {
  const dataDir = options.dataDir ?? (await makeTempDir());
  const core = await createCore({
    mode: 'headless',
    version: 'test',
    indexWorker: indexWorkerScript(),
    pushFlushMs: 5,
    ...options,
    dataDir,
    overrides: { port: 0, ...options.overrides },
  });
  const hookUrl = core.status().receiver.hookUrl;
  if (!hookUrl) throw new Error(`receiver did not start: ${core.status().receiver.error}`);
  const pushes: PushMessage[] = [];
  const unsubscribe = core.subscribe((message) => pushes.push(message));
  return {
    core,
    dataDir,
    hookUrl,
    pushes,
    call: async <T>(name: string, input?: unknown) => {
      const result = (await core.dispatch(name, input)) as Result<T>;
      if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    stop: async () => {
      unsubscribe();
      await core.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
