import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { draft, openStore } from '../test-support/engine/store-fixture';
import type { Exchange } from '../shared/model/exchange';
import { decodeDelivery } from '../shared/okta/envelope';
import { payloadText } from '../test-support/engine/payloads';

/** A delivery of a fixture as the receiver would have stored it, numbered `n`. */
export function storedDelivery(n: number, fixture = '01-user-session-start.json'): Exchange {
  const text = payloadText(fixture);
  return {
    ...draft(n, { body: text, receivedAt: Date.now() - 60_000 + n }),
    id: randomUUID(),
    seq: n,
    okta: decodeDelivery(text).okta,
  };
}

/** An NDJSON export holding these exchanges, as the Export button writes it. */
export const ndjsonExport = (exchanges: unknown[]): string =>
  [
    JSON.stringify({
      format: 'okta-hook-inspector/exchanges',
      version: 1,
      exportedAt: new Date().toISOString(),
      count: exchanges.length,
      secretsMasked: true,
    }),
    ...exchanges.map((exchange) => JSON.stringify(exchange)),
  ].join('\n');

/**
 * Writes these exchanges into a data folder's capture log as they are, unchecked: what an older
 * version (or a damaged disk) may have left for the app to open.
 */
export async function writeHistory(dataDir: string, exchanges: unknown[]): Promise<void> {
  // The index worker the app itself runs (`npm run test:e2e` builds it first).
  process.env.OHI_INDEX_WORKER ??= path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../dist-electron/index-worker.cjs',
  );
  const { store } = await openStore(dataDir);
  // The store gives each its own seq.
  for (const exchange of exchanges) await store.append(exchange as Exchange);
  await store.close();
}
