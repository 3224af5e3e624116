import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

type Runtime = { path: string } | { reason: string };
interface DownloadOptions {
  packageDir: string;
  write: (text: string) => void;
  tty?: boolean;
  stallMs?: number;
  fetchScript?: string;
}
type Download = (options: DownloadOptions) => Promise<string | null>;
const here = (file: string) => pathToFileURL(path.join(import.meta.dirname, file)).href;
const { findElectron, RETRY_AFTER_MS } = (await import(here('electron-runtime.mjs'))) as {
  RETRY_AFTER_MS: number;
  findElectron: (options: {
    packageDir: string;
    stateFile: string;
    env: NodeJS.ProcessEnv;
    platform: NodeJS.Platform;
    nodeVersion: string;
    now: () => number;
    write: (text: string) => void;
    download?: Download;
  }) => Promise<Runtime>;
};
const { downloadElectron } = (await import(here('electron-download.mjs'))) as { downloadElectron: Download };

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true }))));

/** An electron package folder as npm installs it: no binary yet, install.js to unpack one. */
async function electronPackage() {
  const dir = await mkdtemp(path.join(tmpdir(), 'ohi-electron-pkg-'));
  dirs.push(dir);
  await writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify({ version: '45.5.0', engines: { node: '>= 22.12.0' } }),
  );
  const unpack = `const fs = require('fs'); fs.mkdirSync(__dirname + '/dist'); fs.writeFileSync(__dirname + '/dist/electron', ''); fs.writeFileSync(__dirname + '/path.txt', 'electron');`;
  await writeFile(path.join(dir, 'install.js'), unpack);
  return dir;
}

/** A stand-in for the downloader child: prints these lines, then ends or (hang) never does. */
async function fetcher(dir: string, lines: object[], end: 'exit 0' | 'exit 1' | 'hang') {
  const file = path.join(dir, `fetch-${end.replace(' ', '-')}.mjs`);
  const tail = end === 'hang' ? 'setInterval(() => {}, 1e6);' : `process.exitCode = ${end.slice(-1)};`;
  await writeFile(
    file,
    `${lines.map((line) => `console.log(${JSON.stringify(JSON.stringify(line))});`).join('\n')}\n${tail}`,
  );
  return file;
}

function setup(packageDir: string, fetchScript: string, clock = { now: 1_000_000 }) {
  const output: string[] = [];
  const download = vi.fn<Download>((options) =>
    downloadElectron({ ...options, fetchScript, stallMs: 1000, tty: false }),
  );
  const options = {
    packageDir,
    stateFile: path.join(packageDir, 'cache', 'electron-download.json'),
    env: { DISPLAY: ':0' },
    platform: 'linux' as const,
    nodeVersion: '22.12.0',
    now: () => clock.now,
    write: (text: string) => output.push(text),
    download,
  };
  return { options, output, download, clock };
}

describe('the Electron npm start runs', () => {
  it('gives up on a download that hangs, with progress shown and the reason in words, and remembers it for a while', async () => {
    const dir = await electronPackage();
    const { options, output, download, clock } = setup(
      dir,
      await fetcher(dir, [{ transferred: 524288, total: 102760448 }], 'hang'),
    );
    const first = await findElectron(options);
    expect(first).toEqual({
      reason:
        'its download failed: no data arrived for 1 s (a proxy or firewall may be holding the connection)',
    });
    expect(output).toEqual([
      'Downloading Electron 45.5.0 (once; about 100 MB)…\n',
      '  0.5 of 98.0 MB (0 %)\n',
    ]);
    expect(JSON.stringify(first)).not.toMatch(/exit null|code null/);
    clock.now += 10 * 60_000;
    expect(await findElectron(options)).toEqual({
      reason:
        'its download failed 10 min ago (no data arrived for 1 s (a proxy or firewall may be holding the connection)); `npx install-electron` tries again now',
    });
    expect(download).toHaveBeenCalledTimes(1);
    clock.now += RETRY_AFTER_MS;
    await findElectron(options);
    expect(download).toHaveBeenCalledTimes(2);
  });

  it('says what the downloader said when it fails, and uses the download once it worked', async () => {
    const dir = await electronPackage();
    const failing = setup(
      dir,
      await fetcher(dir, [{ error: 'getaddrinfo ENOTFOUND github.com\n    at x' }], 'exit 1'),
    );
    expect(await findElectron(failing.options)).toEqual({
      reason: 'its download failed: getaddrinfo ENOTFOUND github.com',
    });
    await rm(failing.options.stateFile);
    const working = setup(
      dir,
      await fetcher(dir, [{ transferred: 10, total: 10 }, { done: true }], 'exit 0'),
    );
    expect(await findElectron(working.options)).toEqual({ path: path.join(dir, 'dist', 'electron') });
    expect(
      JSON.parse(await readFile(path.join(dir, 'path.txt'), 'utf8').then((t) => JSON.stringify(t))),
    ).toBe('electron');
  });

  it('does not try to download on a Node older than the installer needs', async () => {
    const dir = await electronPackage();
    const { options, download } = setup(dir, 'unused');
    expect(await findElectron({ ...options, nodeVersion: '20.19.0' })).toEqual({
      reason: 'downloading it needs Node.js 22.12.0 or newer, and this is 20.19.0',
    });
    expect(download).not.toHaveBeenCalled();
    expect(existsSync(options.stateFile)).toBe(false);
  });

  it('checks that ELECTRON_OVERRIDE_DIST_PATH holds an Electron', async () => {
    const dir = await electronPackage();
    const { options } = setup(dir, 'unused');
    const override = path.join(dir, 'unpacked');
    const env = { DISPLAY: ':0', ELECTRON_OVERRIDE_DIST_PATH: override };
    expect(await findElectron({ ...options, env })).toEqual({
      reason: `ELECTRON_OVERRIDE_DIST_PATH holds no Electron (${path.join(override, 'electron')} does not exist)`,
    });
    await mkdir(override);
    await writeFile(path.join(override, 'electron'), '');
    expect(await findElectron({ ...options, env })).toEqual({ path: path.join(override, 'electron') });
    expect(await findElectron({ ...options, env: {} })).toEqual({ reason: 'no display is available' });
  });
});
