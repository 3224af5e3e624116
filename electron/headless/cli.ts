import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core';
import { createConsoleLogger } from '../core/console-logger';
import { FileTransfers } from '../core/transfer/file-transfers';
import { startApiServer } from './api-server';
import { parseHeadlessArgs, USAGE, type HeadlessArgs } from './args';
import { defaultDataDir } from './default-data-dir';

declare const __APP_VERSION__: string;

/** The bundle sits in dist-electron/; the built UI in dist/renderer/. */
const RENDERER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/renderer');

async function main(argv: string[]): Promise<void> {
  let args: HeadlessArgs;
  try {
    args = parseHeadlessArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const logger = createConsoleLogger();
  const transfers = await FileTransfers.create();
  const core = await createCore({
    transfers,
    dataDir: args.dataDir ?? defaultDataDir(),
    mode: 'headless',
    version: __APP_VERSION__,
    logger,
    overrides: {
      ...(args.port !== undefined ? { port: args.port } : {}),
      ...(args.secret !== undefined ? { secret: args.secret } : {}),
    },
  });
  const token = args.token ?? randomBytes(24).toString('base64url');
  const api = await startApiServer({ core, transfers, token, port: args.uiPort, rendererDir: RENDERER_DIR });

  const { receiver } = core.status();
  if (receiver.hookUrl) process.stdout.write(`Receiver: ${receiver.hookUrl}\n`);
  else process.stderr.write(`Receiver not listening: ${receiver.error ?? 'unknown error'}\n`);
  process.stdout.write(`Inspector: http://127.0.0.1:${api.port}/#token=${token}\n`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await api.close();
    await core.stop();
    await transfers.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
