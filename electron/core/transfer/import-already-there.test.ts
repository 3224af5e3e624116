import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../shared/model/exchange';
import { deliver } from '../../../test-support/engine/http-client';
import { payloadText, SAMPLE_DELIVERIES } from '../../../test-support/engine/payloads';
import { SECRET, transferEngine } from '../../../test-support/engine/transfer-fixture';

const t = transferEngine();
const { captureSome, importText, anotherEngine, exportText, all, ended } = t;

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
      ['one.ndjson', 'two.ndjson'].map((name) => t.transfers.saveUpload(Readable.from([ndjson]), name, 1e9)),
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
    await deliver(t.engine.hookUrl, payloadText(SAMPLE_DELIVERIES[0]), [['Authorization', SECRET]]);
    await deliver(t.engine.hookUrl, payloadText(SAMPLE_DELIVERIES[1]), [['Authorization', SECRET]]);
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
    expect(await t.engine.call('exchanges.get', { id: mine!.id, revealSecrets: true })).toEqual(mine);
    const [stored] = await all('origin:imported');
    expect(stored).toMatchObject({ request: { path: '/x' }, receivedAt: impostor.receivedAt });
    expect(stored?.id).not.toBe(mine!.id);
  });
});
