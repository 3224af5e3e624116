import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freshDelivery, SECRET } from '../fixtures';
import { startHeadless, type HeadlessInstance } from '../headless-process';

/** Requests in flight at once, so the kill lands while some are being written. */
const SENDERS = 8;
/** Acknowledged deliveries to wait for before the kill. */
const BEFORE_KILL = 300;

/** Every eventId the engine has stored, through its HTTP API. */
async function storedEventIds(instance: HeadlessInstance): Promise<Set<string>> {
  const url = new URL(instance.inspectorUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const ids = new Set<string>();
  let cursor: number | undefined;
  do {
    const response = await fetch(`${url.origin}/api/exchanges.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ limit: 5000, ...(cursor === undefined ? {} : { cursor }) }),
    });
    const page = (await response.json()) as {
      value: { items: { eventId?: string }[]; nextCursor: number | null };
    };
    for (const item of page.value.items) if (item.eventId) ids.add(item.eventId);
    cursor = page.value.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return ids;
}

test('should keep every delivery it answered with a 2xx when killed with SIGKILL mid-ingest', async () => {
  test.setTimeout(120_000);
  const root = await mkdtemp(path.join(tmpdir(), 'ohi-crash-'));
  // A killed engine cannot clean up: its temporary files go here, removed with the rest.
  const [dataDir, tmpDir] = [path.join(root, 'data'), root];
  try {
    const first = await startHeadless(['--secret', SECRET], { dataDir, tmpDir });
    const acknowledged: string[] = [];
    let sending = true;
    const send = async () => {
      while (sending) {
        const eventId = randomUUID();
        const body = freshDelivery('01-user-session-start.json').replace(
          /"eventId":\s*"[^"]+"/,
          `"eventId": "${eventId}"`,
        );
        const answer = await fetch(first.receiverUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: SECRET },
          body,
        }).catch(() => null);
        if (answer?.ok) acknowledged.push(eventId);
      }
    };
    const senders = Array.from({ length: SENDERS }, send);
    await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(BEFORE_KILL);
    await first.kill();
    sending = false;
    await Promise.all(senders);

    const second = await startHeadless(['--secret', SECRET], { dataDir, tmpDir });
    try {
      const stored = await storedEventIds(second);
      const missing = acknowledged.filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await second.stop();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
