import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { transferEngine } from '../../../test-support/engine/transfer-fixture';

const t = transferEngine();
const { captureSome, importText, all, ended, stagedFiles } = t;

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
    const cut = `${JSON.stringify({ format: 'okta-hook-inspector/exchanges', version: 1 })}\n{"id":"x","rece`;
    expect((await importText(cut, 'cut.ndjson')).message).toMatch(
      /line 2: not JSON \(the file may be cut short/,
    );
  });

  it('leaves no file behind when an export is cancelled, and nothing added when an import is', async () => {
    await captureSome();
    const job = (await t.engine.call('exchanges.export', { format: 'har' })).job!;
    await t.engine.call('jobs.cancel', { id: job.id });
    expect(await ended(job.id)).toMatchObject({
      state: 'cancelled',
      message: 'Export cancelled; no file was written.',
    });
    expect(stagedFiles()).toEqual([]);
    const lines = [JSON.stringify({ format: 'okta-hook-inspector/exchanges', version: 1 })];
    const [one] = await all();
    for (let n = 0; n < 3000; n += 1) lines.push(JSON.stringify({ ...one, id: `copy-${n}` }));
    const upload = await t.transfers.saveUpload(Readable.from([lines.join('\n')]), 'big.ndjson', 1e9);
    const started = (await t.engine.call('exchanges.import', { upload })).job!;
    await t.engine.call('jobs.cancel', { id: started.id });
    expect((await ended(started.id)).state).toBe('cancelled');
    expect((await all('origin:imported')).length).toBe(0);
  });
});
