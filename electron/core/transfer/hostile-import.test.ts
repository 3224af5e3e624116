import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../shared/model/exchange';
import type { JobView } from '../../../shared/model/job';
import { makeTempDir, startTestCore, type TestCore } from '../../../test-support/engine/core-fixture';
import { HOSTILE_IMPORTS, type HostileImport } from '../../../test-support/engine/hostile-imports';
import { deliver } from '../../../test-support/engine/http-client';
import { payloadText } from '../../../test-support/engine/payloads';
import { waitFor } from '../../../test-support/engine/wait-for';
import { FileTransfers } from './file-transfers';

const SECRET = 'Basic aG9zdGlsZTppbXBvcnQ=';
let engine: TestCore;
let transfers: FileTransfers;
let parent: string;

beforeEach(async () => {
  parent = await makeTempDir('ohi-hostile-import-');
  transfers = await FileTransfers.create(parent);
  engine = await startTestCore({ transfers, dataDir: parent, overrides: { secret: SECRET } });
});
afterEach(async () => {
  await engine.stop();
  await transfers.close();
  await rm(parent, { recursive: true, force: true });
});

async function runImport(text: string, name: string): Promise<JobView> {
  const upload = await transfers.saveUpload(Readable.from([text]), name, 1e9);
  const job = (await engine.call('exchanges.import', { upload })).job!;
  return waitFor(() => {
    const last = engine.pushes
      .flatMap((m) => (m.name === 'jobs.changed' && m.payload.id === job.id ? [m.payload] : []))
      .at(-1);
    return last && last.state !== 'running' ? last : undefined;
  });
}

/** A real delivery, captured and read back as an export would write it. */
async function captured(): Promise<Exchange> {
  await deliver(engine.hookUrl, payloadText('02-batch-mixed-3-events.json'), [['Authorization', SECRET]]);
  const { items } = await engine.call('exchanges.list', { limit: 1 });
  return engine.call('exchanges.get', { id: items[0]!.id, revealSecrets: true });
}

const HEADER = JSON.stringify({ format: 'okta-hook-inspector/exchanges', version: 1 });

/** The crafted line or entry after a good one, in the format it belongs to. */
function fileFor(crafted: HostileImport, good: Exchange): { text: string; name: string } {
  if (crafted.line) {
    // The good line under an id of its own: as itself it is already in history, and not added.
    const copy = { ...good, id: `${good.id}-copy` };
    return {
      text: [HEADER, JSON.stringify(copy), JSON.stringify(crafted.line(good))].join('\n'),
      name: 'x.ndjson',
    };
  }
  const fine = {
    startedDateTime: '2026-05-01T10:00:00.000Z',
    request: { method: 'POST', url: 'https://x.test/h' },
    response: { status: 204 },
  };
  return { text: JSON.stringify({ log: { version: '1.2', entries: [fine, crafted.entry] } }), name: 'x.har' };
}

describe('hostile imports', () => {
  it.each(HOSTILE_IMPORTS)('skips $name, says why, and leaves the data folder usable', async (crafted) => {
    const good = await captured();
    const { text, name } = fileFor(crafted, good);
    const job = await runImport(text, name);
    expect(job).toMatchObject({ state: 'done', imported: { added: 1, skipped: 1 } });
    expect(job.message).toMatch(crafted.reason);
    // What was written reads back, after a restart too.
    await engine.core.stop();
    engine = await startTestCore({ transfers, dataDir: parent, overrides: { secret: SECRET } });
    const { items } = await engine.call('exchanges.list', { limit: 10 });
    expect(items).toHaveLength(2);
    for (const { id } of items) await engine.call('exchanges.get', { id });
    await engine.call('exchanges.timeline', { query: '', buckets: 120 });
  });

  it('imports a HAR entry with HTTP/2 pseudo-headers, dropping them', async () => {
    const entry = {
      startedDateTime: '2026-05-01T10:00:00.000Z',
      request: {
        method: 'POST',
        url: 'https://x.test/h',
        headers: [
          { name: ':authority', value: 'x.test' },
          { name: 'content-type', value: 'application/json' },
        ],
      },
      response: { status: 204 },
    };
    const job = await runImport(JSON.stringify({ log: { entries: [entry] } }), 'chrome.har');
    expect(job).toMatchObject({ state: 'done', imported: { added: 1, skipped: 0 } });
    const { items } = await engine.call('exchanges.list', { limit: 1 });
    const imported = await engine.call('exchanges.get', { id: items[0]!.id });
    expect(imported.request.headers).toEqual([['content-type', 'application/json']]);
  });
});
