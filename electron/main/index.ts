import { app, dialog, ipcMain, Menu, net, safeStorage, session, shell, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { MenuAction } from '../../shared/contract/menu-actions';
import { createCore } from '../core';
import { createConsoleLogger } from '../core/console-logger';
import { createReceiverReporter } from '../core/receiver/receiver-report';
import { parseDesktopArgs, type SharedArgs } from '../core/settings/command-line';
import type { SettingsOverrides } from '../core/settings/settings-store';
import { createNgrokProvider } from '../core/tunnel/ngrok-process';
import { buildMenuTemplate, OKTA_EVENT_HOOKS_DOCS } from './app-menu';
import { background, claimInstance, quitAfter } from './app-lifecycle';
import { createDialogTransfers } from './dialog-transfers';
import { DesktopSecrets } from './desktop-secrets';
import { EngineHost } from './engine-host';
import { hardenContents, hardenSession } from './harden-contents';
import { registerCommands } from './ipc';
import { openMainWindow } from './main-window';
import { registerAppScheme, serveRenderer } from './renderer-protocol';
import { launchUtilityAgent } from './utility-agent';
import { WindowSlot } from './window-slot';
import { WindowStateFile } from './window-state';

const RENDERER_DIR = path.join(__dirname, '../dist/renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');
const NGROK_AGENT = path.join(__dirname, 'ngrok-agent.cjs');
const INDEX_WORKER = path.join(__dirname, 'index-worker.cjs');

const logger = createConsoleLogger();

function overridesOf(launch: SharedArgs): SettingsOverrides {
  return {
    ...(launch.port !== undefined ? { port: launch.port } : {}),
    ...(launch.secret !== undefined ? { secret: launch.secret } : {}),
    // NGROK_AUTHTOKEN applies to this run, until a token is saved in Settings.
    ...(process.env.NGROK_AUTHTOKEN
      ? { ngrokAuthtoken: { value: process.env.NGROK_AUTHTOKEN, source: 'environment' as const } }
      : {}),
  };
}

function fail(title: string, error: unknown, code: number): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${title}: ${message}\n`);
  // Before the app is ready on Linux this prints to stderr instead of showing a dialog.
  dialog.showErrorBox(title, message);
  app.exit(code);
}

function installMenu(dataDir: string, window: () => BrowserWindow | null): void {
  const send = (action: MenuAction) => window()?.webContents.send('menu.invoked', { action });
  const template = buildMenuTemplate(
    {
      send,
      openDataFolder: () => background(shell.openPath(dataDir), logger, 'opening the data folder'),
      openDocs: () => background(shell.openExternal(OKTA_EVENT_HOOKS_DOCS), logger, 'opening the docs'),
      about: () => app.showAboutPanel(),
    },
    process.platform,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** The engine with its desktop parts: dialogs, the utility-process ngrok agent, the secrets. */
function desktopEngine(dataDir: string, launch: SharedArgs, windows: () => WindowSlot<BrowserWindow>) {
  const host: EngineHost = new EngineHost(
    () =>
      createCore({
        dataDir,
        mode: 'desktop',
        version: app.getVersion(),
        indexWorker: INDEX_WORKER,
        logger,
        desktopSecrets: () => secrets.open(),
        passphrase: secrets.control,
        ngrok: createNgrokProvider({
          agentPath: NGROK_AGENT,
          launch: launchUtilityAgent,
          clientVersion: app.getVersion(),
        }),
        overrides: overridesOf(launch),
        okta: {
          // Chromium's network stack: the system proxy (PAC included) and the OS certificate store.
          fetch: (url, init) => net.fetch(url, init),
          // The engine refuses anything but a loopback URL here.
          ...(launch.oktaInsecureBaseUrl ? { insecureBaseUrl: launch.oktaInsecureBaseUrl } : {}),
        },
        transfers: createDialogTransfers(dialog, () => windows().current(), app.getPath('downloads')),
      }),
    logger,
  );
  // The passphrase was given: once the unlock is answered, start the engine again to read the
  // secrets, and reload the UI.
  const secrets = new DesktopSecrets(safeStorage, dataDir, logger, () =>
    setImmediate(() => {
      host.restart().then(
        () => windows().current()?.webContents.reload(),
        (error: unknown) => fail('Okta Hook Inspector could not start again', error, 1),
      );
    }),
  );
  return host;
}

/** A second launch, a click on the Dock icon, closing the last window, quitting. */
function followLifecycle(host: EngineHost, windows: WindowSlot<BrowserWindow>): void {
  const reveal = () =>
    background(
      host.ready().then(() => windows.reveal()),
      logger,
      'showing the window',
    );
  app.on('second-instance', reveal);
  app.on('activate', reveal);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  quitAfter(app, () => host.stop());
}

/** Everything after the instance lock: engine, window, menu, quitting. */
async function run(launch: SharedArgs): Promise<void> {
  const dataDir = app.getPath('userData');
  const host = desktopEngine(dataDir, launch, () => windows);
  const windows = new WindowSlot(() =>
    openMainWindow({
      engine: host,
      preload: PRELOAD,
      stateFile: WindowStateFile.inDir(dataDir, logger),
      logger,
      onSessionEnd: () => void host.stop(),
    }),
  );
  followLifecycle(host, windows);
  await app.whenReady();
  serveRenderer(RENDERER_DIR);
  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) =>
    hardenContents(contents, (url) => background(shell.openExternal(url), logger, 'opening a link')),
  );
  installMenu(dataDir, () => windows.current());
  // The window shows at once and says the history is opening; what it asks waits for the engine.
  registerCommands(ipcMain, host);
  const started = host.start();
  await windows.reveal();
  const engine = await started;
  // The same lines as headless mode, for scripts and the Electron e2e tests.
  const report = createReceiverReporter(({ stream, text }) => process[stream].write(`${text}\n`));
  report(engine.status().receiver);
  host.subscribe((message) => {
    if (message.name === 'status.changed') report(message.payload.receiver);
  });
}

function main(): void {
  registerAppScheme();
  let launch: SharedArgs;
  try {
    // Electron's own path comes first; the app path and Chromium's switches are skipped.
    launch = parseDesktopArgs(process.argv.slice(1));
  } catch (error) {
    fail('Okta Hook Inspector: bad command line', error, 2);
    return;
  }
  if (!claimInstance(app, launch.dataDir)) {
    // Another instance on this data folder was told to show its window.
    app.quit();
    return;
  }
  run(launch).catch((error: unknown) => fail('Okta Hook Inspector could not start', error, 1));
}

main();
