import { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, session, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';
import { createCore, type Core } from '../core';
import { createConsoleLogger } from '../core/console-logger';
import { APP_ENTRY, APP_SCHEME, appUrlToRelativePath } from './app-protocol';
import { createDialogTransfers } from './dialog-transfers';
import { forwardPushes, registerCommands } from './ipc';
import { SafeStorageVault } from './safe-storage-vault';
import { allowNavigation, allowPermission, isSafeExternalUrl, windowOptions } from './window-security';

const RENDERER_DIR = path.join(__dirname, '../dist/renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const relative = appUrlToRelativePath(request.url);
    if (relative === null) return new Response('Not found', { status: 404 });
    const file = await net.fetch(pathToFileURL(path.join(RENDERER_DIR, relative)).toString());
    const headers = new Headers(file.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(file.body, { status: file.status, headers });
  });
}

/** Guards for every web contents the app ever creates (HTTP Toolkit's pattern). */
function hardenContents(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(allowPermission()),
  );
  session.defaultSession.setPermissionCheckHandler(() => allowPermission());
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function openWindow(engine: Core): void {
  const window = new BrowserWindow(windowOptions(PRELOAD));
  mainWindow = window;
  const stopForwarding = forwardPushes(engine, window.webContents);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    stopForwarding();
    mainWindow = null;
  });
  void window.loadURL(APP_ENTRY);
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  await app.whenReady();
  serveRenderer();
  hardenContents();
  const dataDir = app.getPath('userData');
  const engine = await createCore({
    dataDir,
    mode: 'desktop',
    version: app.getVersion(),
    logger: createConsoleLogger(),
    vault: SafeStorageVault.inDataDir(safeStorage, dataDir),
    transfers: createDialogTransfers(dialog, () => mainWindow, app.getPath('downloads')),
  });
  core = engine;
  registerCommands(ipcMain, engine);
  openWindow(engine);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(engine);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Stop the receiver and flush the log before the process goes away.
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

start().catch((error: unknown) => {
  process.stderr.write(`Okta Hook Inspector failed to start: ${String(error)}\n`);
  app.exit(1);
});
