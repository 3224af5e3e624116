import { expect, it } from 'vitest';
import { checkExchange } from '../../shared/contract/exchange-schema';
import type { SettingsPatch } from '../../shared/contract/schemas';
import type { Exchange } from '../../shared/model/exchange';
import { OKTA_TIMEOUT_MS } from '../../shared/okta/headers';
import type { ReceiverLimits } from '../../electron/core/receiver/receiver-limits';
import { startTestCore, type TestCore } from './core-fixture';
import { deliver } from './http-client';
import { payloadText } from './payloads';
import type { RawOutcome } from './raw-socket';
import { waitFor } from './wait-for';

export const CORPUS_SECRET = 'Basic Y29ycHVzOmhvc3RpbGUtaW5wdXQ=';

/** "Well within" Okta's 3 s budget: a third of it, on a loaded 2-core machine. */
export const HEALTHY_WITHIN_MS = OKTA_TIMEOUT_MS / 3;

export interface HostileCase {
  /** Says what is sent and what must happen. */
  name: string;
  settings?: SettingsPatch;
  limits?: Partial<ReceiverLimits>;
  send(target: { port: number; path: string; core: TestCore }): Promise<RawOutcome>;
  /** Final statuses in order; `[]` means the connection ended with no answer at all. */
  answers: number[];
  /** The server must have closed the connection (it cannot be reused). */
  closes?: boolean;
  /** How many exchanges the request leaves in the store. */
  records: number;
  check?(recorded: Exchange[], outcome: RawOutcome): void;
}

/**
 * What one request may cost in the capture log: a fixed multiple of its bytes (decompressed
 * bytes for a compressed body, themselves at most MAX_EXPANSION times what arrived) plus a
 * fixed part for headers, problems and the record's frame.
 */
export const RECORD_BOUND = { perByte: 8, fixed: 16 * 1024 };

/** The exchange as written (its JSON) fits RECORD_BOUND for a request of `bytes` bytes. */
export function expectBoundedRecord(exchange: Exchange | undefined, bytes: number): void {
  const size = Buffer.byteLength(JSON.stringify(exchange));
  expect(size).toBeLessThanOrEqual(RECORD_BOUND.perByte * bytes + RECORD_BOUND.fixed);
}

/** Every exchange stored so far, oldest first, with secrets in clear for exact assertions. */
export async function storedExchanges(t: TestCore): Promise<Exchange[]> {
  const page = await t.call('exchanges.list', { limit: 5000 });
  const ids = page.items.map((s) => s.id).reverse();
  return Promise.all(ids.map((id) => t.call('exchanges.get', { id, revealSecrets: true })));
}

/** Marks the good deliveries the runner sends, so a case's own records can be told apart. */
const PROBE_HEADER = 'X-Corpus-Probe';
const isProbe = (e: Exchange) => e.request.headers.some(([name]) => name === PROBE_HEADER);

/** A real delivery with the right secret: must be answered 2xx well within Okta's budget. */
export async function expectHealthy(t: TestCore, secret = CORPUS_SECRET): Promise<void> {
  const started = performance.now();
  const res = await deliver(t.hookUrl, payloadText('01-user-session-start.json'), [
    // Header values travel as bytes; a non-ASCII secret goes out as UTF-8, as Okta sends it.
    ['Authorization', Buffer.from(secret, 'utf8').toString('latin1')],
    [PROBE_HEADER, '1'],
  ]);
  const elapsed = performance.now() - started;
  expect(res.status).toBe(204);
  expect(elapsed).toBeLessThan(HEALTHY_WITHIN_MS);
}

/** One test per case: send it over a real socket, check answer and record, then a good delivery. */
export function runCorpus(cases: HostileCase[]): void {
  it('names in every case the statuses it expects, or that there is no answer', () => {
    for (const c of cases) {
      for (const status of c.answers) expect(c.name).toContain(String(status));
      if (c.answers.length === 0) expect(c.name).toMatch(/no answer|without an answer/);
    }
  });
  it.each(cases)('$name', async (c) => {
    const t = await startTestCore({
      overrides: { secret: CORPUS_SECRET },
      ...(c.limits ? { receiverLimits: c.limits } : {}),
    });
    try {
      if (c.settings) await t.call('settings.update', c.settings);
      const url = new URL(t.hookUrl);
      const outcome = await c.send({ port: Number(url.port), path: url.pathname, core: t });
      expect(outcome.responses.map((r) => r.status)).toEqual(c.answers);
      if (c.closes) expect(outcome.closed).toBe(true);
      await waitFor(() => (t.core.status().storage.count >= c.records ? true : undefined));
      await expectHealthy(t, c.settings?.secret ?? CORPUS_SECRET);
      const recorded = (await storedExchanges(t)).filter((e) => !isProbe(e));
      expect(recorded).toHaveLength(c.records);
      // What the receiver records is what an import is held to: the same schema.
      for (const exchange of recorded) expect(checkExchange(exchange)).toEqual({ value: exchange });
      c.check?.(recorded, outcome);
    } finally {
      await t.stop();
    }
  });
}
