import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { deliver } from '../../../test-support/engine/http-client';
import { payloadText, SAMPLE_DELIVERIES } from '../../../test-support/engine/payloads';
import { SECRET, transferEngine, withoutPlace } from '../../../test-support/engine/transfer-fixture';
import type { HarLog } from './har-types';

const t = transferEngine();
const { captureSome, runJob, importText, anotherEngine, exportText, all } = t;

describe('HAR import', () => {
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
    await deliver(t.engine.hookUrl, body, [['Authorization', SECRET]]);
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
    await deliver(t.engine.hookUrl, payloadText(SAMPLE_DELIVERIES[0]), [['Authorization', SECRET]]);

    const { items, total } = await t.engine.call('exchanges.list', { limit: 100 });
    const live = har.log.entries.length + 1;
    // Stored after today's first deliveries (higher seqs), received a week before them all.
    expect(items.map((s) => s.origin)).toEqual([
      ...Array<string>(live).fill('live'),
      ...Array<string>(har.log.entries.length).fill('imported'),
    ]);
    const received = items.map((s) => s.receivedAt);
    expect(received).toEqual([...received].sort((a, b) => b - a));
    for (let offset = 0; offset < total; offset += 1) {
      const page = await t.engine.call('exchanges.list', { limit: 1, offset });
      expect(page.items[0]?.seq).toBe(items[offset]?.seq);
    }
  });
});
