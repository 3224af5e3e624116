import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell } from 'electron';
import path from 'node:path';
import type { MenuAction } from '../../shared/contract/menu-actions';
import { createCore, type Core } from '../core';
import { createConsoleLogger } from '../core/console-logger';
import { parseDesktopArgs, type SharedArgs } from '../core/settings/command-line';
import type { SettingsOverrides } from '../core/settings/settings-store';
import { createNgrokProvider } from '../core/tunnel/ngrok-process';
import { buildMenuTemplate, OKTA_EVENT_HOOKS_DOCS } from './app-menu';
import { registerCommands } from './ipc';
import { openMainWindow } from './main-window';
import { registerAppScheme, serveRenderer } from './renderer-protocol';
import { createDialogTransfers } from './dialog-transfers';
import { SafeStorageVault } from './safe-storage-vault';
import { launchUtilityAgent } from './utility-agent';
import { WindowStateFile } from './window-state';
import { hardenContents, hardenSession } from './harden-contents';

const RENDERER_DIR = path.join(__dirname, '../dist/renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');
const NGROK_AGENT = path.join(__dirname, 'ngrok-agent.cjs');

registerAppScheme();

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

function overridesOf(launch: SharedArgs): SettingsOverrides {
  return {
    ...(launch.port !== undefined ? { port: launch.port } : {}),
    ...(launch.secret !== undefined ? { secret: launch.secret } : {}),
    // NGROK_AUTHTOKEN applies to this run, until a token is saved in Settings.
    ...(process.env.NGROK_AUTHTOKEN
      ? {
          ngrokAuthtoken: {
            value: process.env.NGROK_AUTHTOKEN,
            source: 'environment' as const,
          },
        }
      : {}),
  };
}

function hardenApp(): void {
  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) =>
    hardenContents(contents, (url) => void shell.openExternal(url)),
  );
}

function installMenu(dataDir: string): void {
  const send = (action: MenuAction) => mainWindow?.webContents.send('menu.invoked', { action });
  const template = buildMenuTemplate(
    {
      send,
      openDataFolder: () => void shell.openPath(dataDir),
      openDocs: () => void shell.openExternal(OKTA_EVENT_HOOKS_DOCS),
      about: () => app.showAboutPanel(),
    },
    process.platform,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function showWindow(engine: Core, dataDir: string): Promise<void> {
  mainWindow = await openMainWindow(engine, PRELOAD, WindowStateFile.inDir(dataDir));
  mainWindow.on('closed', () => (mainWindow = null));
}

async function start(launch: SharedArgs): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  await app.whenReady();
  const dataDir = launch.dataDir ?? app.getPath('userData');
  serveRenderer(RENDERER_DIR);
  hardenApp();
  installMenu(dataDir);
  const engine = await createCore({
    dataDir,
    mode: 'desktop',
    version: app.getVersion(),
    logger: createConsoleLogger(),
    vault: SafeStorageVault.inDataDir(safeStorage, dataDir),
    ngrok: createNgrokProvider({
      agentPath: NGROK_AGENT,
      launch: launchUtilityAgent,
      clientVersion: app.getVersion(),
    }),
    overrides: overridesOf(launch),
    // The engine refuses anything but a loopback URL here.
    ...(launch.oktaInsecureBaseUrl ? { okta: { insecureBaseUrl: launch.oktaInsecureBaseUrl } } : {}),
    transfers: createDialogTransfers(dialog, () => mainWindow, app.getPath('downloads')),
  });
  core = engine;
  registerCommands(ipcMain, engine);
  // The same first line as headless mode, for scripts and the Electron e2e tests.
  const { hookUrl } = engine.status().receiver;
  if (hookUrl) process.stdout.write(`Receiver: ${hookUrl}\n`);
  await showWindow(engine, dataDir);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void showWindow(engine, dataDir);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Quitting stops the tunnel and the receiver and flushes the log before the process goes away.
let stopped = false;
app.on('will-quit', (event) => {
  if (stopped || !core) return;
  event.preventDefault();
  const engine = core;
  void engine.stop().finally(() => {
    stopped = true;
    app.quit();
  });
});

function fail(title: string, error: unknown, code: number): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${title}: ${message}\n`);
  // Before the app is ready on Linux this prints to stderr instead of showing a dialog.
  dialog.showErrorBox(title, message);
  app.exit(code);
}

function main(): void {
  let launch: SharedArgs;
  try {
    // Electron's own path comes first; the app path and Chromium's switches are skipped.
    launch = parseDesktopArgs(process.argv.slice(1));
  } catch (error) {
    fail('Okta Hook Inspector: bad command line', error, 2);
    return;
  }
  start(launch).catch((error: unknown) => fail('Okta Hook Inspector could not start', error, 1));
}

main();
