import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileTransfers } from '../core/transfer/file-transfers';
import { startApiServer } from './api-server';
import type { Logger } from '../core/deps';
import { makeTempDir, startTestCore, type TestCore } from '../../test-support/engine/core-fixture';
import { memoryVault } from '../../test-support/engine/memory-vault';
import { deliver, send } from '../../test-support/engine/http-client';
import { payloadText } from '../../test-support/engine/payloads';
import { NOT_RECORDED, UNREADABLE } from '../core/store/header-sealer';
import { startTarget } from '../../test-support/engine/target-server';
import { waitFor } from '../../test-support/engine/wait-for';

/** Distinctive values: any occurrence in an artefact can only be a leak. */
const RAW = 'hook-user:Zx9-distinctive-hook-secret-41c7';
const SECRET = `Basic ${Buffer.from(RAW).toString('base64')}`;
const TOKEN = 'api-token-Qm2-distinctive-token-88d1';
const NEEDLES = [SECRET, SECRET.slice('Basic '.length), RAW, TOKEN];

const leaks = (where: string, text: string) =>
  NEEDLES.filter((needle) => text.includes(needle)).map((needle) => `${where} contains ${needle}`);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function capturingLogger(lines: string[]): Logger {
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** An engine and its API with every output captured: log lines, API answers, the event stream. */
async function observedEngine() {
  const logLines: string[] = [];
  const disk = { failing: false };
  const transfers = await FileTransfers.create();
  const t = await startTestCore({
    transfers,
    logger: capturingLogger(logLines),
    writeFault: (operation) =>
      disk.failing && operation === 'write'
        ? { partial: 3, error: Object.assign(new Error('full'), { code: 'ENOSPC' }) }
        : undefined,
  });
  const api = await startApiServer({
    core: t.core,
    transfers,
    token: TOKEN,
    port: 0,
    rendererDir: t.dataDir,
  });
  const base = `http://127.0.0.1:${api.port}`;
  const answers: string[] = [];
  const call = async (name: string, input: unknown) => {
    const res = await send(`${base}/api/${name}`, {
      method: 'POST',
      headers: [
        ['Authorization', `Bearer ${TOKEN}`],
        ['Content-Type', 'application/json'],
      ],
      body: JSON.stringify(input),
    });
    answers.push(res.text);
    return res;
  };
  const sse = await fetch(`${base}/api/events`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  const events = sse.body!.pipeThrough(new TextDecoderStream()).getReader();
  let pushed = '';
  const pump = (async () => {
    for (let r = await events.read(); !r.done; r = await events.read()) pushed += r.value;
  })().catch(() => undefined);
  // A handler that echoes the credential it was sent, as debugging handlers do.
  const handler = await startTarget((request, response) => {
    const auth = request.rawHeaders.findIndex((name, i) => i % 2 === 0 && /^authorization$/i.test(name));
    response.writeHead(200, { 'X-Echo': request.rawHeaders[auth + 1] ?? '' }).end('{}');
  });
  const closeApi = async () => {
    await api.close();
    await pump;
    await transfers.close();
    await handler.close();
  };
  const download = async (url: string) => answers.push((await send(`${base}${url}`)).text);
  return { t, disk, call, download, handler, closeApi, logLines, answers, pushed: () => pushed };
}

type Engine = Awaited<ReturnType<typeof observedEngine>>;

/** Forwarded to the handler (which echoes the secret), and replayed straight to it. */
async function forwardAndReplay({ t, call, handler }: Engine): Promise<void> {
  const forward = { target: handler.url, timeoutMs: 5000, verification: 'auto' };
  expect((await call('settings.update', { forward })).status).toBe(200);
  const body = payloadText('01-user-session-start.json');
  expect((await deliver(t.hookUrl, body, [['Authorization', SECRET]])).status).toBe(200);
  const [newest] = (await t.call('exchanges.list', { limit: 1 })).items;
  expect((await call('replay.run', { id: newest?.id, target: handler.url })).status).toBe(200);
  expect(handler.seen).toHaveLength(2);
}

/** Every exchange exported, masked, in both formats, and downloaded as the browser would. */
async function exportAll({ t, call, download }: Engine): Promise<void> {
  for (const format of ['ndjson', 'har']) {
    const started = JSON.parse((await call('exchanges.export', { format })).text) as {
      value: { job: { id: string } };
    };
    const done = await waitFor(() => {
      const job = t.pushes
        .flatMap((m) =>
          m.name === 'jobs.changed' && m.payload.id === started.value.job.id ? [m.payload] : [],
        )
        .find((j) => j.state === 'done');
      return job?.file?.downloadUrl;
    });
    await download(done);
  }
}

/** Deliveries right, wrong and odd, a storage failure and a rejected secret change. */
async function driveTraffic({ t, disk, call }: Engine) {
  expect((await call('settings.update', { secret: SECRET })).status).toBe(200);
  const body = payloadText('01-user-session-start.json');
  const statuses = [
    (await deliver(t.hookUrl, body, [['Authorization', SECRET]])).status,
    (await deliver(t.hookUrl, body, [['Authorization', 'Basic wrong']])).status,
    (await deliver(t.hookUrl, body, [['X-Okta-Secret', SECRET]])).status,
    (await deliver(t.hookUrl, body, [['Authorization', `Token ${SECRET}`]])).status,
    (
      await deliver(t.hookUrl, body, [
        ['Authorization', SECRET],
        ['authorization', SECRET],
      ])
    ).status,
    (await deliver(t.hookUrl, '{not json', [['Authorization', SECRET]])).status,
    (
      await send(t.hookUrl, {
        headers: [
          ['X-Okta-Verification-Challenge', 'c'],
          ['Authorization', SECRET],
        ],
      })
    ).status,
  ];
  expect(statuses).toEqual([204, 401, 401, 401, 401, 204, 200]);
  disk.failing = true;
  expect((await deliver(t.hookUrl, body, [['Authorization', SECRET]])).status).toBe(503);
  disk.failing = false;
  expect((await call('settings.update', { secret: `${SECRET}\n` })).status).toBe(400);
}

/** Everything the UI could be given: every exchange (masked, as the UI asks), status, settings. */
async function readAsTheUi(call: (name: string, input: unknown) => Promise<{ text: string }>) {
  const listed = JSON.parse((await call('exchanges.list', {})).text) as {
    value: { items: { id: string }[] };
  };
  const ids = listed.value.items.map((item) => item.id);
  for (const id of ids) await call('exchanges.get', { id });
  await call('status.get', {});
  await call('settings.get', {});
  return ids;
}

describe('secrets', () => {
  it('never appear in logs, API answers, pushes or files other than secrets.json, whatever the traffic', async () => {
    const engine = await observedEngine();
    const { t } = engine;
    await driveTraffic(engine);
    await forwardAndReplay(engine);
    await exportAll(engine);
    const ids = await readAsTheUi(engine.call);
    expect(ids).toHaveLength(9);
    // Positive controls: the secret is stored where it belongs and can be revealed on request.
    const revealed = await t.call('exchanges.get', {
      id: ids.at(-1)!,
      revealSecrets: true,
    });
    expect(revealed.request.headers).toContainEqual(['Authorization', SECRET]);
    for (const id of ids.slice(0, 2)) {
      const handled = await t.call('exchanges.get', { id, revealSecrets: true });
      expect(handled.forward?.headers).toContainEqual(['Authorization', SECRET]);
      expect(handled.forward?.response?.headers).toContainEqual(['X-Echo', SECRET]);
    }
    expect(await readFile(path.join(t.dataDir, 'secrets.json'), 'utf8')).toContain(SECRET);

    await engine.closeApi();
    await t.core.stop();
    const found = [
      ...leaks('the log', engine.logLines.join('\n')),
      ...engine.answers.flatMap((a, i) => leaks(`API answer ${i}`, a)),
      ...leaks('the event stream', engine.pushed()),
      ...leaks('the pushes', JSON.stringify(t.pushes)),
    ];
    for (const file of await filesUnder(t.dataDir)) {
      if (path.basename(file).startsWith('secrets')) continue;
      found.push(...leaks(path.relative(t.dataDir, file), await readFile(file, 'latin1')));
    }
    await rm(t.dataDir, { recursive: true, force: true });
    expect(found).toEqual([]);
    expect(engine.logLines.some((l) => l.includes('storage failed'))).toBe(true);
    expect(engine.pushed()).toContain('exchanges.appended');
  });

  it('shows a sealed value as unreadable, not as ciphertext, when the key is gone', async () => {
    const t = await startTestCore({ overrides: { secret: SECRET } });
    await deliver(t.hookUrl, '{}', [['Authorization', SECRET]]);
    await t.core.stop();
    await rm(path.join(t.dataDir, 'secrets.json'));
    const reopened = await startTestCore({ dataDir: t.dataDir });
    const headers = await revealedHeaders(reopened);
    await reopened.stop();
    await rm(t.dataDir, { recursive: true, force: true });
    expect(headers).toContainEqual(['Authorization', UNREADABLE]);
  });

  it('keeps one capture key per data folder: what the desktop app recorded reads in clear headless, and back', async () => {
    const desktop = await startTestCore({
      overrides: { secret: SECRET },
      desktopSecrets: () => Promise.resolve(memoryVault()),
    });
    await deliver(desktop.hookUrl, '{}', [['Authorization', SECRET]]);
    await desktop.core.stop();
    const headless = await startTestCore({ dataDir: desktop.dataDir, overrides: { secret: SECRET } });
    expect(await revealedHeaders(headless)).toContainEqual(['Authorization', SECRET]);
    await deliver(headless.hookUrl, '{"second":1}', [['Authorization', SECRET]]);
    await headless.core.stop();
    const again = await startTestCore({
      dataDir: desktop.dataDir,
      desktopSecrets: () => Promise.resolve(memoryVault()),
    });
    const all = await again.call('exchanges.list', {});
    for (const { id } of all.items)
      expect(await revealedHeaders(again, id)).toContainEqual(['Authorization', SECRET]);
    await again.stop();
    await rm(desktop.dataDir, { recursive: true, force: true });
  });

  it('tells headless mode which secrets only the desktop app saved', async () => {
    const dataDir = await makeTempDir();
    await writeFile(path.join(dataDir, 'secrets.enc.json'), JSON.stringify({ hookSecret: 'djEwAAAA' }));
    const t = await startTestCore({ dataDir });
    const view = await t.call('settings.get', {});
    expect(view.secretStorage.unreadable.map((u) => u.name)).toEqual(['hookSecret']);
    expect(t.core.status().storage.notices.join('\n')).toMatch(
      /saved hook secret could not be read: it was saved by the desktop app/,
    );
    await t.call('settings.update', { secret: SECRET });
    expect((await t.call('settings.get', {})).secretStorage.unreadable).toEqual([]);
    expect(await t.core.dispatch('secrets.protect', { passphrase: 'a long passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/Only the desktop app/) },
    });
    await t.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('leaves a damaged secrets.json as it is instead of minting a new capture key over it', async () => {
    const dataDir = await makeTempDir();
    const damaged = '{"captureKey": "c2VhbGVk';
    await writeFile(path.join(dataDir, 'secrets.json'), damaged);
    const t = await startTestCore({ dataDir, overrides: { secret: SECRET } });
    expect((await deliver(t.hookUrl, '{}', [['Authorization', SECRET]])).status).toBe(204);
    expect(await revealedHeaders(t)).toContainEqual(['Authorization', NOT_RECORDED]);
    expect(t.core.status().storage.notices[0]).toBe(
      'Saved secrets could not be read: secrets.json is not valid JSON. Enter them again in Settings.',
    );
    await t.stop();
    expect(await readFile(path.join(dataDir, 'secrets.json'), 'utf8')).toBe(damaged);
    await rm(dataDir, { recursive: true, force: true });
  });
});

async function revealedHeaders(t: TestCore, id?: string) {
  const first = (await t.call('exchanges.list', {})).items[0]!.id;
  const exchange = await t.call('exchanges.get', {
    id: id ?? first,
    revealSecrets: true,
  });
  return exchange.request.headers;
}
