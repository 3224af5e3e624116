import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../test-support/engine/core-fixture';
import { send } from '../../test-support/engine/http-client';
import { FileTransfers } from '../core/transfer/file-transfers';
import { startApiServer, type ApiServer } from './api-server';

const TOKEN = 'test-token-0123456789abcdef';

let engine: TestCore;
let api: ApiServer;
let transfers: FileTransfers;

beforeEach(async () => {
  transfers = await FileTransfers.create();
  engine = await startTestCore({ transfers });
  const rendererDir = path.join(engine.dataDir, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>ui</title>');
  api = await startApiServer({ core: engine.core, transfers, token: TOKEN, port: 0, rendererDir });
});

afterEach(async () => {
  await api.close();
  await engine.stop();
  await transfers.close();
});

async function command<T>(
  name: string,
  input: unknown,
): Promise<{ status: number; body: { ok: boolean; value: T; error?: { message: string } } }> {
  const res = await send(`http://127.0.0.1:${api.port}/api/${name}`, {
    method: 'POST',
    headers: [
      ['Content-Type', 'application/json'],
      ['Authorization', `Bearer ${TOKEN}`],
    ],
    body: JSON.stringify(input),
  });
  return { status: res.status, body: JSON.parse(res.text) as never };
}

describe('inline hooks over the headless API', () => {
  it('configures a type, checks an answer, sends a sample call and reads its verdict', async () => {
    const template = '{"commands":[{"type":"com.okta.action.update","value":{"registration":"DENY"}}]}';
    const configured = await command('inline.configure', { types: { registration: { template } } });
    expect(configured.body).toMatchObject({
      ok: true,
      value: { settings: { types: { registration: { template } } } },
    });

    const check = await command<{ verdict: { outcome: string; summary: string } }>('inline.check', {
      type: 'progressive-profile',
      answer: '{"commands":[{"type":"com.okta.user.profile.update","value":{"a":"b"}}]}',
    });
    expect(check.body.value.verdict.summary).toMatch(/uses com.okta.user.progressive.profile.update/);

    const sent = await command<{ exchangeId: string }>('samples.send', { inlineType: 'registration' });
    const exchange = await command<{ inline: { verdict: { summary: string } } }>('exchanges.get', {
      id: sent.body.value.exchangeId,
    });
    expect(exchange.body.value.inline.verdict.summary).toBe(
      'Okta denies the registration, as your answer says',
    );
  });

  it('refuses what the contract does not allow, as values', async () => {
    const bad = await command('inline.configure', { types: { token: { mode: 'sometimes' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.ok).toBe(false);
    const gone = await command('inline.release', { id: 'nothing-held', answer: '{}' });
    expect(gone.body).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no longer held/) },
    });
    const unknownType = await command('samples.send', { inlineType: 'fax' });
    expect(unknownType.body.ok).toBe(false);
  });
});
