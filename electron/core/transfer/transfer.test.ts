import { readdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../../shared/contract/commands';
import type { Exchange } from '../../../shared/model/exchange';
import type { JobView } from '../../../shared/model/job';
import { makeTempDir, startTestCore, type TestCore } from '../../../test-support/engine/core-fixture';
import { validateHar } from '../../../test-support/engine/har-validator';
import { deliver, send } from '../../../test-support/engine/http-client';
import { payloadText, SAMPLE_DELIVERIES } from '../../../test-support/engine/payloads';
import { waitFor } from '../../../test-support/engine/wait-for';
import { FileTransfers } from './file-transfers';
import type { HarLog } from './har-types';

const SECRET = 'Basic c2VjcmV0LXZhbHVl';
let engine: TestCore;
let transfers: FileTransfers;
let parent: string;

/** Files in the transfers folder (exports being written or waiting, uploads). */
const stagedFiles = () => readdirSync(parent).flatMap((dir) => readdirSync(path.join(parent, dir)));

beforeEach(async () => {
  parent = await makeTempDir('ohi-transfer-test-');
  transfers = await FileTransfers.create(parent);
  engine = await startTestCore({ transfers, overrides: { secret: SECRET } });
});
const others: TestCore[] = [];
afterEach(async () => {
  await Promise.all(others.splice(0).map((other) => other.stop()));
  await engine.stop();
  await transfers.close();
  await rm(parent, { recursive: true, force: true });
});

async function captureSome(): Promise<void> {
  await send(engine.hookUrl, {
    headers: [
      ['X-Okta-Verification-Challenge', 'chal-1'],
      ['Authorization', SECRET],
    ],
  });
  // A proxy in front of a handler may copy the credentials into a header of its own.
  const copied: [string, string] = ['X-Original-Authorization', SECRET];
  for (const name of SAMPLE_DELIVERIES)
    await deliver(engine.hookUrl, payloadText(name), [['Authorization', SECRET], copied]);
}

/** A job's state once it stopped running, as pushed to the UI. */
const ended = (id: string, on = engine): Promise<JobView> =>
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
  on = engine,
): Promise<JobView> {
  return ended((await on.call(name, input)).job!.id, on);
}

async function importText(text: string, name: string, into = engine): Promise<JobView> {
  const upload = await transfers.saveUpload(Readable.from([text]), name, 1e9);
  return runJob('exchanges.import', { upload }, into);
}

/** A second engine with a history of its own, sharing the transfers folder; stopped after the test. */
async function anotherEngine(): Promise<TestCore> {
  const other = await startTestCore({ transfers, overrides: { secret: SECRET } });
  others.push(other);
  return other;
}

/** The text of an export of `engine`'s history. */
async function exportText(format: 'har' | 'ndjson'): Promise<string> {
  const job = await runJob('exchanges.export', { format, revealSecrets: true });
  return readFile(job.file!.path!, 'utf8');
}

/** What an import may change: its place, origin and the import note. */
const withoutPlace = (exchange: Exchange) =>
  Object.fromEntries(
    Object.entries(exchange).filter(([key]) => !['seq', 'origin', 'imported'].includes(key)),
  );

const all = async (query = '', on = engine) => {
  const { items } = await on.call('exchanges.list', { query, limit: 100 });
  return Promise.all(items.reverse().map(({ id }) => on.call('exchanges.get', { id, revealSecrets: true })));
};

describe('HAR export', () => {
  it('writes valid HAR 1.2 with masked secrets, timings and Okta bodies', async () => {
    await captureSome();
    const job = await runJob('exchanges.export', { format: 'har' });
    expect(job).toMatchObject({ state: 'done', done: 4, total: 4 });
    const text = await readFile(job.file!.path!, 'utf8');
    const har = JSON.parse(text) as HarLog;
    expect(validateHar(har)).toEqual([]);
    expect(har.log.creator.name).toBe('Okta Hook Inspector');
    const [verification, delivery] = har.log.entries;
    expect(verification?.request.method).toBe('GET');
    expect(verification?.request.postData).toBeUndefined();
    expect(verification?.response.content.text).toBe('{"verification":"chal-1"}');
    expect(delivery?.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/okta\/event-hook$/);
    expect(delivery?.request.postData?.mimeType).toBe('application/json');
    expect(JSON.parse(delivery!.request.postData!.text ?? '')).toMatchObject({
      eventType: 'com.okta.event_hook',
    });
    expect(delivery?.response).toMatchObject({ status: 204, statusText: 'No Content' });
    expect(text).not.toContain(SECRET);
    expect(delivery?.request.headers).toContainEqual({ name: 'Authorization', value: 'Basic ••••••••' });
    expect(delivery?.request.headers).toContainEqual({
      name: 'X-Original-Authorization',
      value: 'Basic ••••••••',
    });
  });

  it('reveals secrets only when asked, and exports just the selection or the query', async () => {
    await captureSome();
    const revealed = await runJob('exchanges.export', { format: 'har', revealSecrets: true });
    expect(await readFile(revealed.file!.path!, 'utf8')).toContain(SECRET);
    const [first] = await all();
    const byIds = await runJob('exchanges.export', { format: 'har', ids: [first!.id] });
    expect((JSON.parse(await readFile(byIds.file!.path!, 'utf8')) as HarLog).log.entries).toHaveLength(1);
    const byQuery = await runJob('exchanges.export', { format: 'ndjson', query: 'kind:delivery' });
    expect(byQuery).toMatchObject({ state: 'done', total: 3 });
  });

  it('imports a HAR as imported exchanges with the Okta envelope decoded again', async () => {
    await captureSome();
    const colleague = await anotherEngine();
    const job = await importText(await exportText('har'), 'colleague.har', colleague);
    expect(job).toMatchObject({ state: 'done', imported: { added: 4, already: 0, skipped: 0 } });
    const originals = await all();
    const imported = await all('origin:imported', colleague);
    expect(imported.map((e) => e.id)).toEqual(originals.map((e) => e.id));
    expect(imported.map((e) => e.kind)).toEqual(originals.map((e) => e.kind));
    expect(imported[2]?.okta.events.map((e) => e.eventType)).toEqual(
      originals[2]?.okta.events.map((e) => e.eventType),
    );
    expect(imported[1]).toMatchObject({
      origin: 'imported',
      imported: { file: 'colleague.har' },
      auth: { result: 'ok' },
    });
    expect(imported[0]?.verificationProblem).toBeNull();
  });
});

