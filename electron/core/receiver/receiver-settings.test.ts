import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../../test-support/engine/core-fixture';
import { send } from '../../../test-support/engine/http-client';
import { freePort } from '../../../test-support/engine/free-port';

let running: TestCore | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const portOf = (url: string | null) => Number(new URL(url ?? 'http://x').port);

describe('the receiver when settings change', () => {
  it('keeps a one-run random port when only the hook path changes', async () => {
    running = await startTestCore({ overrides: { port: 0 } });
    const t = running;
    const port = portOf(t.hookUrl);
    await t.call('settings.update', { hookPath: '/hooks/okta' });
    const { receiver } = t.core.status();
    expect(receiver.hookUrl).toBe(`http://127.0.0.1:${port}/hooks/okta`);
    expect((await send(`http://127.0.0.1:${port}/hooks/okta`)).status).toBe(405);
  });

  it('moves to a new port when the port changes, and says so in the status it pushes', async () => {
    running = await startTestCore();
    const t = running;
    const movedTo = await freePort();
    await t.call('settings.update', { port: movedTo });
    expect(portOf(t.core.status().receiver.hookUrl)).toBe(movedTo);
    await expect
      .poll(() =>
        t.pushes.some((p) => p.name === 'status.changed' && portOf(p.payload.receiver.hookUrl) === movedTo),
      )
      .toBe(true);
  });
});
