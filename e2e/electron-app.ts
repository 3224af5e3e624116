import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const APP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Electron binary to test with: ELECTRON_OVERRIDE_DIST_PATH, or the one `npx install-electron`
 * put in node_modules. Where there is none, the reason, so the project can say why it skipped.
 */
export function electronBinary(): { path: string } | { reason: string } {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, name) : path.join(packageDir, 'dist', name);
  if (existsSync(candidate)) return { path: candidate };
  return {
    reason: override
      ? `No Electron binary at ${candidate} (ELECTRON_OVERRIDE_DIST_PATH).`
      : 'No Electron binary: run "npx install-electron" on a machine with internet, or set ELECTRON_OVERRIDE_DIST_PATH.',
  };
}

export interface LaunchedApp {
  receiverUrl: string;
  page: Page;
  close(): Promise<void>;
}

/**
 * Start the desktop app on a free port and `dataDir` (the caller's, kept) or a data folder of its
 * own (removed on close); wait for its window and receiver.
 */
export async function launchElectronApp(
  executablePath: string,
  args: string[],
  given?: string,
): Promise<LaunchedApp> {
  const dataDir = given ?? (await mkdtemp(path.join(tmpdir(), 'ohi-electron-')));
  const app: ElectronApplication = await _electron.launch({
    executablePath,
    args: [APP_ROOT, '--data-dir', dataDir, '--port', '0', ...args],
  });
  const receiverUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const process = app.process();
    process.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('Receiver: '));
      if (line) resolve(line.slice('Receiver: '.length).trim());
    });
    process.once('exit', () => reject(new Error(`the app exited before its receiver started:\n${output}`)));
  });
  const page = await app.firstWindow();
  return {
    receiverUrl,
    page,
    close: async () => {
      await app.close();
      if (given === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
