import type { ExchangeSummary } from '../../shared/model/exchange';
import { silentLogger } from '../../electron/core/deps';
import { ExchangeStore, type NewExchange, type StoreOptions } from '../../electron/core/store/exchange-store';
import { indexWorkerScript } from './index-worker-build';

/** A stored-looking delivery numbered `n` (id `id-n`), with what a test is about overridden. */
export function draft(
  n: number,
  overrides: { status?: number; body?: string; receivedAt?: number; durationMs?: number } = {},
): NewExchange {
  const text = overrides.body ?? `{"n":${n}}`;
  return {
    id: `id-${n}`,
    kind: 'delivery',
    origin: 'live',
    receivedAt: overrides.receivedAt ?? 1_700_000_000_000 + n,
    request: {
      method: 'POST',
      path: '/okta/event-hook',
      query: '',
      httpVersion: '1.1',
      headers: [['X-N', String(n)]],
      body: { text, size: Buffer.byteLength(text), truncated: false },
      remoteAddress: '127.0.0.1',
    },
    response: { status: overrides.status ?? 204, headers: [], body: { text: '', size: 0, truncated: false } },
    timing: { bodyMs: 0.1, durationMs: overrides.durationMs ?? 0.1 },
    auth: { result: 'ok', header: 'Authorization' },
    okta: { events: [] },
    problems: [],
  };
}

export interface OpenedStore {
  store: ExchangeStore;
  appended: ExchangeSummary[];
  updated: ExchangeSummary[];
  removed: string[];
}

/** Open a store in `dir` with generous limits unless the test sets its own. */
export async function openStore(dir: string, options: Partial<StoreOptions> = {}): Promise<OpenedStore> {
  const opened: Omit<OpenedStore, 'store'> = { appended: [], updated: [], removed: [] };
  const store = await ExchangeStore.open({
    dir,
    version: 'test',
    indexWorker: indexWorkerScript(),
    logger: silentLogger,
    retention: { maxCount: 100_000, maxBytes: 1024 * 1024 * 1024 },
    authHeader: () => 'Authorization',
    now: () => Date.now(),
    listeners: {
      appended: (s) => opened.appended.push(s),
      updated: (s) => opened.updated.push(s),
      removed: (removed) => opened.removed.push(...removed.map(({ id }) => id)),
      reloaded: () => undefined,
      status: () => undefined,
    },
    ...options,
  });
  return { store, ...opened };
}
