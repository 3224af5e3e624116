import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { openInspector } from './browser';

/** A port nothing listens on: one just freed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('openInspector', () => {
  // The bench's browser, as the e2e tests use it; a machine without it runs neither.
  it.skipIf(!existsSync(chromiumLaunchOptions().executablePath ?? ''))(
    'says why the page could not be opened, not that the wait for it was cut short',
    async () => {
      const url = `http://127.0.0.1:${await closedPort()}/`;
      await expect(openInspector(url)).rejects.toThrow(/ERR_CONNECTION_REFUSED/);
    },
  );
});