describe('NDJSON round trip', () => {
  it('loses nothing but the place, and keeps ids, so links between the exchanges still hold', async () => {
    await captureSome();
    const body = payloadText(SAMPLE_DELIVERIES[0]);
    await deliver(engine.hookUrl, body, [['Authorization', SECRET]]);
    const colleague = await anotherEngine();
    await importText(await exportText('ndjson'), 'all.ndjson', colleague);
    const originals = await all();
    const imported = await all('origin:imported', colleague);
    expect(imported).toHaveLength(originals.length);
    for (const [i, original] of originals.entries()) {
      const copy = imported[i]!;
      expect(copy.imported).toMatchObject({
        file: 'all.ndjson',
        original: { id: original.id, seq: original.seq, origin: 'live' },
      });
      expect(withoutPlace(copy)).toEqual(withoutPlace(original));
      expect(copy.origin).toBe('imported');
    }
    expect(imported.at(-1)?.sightings?.repeatOf).toBe(imported[1]?.id);
  });
});

describe('importing what is already in history', () => {
  it('stores nothing twice and says how many were already there', async () => {
    await captureSome();
    const ndjson = await exportText('ndjson');
    expect(await importText(ndjson, 'mine.ndjson')).toMatchObject({
      state: 'done',
      imported: { added: 0, already: 4, skipped: 0 },
      message: 'Imported 0 exchanges from mine.ndjson. 4 already in history.',
    });
    const colleague = await anotherEngine();
    await importText(ndjson, 'first.ndjson', colleague);
    expect(await importText(ndjson, 'again.ndjson', colleague)).toMatchObject({
      imported: { added: 0, already: 4 },
    });
    expect(await importText(await exportText('har'), 'again.har', colleague)).toMatchObject({
      imported: { added: 0, already: 4 },
    });
    expect(await all('', colleague)).toHaveLength(4);
  });

  it('stores a file imported twice at once only once', async () => {
    await captureSome();
    const ndjson = await exportText('ndjson');
    const colleague = await anotherEngine();
    const uploads = await Promise.all(
      ['one.ndjson', 'two.ndjson'].map((name) => transfers.saveUpload(Readable.from([ndjson]), name, 1e9)),
    );
    const started = await Promise.all(
      uploads.map((upload) => colleague.call('exchanges.import', { upload })),
    );
    const jobs = await Promise.all(started.map((s) => ended(s.job!.id, colleague)));
    expect(jobs.map((job) => job.imported)).toEqual([
      { added: 4, already: 0, skipped: 0 },
      { added: 0, already: 4, skipped: 0 },
    ]);
    expect(await all('', colleague)).toHaveLength(4);
  });

  it('adds only what is new from an export that overlaps the history', async () => {
    await captureSome();
    const colleague = await anotherEngine();
    await importText(await exportText('ndjson'), 'monday.ndjson', colleague);
    await deliver(engine.hookUrl, payloadText(SAMPLE_DELIVERIES[0]), [['Authorization', SECRET]]);
    await deliver(engine.hookUrl, payloadText(SAMPLE_DELIVERIES[1]), [['Authorization', SECRET]]);
    expect(await importText(await exportText('ndjson'), 'tuesday.ndjson', colleague)).toMatchObject({
      imported: { added: 2, already: 4 },
      message: 'Imported 2 exchanges from tuesday.ndjson. 4 already in history.',
    });
    const theirs = await all('', colleague);
    expect(theirs.map((e) => e.id)).toEqual((await all()).map((e) => e.id));
    // The redelivery imported on Tuesday points at the exchange imported on Monday.
    expect(theirs.at(-2)?.sightings?.repeatOf).toBe(theirs[1]?.id);
  });

  it('never lets a file hide or replace an exchange by claiming its id', async () => {
    await captureSome();
    const [mine] = await all();
    const lines = (await exportText('ndjson')).trim().split('\n');
    const header = lines[0]!;
    const first = JSON.parse(lines[1]!) as Exchange;
    const impostor = {
      ...first,
      receivedAt: first.receivedAt - 60_000,
      request: { ...first.request, path: '/x' },
    };
    const file = [header, JSON.stringify(impostor), JSON.stringify(impostor)].join('\n');
    expect(await importText(file, 'crafted.ndjson')).toMatchObject({ imported: { added: 1, already: 1 } });
    expect(await engine.call('exchanges.get', { id: mine!.id, revealSecrets: true })).toEqual(mine);
    const [stored] = await all('origin:imported');
    expect(stored).toMatchObject({ request: { path: '/x' }, receivedAt: impostor.receivedAt });
    expect(stored?.id).not.toBe(mine!.id);
  });
});

