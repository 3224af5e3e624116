import { readdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach } from 'vitest';
import type { CommandInput } from '../../shared/contract/commands';
import type { Exchange } from '../../shared/model/exchange';
import type { JobView } from '../../shared/model/job';
import { FileTransfers } from '../../electron/core/transfer/file-transfers';
import { makeTempDir, startTestCore, type TestCore } from './core-fixture';
import { deliver, send } from './http-client';
import { payloadText, SAMPLE_DELIVERIES } from './payloads';
import { waitFor } from './wait-for';

/** The hook secret of every engine here. */
export const SECRET = 'Basic c2VjcmV0LXZhbHVl';

/** What an import may change: its place, origin and the import note. */
export const withoutPlace = (exchange: Exchange) =>
  Object.fromEntries(
    Object.entries(exchange).filter(([key]) => !['seq', 'origin', 'imported'].includes(key)),
  );

/**
 * An engine with a transfers folder of its own for each test of the calling file (started before
 * it, stopped after), and the steps export and import tests take with it.
 */
export function transferEngine() {
  const state: { engine?: TestCore; transfers?: FileTransfers; parent?: string } = {};
  const others: TestCore[] = [];
  const engine = () => state.engine as TestCore;
  const transfers = () => state.transfers as FileTransfers;

  beforeEach(async () => {
    state.parent = await makeTempDir('ohi-transfer-test-');
    state.transfers = await FileTransfers.create(state.parent);
    state.engine = await startTestCore({ transfers: state.transfers, overrides: { secret: SECRET } });
  });
  afterEach(async () => {
    await Promise.all(others.splice(0).map((other) => other.stop()));
    await engine().stop();
    await transfers().close();
    await rm(state.parent as string, { recursive: true, force: true });
  });

  /** A job's state once it stopped running, as pushed to the UI. */
  const ended = (id: string, on = engine()): Promise<JobView> =>
    waitFor(() => {
      const last = on.pushes
        .flatMap((m) => (m.name === 'jobs.changed' && m.payload.id === id ? [m.payload] : []))
        .at(-1);
      return last && last.state !== 'running' ? last : undefined;
    });

  /** Run a job command and wait for its last state. */
  async function runJob<N extends 'exchanges.export' | 'exchanges.import'>(
    name: N,
    input: CommandInput<N>,
    on = engine(),
  ): Promise<JobView> {
    return ended((await on.call(name, input)).job!.id, on);
  }

  return {
    get engine() {
      return engine();
    },
    get transfers() {
      return transfers();
    },
    ended,
    runJob,

    /** Files in the transfers folder (exports being written or waiting, uploads). */
    stagedFiles: () => {
      const parent = state.parent as string;
      return readdirSync(parent).flatMap((dir) => readdirSync(path.join(parent, dir)));
    },

    /** A verification and the sample deliveries, as Okta sends them. */
    captureSome: async (): Promise<void> => {
      const { hookUrl } = engine();
      await send(hookUrl, {
        headers: [
          ['X-Okta-Verification-Challenge', 'chal-1'],
          ['Authorization', SECRET],
        ],
      });
      // A proxy in front of a handler may copy the credentials into a header of its own.
      const copied: [string, string] = ['X-Original-Authorization', SECRET];
      for (const name of SAMPLE_DELIVERIES)
        await deliver(hookUrl, payloadText(name), [['Authorization', SECRET], copied]);
    },

    importText: async (text: string, name: string, into = engine()): Promise<JobView> => {
      const upload = await transfers().saveUpload(Readable.from([text]), name, 1e9);
      return runJob('exchanges.import', { upload }, into);
    },

    /** A second engine with a history of its own, sharing the transfers folder; stopped after the test. */
    anotherEngine: async (): Promise<TestCore> => {
      const other = await startTestCore({ transfers: transfers(), overrides: { secret: SECRET } });
      others.push(other);
      return other;
    },

    /** The text of an export of the engine's history. */
    exportText: async (format: 'har' | 'ndjson'): Promise<string> => {
      const job = await runJob('exchanges.export', { format, revealSecrets: true });
      return readFile(job.file!.path!, 'utf8');
    },

    /** Every exchange listed for `query`, oldest first, secrets revealed. */
    all: async (query = '', on = engine()) => {
      const { items } = await on.call('exchanges.list', { query, limit: 100 });
      return Promise.all(
        items.reverse().map(({ id }) => on.call('exchanges.get', { id, revealSecrets: true })),
      );
    },
  };
}
