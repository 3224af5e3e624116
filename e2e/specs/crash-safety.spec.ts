import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/contract/commands';
import type { Result } from '../../shared/model/result';
import { startBurst } from '../delivery-burst';
import { fixtureText } from '../fixtures';
import { startHeadless } from '../headless-process';

const TOKEN = 'crash-safety-token-0123456789';
const RATE = 2_000;
const DELIVERY = fixtureText('01-user-session-start.json');
/** The same delivery with its number in the eventId, to match what is stored to what was sent. */
const numbered = (n: number) => DELIVERY.replace(/"eventId":\s*"/, `"eventId": "burst-${n}-`);
const numberOf = (eventId: string | undefined) => Number(/^burst-(\d+)-/.exec(eventId ?? '')?.[1] ?? NaN);

interface Api {
  /** A contract command over the headless HTTP API, typed as `Core.call` is. */
  call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>>;
}

const apiOf = (inspectorUrl: string): Api => {
  const base = new URL(inspectorUrl).origin;
  return {
    call: async (name, input) => {
      const res = await fetch(`${base}/api/${name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const result = (await res.json()) as Result<CommandOutput<typeof name>>;
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result)}`);
      return result.value;
    },
  };
};

/** The delivery numbers of everything the store holds, read through the API as the UI would. */
async function storedNumbers(api: Api): Promise<Set<number>> {
  const ids: string[] = [];
  let cursor: number | null | undefined;
  do {
    const page = await api.call('exchanges.list', {
      limit: 5000,
      ...(cursor ? { cursor } : {}),
    });
    ids.push(...page.items.map((s) => s.id));
    cursor = page.nextCursor;
  } while (cursor);
  const numbers = new Set<number>();
  for (let i = 0; i < ids.length; i += 32) {
    const batch = await Promise.all(ids.slice(i, i + 32).map((id) => api.call('exchanges.get', { id })));
    for (const exchange of batch) numbers.add(numberOf(exchange.okta.eventId));
  }
  return numbers;
}

test('SIGKILL in the middle of a 2,000 requests/s burst loses no acknowledged delivery', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ohi-crash-'));
  try {
    const first = await startHeadless(['--token', TOKEN], { dataDir });
    const started = performance.now();
    const burst = startBurst(first.receiverUrl, numbered, RATE, 20_000);
    await expect
      .poll(() => burst.acknowledgedSoFar(), { timeout: 20_000, intervals: [20] })
      .toBeGreaterThan(RATE);
    await first.kill();
    const seconds = (performance.now() - started) / 1000;
    const rates = `sending ${Math.round(burst.sentSoFar() / seconds)}/s, acknowledged ${Math.round(burst.acknowledgedSoFar() / seconds)}/s until the kill`;
    burst.stop();
    const sent = await burst.finished;

    const second = await startHeadless(['--token', TOKEN], { dataDir });
    const stored = await storedNumbers(apiOf(second.inspectorUrl));
    const lost = sent.acknowledged.filter((n) => !stored.has(n));
    const figures = `${rates}; sent ${sent.sent}, acknowledged (2xx) ${sent.acknowledged.length}, refused ${sent.refused}, no answer ${sent.failed}, found after restart ${stored.size}, acknowledged but lost ${lost.length}`;
    testInfo.annotations.push({ type: 'crash figures', description: figures });
    console.log(`crash safety: ${figures}`);
    expect(lost).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(sent.acknowledged.length);
    // Beyond those, only deliveries that were in flight: nothing torn or invented.
    expect([...stored].every((n) => Number.isInteger(n) && n >= 0 && n < sent.sent)).toBe(true);
    // Deliveries were still in flight when the process died: the kill really was mid-burst.
    expect(sent.failed).toBeGreaterThan(0);
    await second.stop();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
