import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { validateHar } from '../../../test-support/engine/har-validator';
import { SECRET, transferEngine } from '../../../test-support/engine/transfer-fixture';
import type { HarLog } from './har-types';

const t = transferEngine();
const { captureSome, runJob, all } = t;

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
});
