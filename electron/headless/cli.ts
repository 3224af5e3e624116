import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../core';
import { createConsoleLogger } from '../core/console-logger';
import { createReceiverReporter } from '../core/receiver/receiver-report';
import type { AuthtokenOverride, SettingsOverrides } from '../core/settings/settings-store';
import { forkAgent } from '../core/tunnel/agent-process';
import { createNgrokProvider } from '../core/tunnel/ngrok-process';
import { FileTransfers } from '../core/transfer/file-transfers';
import { startApiServer } from './api-server';
import { apiToken } from './api-token';
import { parseHeadlessArgs, USAGE, type HeadlessArgs } from './args';
import { defaultDataDir } from './default-data-dir';
import { createTunnelReporter } from './tunnel-report';

declare const __APP_VERSION__: string;

/** The bundle sits in dist-electron/, beside the ngrok agent and the index worker; the built UI in dist/renderer/. */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.resolve(HERE, '../dist/renderer');
const NGROK_AGENT = path.join(HERE, 'ngrok-agent.cjs');
const INDEX_WORKER = path.join(HERE, 'index-worker.cjs');

/** The token file wins over NGROK_AUTHTOKEN; either wins over a saved one until one is saved. */
async function authtokenOverride(args: HeadlessArgs): Promise<AuthtokenOverride | undefined> {
  if (args.ngrokAuthtokenFile !== undefined) {
    const value = (
      await readFile(args.ngrokAuthtokenFile, 'utf8').catch((error: Error) => {
        throw new Error(`--ngrok-authtoken-file: cannot read ${args.ngrokAuthtokenFile} (${error.message}).`);
      })
    ).trim();
    if (value === '') throw new Error(`--ngrok-authtoken-file: ${args.ngrokAuthtokenFile} is empty.`);
    return { value, source: 'file' };
  }
  const fromEnv = process.env.NGROK_AUTHTOKEN?.trim();
  return fromEnv ? { value: fromEnv, source: 'environment' } : undefined;
}

async function overridesOf(args: HeadlessArgs): Promise<SettingsOverrides> {
  const ngrokAuthtoken = await authtokenOverride(args);
  return {
    ...(args.port !== undefined ? { port: args.port } : {}),
    ...(args.secret !== undefined ? { secret: args.secret } : {}),
    ...(args.forwardTo !== undefined ? { forward: { target: args.forwardTo } } : {}),
    ...(args.tunnel !== undefined ? { tunnelProvider: args.tunnel } : {}),
    ...(args.publicUrl !== undefined ? { publicUrl: args.publicUrl } : {}),
    ...(args.ngrokDomain !== undefined ? { ngrokDomain: args.ngrokDomain } : {}),
    ...(ngrokAuthtoken ? { ngrokAuthtoken } : {}),
  };
}

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
  const dataDir = args.dataDir ?? defaultDataDir();
  const core = await createCore({
    transfers,
    dataDir,
    mode: 'headless',
    version: __APP_VERSION__,
    indexWorker: INDEX_WORKER,
    logger,
    overrides: await overridesOf(args),
    ngrok: createNgrokProvider({ agentPath: NGROK_AGENT, launch: forkAgent, clientVersion: __APP_VERSION__ }),
    ...(args.oktaInsecureBaseUrl !== undefined
      ? { okta: { insecureBaseUrl: args.oktaInsecureBaseUrl } }
      : {}),
  });
  if (args.oktaInsecureBaseUrl !== undefined) {
    process.stderr.write(`Okta API calls go to ${args.oktaInsecureBaseUrl} (--okta-insecure-base-url).\n`);
  }
  const token = await apiToken(core.secrets, args.token, logger);
  const api = await startApiServer({ core, transfers, token, port: args.uiPort, rendererDir: RENDERER_DIR });

  const report = createReceiverReporter(({ stream, text }) => process[stream].write(`${text}\n`));
  report(core.status().receiver);
  core.subscribe((message) => {
    if (message.name === 'status.changed') report(message.payload.receiver);
  });
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
  await reportTunnel(core, args);
}

/** Print tunnel states as they come, and open the tunnel `--tunnel` asked for. */
async function reportTunnel(core: Core, args: HeadlessArgs) {
  const report = createTunnelReporter(({ stream, text }) => process[stream].write(`${text}\n`));
  core.subscribe((message) => {
    if (message.name === 'tunnel.changed') report(message.payload);
  });
  const current = await core.call('tunnel.status', {});
  if (current.ok) report(current.value);
  if (args.tunnel !== undefined && args.tunnel !== 'none') void core.call('tunnel.start', {});
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
