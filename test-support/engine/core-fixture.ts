import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/contract/commands';
import type { PushMessage } from '../../shared/contract/events';
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
  /**
   * `core.call`, typed by the contract the same way, unwrapped: fails the test on an error
   * result. Inputs the contract refuses go through `core.dispatch`, as a transport sends them.
   */
  call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>>;
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
    call: async (name, input) => {
      const result = await core.call(name, input);
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