describe('import validation and cancelling', () => {
  it('refuses a file that is neither format, with a sentence saying so', async () => {
    const job = await importText('hello,world\n', 'data.csv');
    expect(job.state).toBe('failed');
    expect(job.message).toMatch(/data\.csv: this is neither a HAR file nor an Okta Hook Inspector export/);
  });

  it('skips entries it cannot read and says which', async () => {
    const har = JSON.stringify({
      log: {
        version: '1.2',
        entries: [
          {
            startedDateTime: '2026-05-01T10:00:00.000Z',
            request: { method: 'POST', url: 'https://x.test/h' },
            response: { status: 204 },
          },
          {
            startedDateTime: 'yesterday',
            request: { method: 'POST', url: 'https://x.test/h' },
            response: { status: 204 },
          },
        ],
      },
    });
    expect(await importText(har, 'theirs.har')).toMatchObject({
      state: 'done',
      imported: { added: 1, skipped: 1 },
      message: expect.stringMatching(/entry 2: startedDateTime is not a date/),
    });
    const ndjson = `${JSON.stringify({ format: 'okta-hook-inspector/exchanges', version: 1 })}\n{"id":"x"}\n`;
    const failed = await importText(ndjson, 'broken.ndjson');
    expect(failed.state).toBe('failed');
    expect(failed.message).toMatch(/line 2: /);
  });

  it('leaves no file behind when an export is cancelled, and nothing added when an import is', async () => {
    await captureSome();
    const job = (await engine.call('exchanges.export', { format: 'har' })).job!;
    await engine.call('jobs.cancel', { id: job.id });
    expect(await ended(job.id)).toMatchObject({
      state: 'cancelled',
      message: 'Export cancelled; no file was written.',
    });
    expect(stagedFiles()).toEqual([]);
    const lines = [JSON.stringify({ format: 'okta-hook-inspector/exchanges', version: 1 })];
    const [one] = await all();
    for (let n = 0; n < 3000; n += 1) lines.push(JSON.stringify({ ...one, id: `copy-${n}` }));
    const upload = await transfers.saveUpload(Readable.from([lines.join('\n')]), 'big.ndjson', 1e9);
    const started = (await engine.call('exchanges.import', { upload })).job!;
    await engine.call('jobs.cancel', { id: started.id });
    expect((await ended(started.id)).state).toBe('cancelled');
    expect((await all('origin:imported')).length).toBe(0);
  });
});

describe('the list order of imported exchanges', () => {
  it('lists exchanges imported from last week below today’s, by time received, also by position', async () => {
    await captureSome();
    const exported = await runJob('exchanges.export', { format: 'har' });
    const har = JSON.parse(await readFile(exported.file!.path!, 'utf8')) as HarLog;
    const week = 7 * 24 * 60 * 60 * 1000;
    for (const entry of har.log.entries)
      entry.startedDateTime = new Date(Date.parse(entry.startedDateTime) - week).toISOString();
    const job = await importText(JSON.stringify(har), 'last-week.har');
    expect(job).toMatchObject({ state: 'done', imported: { added: har.log.entries.length } });
    await deliver(engine.hookUrl, payloadText(SAMPLE_DELIVERIES[0]), [['Authorization', SECRET]]);

    const { items, total } = await engine.call('exchanges.list', { limit: 100 });
    const live = har.log.entries.length + 1;
    // Stored after today's first deliveries (higher seqs), received a week before them all.
    expect(items.map((s) => s.origin)).toEqual([
      ...Array<string>(live).fill('live'),
      ...Array<string>(har.log.entries.length).fill('imported'),
    ]);
    const received = items.map((s) => s.receivedAt);
    expect(received).toEqual([...received].sort((a, b) => b - a));
    for (let offset = 0; offset < total; offset += 1) {
      const page = await engine.call('exchanges.list', { limit: 1, offset });
      expect(page.items[0]?.seq).toBe(items[offset]?.seq);
    }
  });
});
