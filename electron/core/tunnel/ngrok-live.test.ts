import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestCore } from '../../../test-support/engine/core-fixture';
import { buildNgrokAgent } from '../../../test-support/engine/ngrok-agent-build';
import { forkAgent } from './agent-process';
import { createNgrokProvider } from './ngrok-process';

const authtoken = process.env.NGROK_AUTHTOKEN ?? '';

// Needs the internet and a real token: it runs only when NGROK_AUTHTOKEN is set, and shows as
// skipped (not passed) otherwise.
describe.skipIf(authtoken === '')('real ngrok service (skipped: set NGROK_AUTHTOKEN to run it)', () => {
  it('gives a public https hook URL that reaches the receiver, and closes it on stop', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'ohi-agent-'));
    const t = await startTestCore({
      ngrok: createNgrokProvider({
        agentPath: await buildNgrokAgent(outDir),
        launch: forkAgent,
        clientVersion: 'test',
      }),
      overrides: { ngrokAuthtoken: { value: authtoken, source: 'environment' } },
    });
    try {
      const status = await t.call('tunnel.start', {});
      if (status.state !== 'online') throw new Error(`tunnel did not come up: ${JSON.stringify(status)}`);
      expect(status.publicUrl).toMatch(/^https:\/\//);
      const answer = await fetch(status.hookUrl, {
        headers: { 'X-Okta-Verification-Challenge': 'live-check' },
      });
      expect(await answer.json()).toEqual({ verification: 'live-check' });
      expect(await t.call('tunnel.stop', {})).toMatchObject({ state: 'off' });
    } finally {
      await t.stop();
      await rm(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});
