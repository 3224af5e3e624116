import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApiServer } from './api-server';
import type { Logger } from '../core/deps';
import { startTestCore } from '../core/testing/core-fixture';
import { deliver, send } from '../core/testing/http-client';
import { payloadText } from '../core/testing/payloads';
import { UNREADABLE } from '../core/store/header-sealer';

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

describe('secrets', () => {
  it('never appear in logs, API answers, pushes or files other than secrets.json, whatever the traffic', async () => {
    const logLines: string[] = [];
    const disk = { failing: false };
    const t = await startTestCore({
      logger: capturingLogger(logLines),
      writeFault: (operation) =>
        disk.failing && operation === 'write'
          ? { partial: 3, error: Object.assign(new Error('full'), { code: 'ENOSPC' }) }
          : undefined,
    });
    const api = await startApiServer({ core: t.core, token: TOKEN, port: 0, rendererDir: t.dataDir });
    const apiBase = `http://127.0.0.1:${api.port}`;
    const answers: string[] = [];
    const call = async (name: string, input: unknown) => {
      const res = await send(`${apiBase}/api/${name}`, {
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
    const sse = await fetch(`${apiBase}/api/events`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const events = sse.body!.pipeThrough(new TextDecoderStream()).getReader();
    let pushed = '';
    const pump = (async () => {
      for (let r = await events.read(); !r.done; r = await events.read()) pushed += r.value;
    })().catch(() => undefined);

    expect((await call('settings.update', { secret: SECRET })).status).toBe(200);
    const body = payloadText('01-user-session-start.json');
    const traffic = [
      await deliver(t.hookUrl, body, [['Authorization', SECRET]]),
      await deliver(t.hookUrl, body, [['Authorization', 'Basic wrong']]),
      await deliver(t.hookUrl, body, [['X-Okta-Secret', SECRET]]),
      await deliver(t.hookUrl, body, [['Authorization', `Token ${SECRET}`]]),
      await deliver(t.hookUrl, body, [
        ['Authorization', SECRET],
        ['authorization', SECRET],
      ]),
      await deliver(t.hookUrl, '{not json', [['Authorization', SECRET]]),
      await send(t.hookUrl, {
        headers: [
          ['X-Okta-Verification-Challenge', 'c'],
          ['Authorization', SECRET],
        ],
      }),
    ];
    expect(traffic.map((r) => r.status)).toEqual([204, 401, 401, 401, 401, 204, 200]);
    disk.failing = true;
    expect((await deliver(t.hookUrl, body, [['Authorization', SECRET]])).status).toBe(503);
    disk.failing = false;
    expect((await call('settings.update', { secret: `${SECRET}\n` })).status).toBe(400);
    await call('settings.update', { authHeader: 'Authorization' });

    const listed = JSON.parse((await call('exchanges.list', {})).text) as {
      value: { items: { id: string }[] };
    };
    const ids = listed.value.items.map((item) => item.id);
    expect(ids).toHaveLength(7);
    for (const id of ids) await call('exchanges.get', { id });
    await call('status.get', {});
    await call('settings.get', {});
    // Positive controls: the secret is stored where it belongs and can be revealed on request.
    const revealed = await t.call<{ request: { headers: [string, string][] } }>('exchanges.get', {
      id: ids.at(-1),
      revealSecrets: true,
    });
    expect(revealed.request.headers).toContainEqual(['Authorization', SECRET]);
    expect(await readFile(path.join(t.dataDir, 'secrets.json'), 'utf8')).toContain(SECRET);

    await api.close();
    await pump;
    await t.core.stop();
    const found = [
      ...leaks('the log', logLines.join('\n')),
      ...answers.flatMap((a, i) => leaks(`API answer ${i}`, a)),
      ...leaks('the event stream', pushed),
      ...leaks('the pushes', JSON.stringify(t.pushes)),
    ];
    for (const file of await filesUnder(t.dataDir)) {
      if (path.basename(file).startsWith('secrets')) continue;
      found.push(...leaks(path.relative(t.dataDir, file), await readFile(file, 'latin1')));
    }
    expect(found).toEqual([]);
    expect(logLines.some((l) => l.includes('storage failed'))).toBe(true);
    expect(pushed).toContain('exchanges.appended');
    await t.stop().catch(() => undefined);
  });

  it('shows a sealed value as unreadable, not as ciphertext, when the key is gone', async () => {
    const t = await startTestCore({ overrides: { secret: SECRET } });
    await deliver(t.hookUrl, '{}', [['Authorization', SECRET]]);
    await t.core.stop();
    const reopened = await startTestCore({
      dataDir: t.dataDir,
      vault: { get: () => Promise.resolve(null), set: () => Promise.resolve() },
    });
    const [summary] = (await reopened.call<{ items: { id: string }[] }>('exchanges.list', {})).items;
    const exchange = await reopened.call<{ request: { headers: [string, string][] } }>('exchanges.get', {
      id: summary?.id,
      revealSecrets: true,
    });
    expect(exchange.request.headers).toContainEqual(['Authorization', UNREADABLE]);
    await reopened.stop();
  });
});
