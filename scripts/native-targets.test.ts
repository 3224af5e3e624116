import { listPackage } from '@electron/asar';
import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

interface NativeModule {
  sdk: string;
  packagesFor: (platform: string, arch: string) => string[];
  binaryOf: (name: string) => string;
}
/** The hook is plain JavaScript for electron-builder to load; its exports, as they are used here. */
interface NativeTargetsHook {
  ngrokPackageFor: (platform: string, arch: string) => string;
  libsqlPackagesFor: (platform: string, arch: string) => string[];
  NATIVE_MODULES: NativeModule[];
}
const { ngrokPackageFor, libsqlPackagesFor, NATIVE_MODULES } = (await import(
  pathToFileURL(path.join(ROOT, 'scripts/native-targets.mjs')).href
)) as NativeTargetsHook;
interface Manifest {
  version: string;
  optionalDependencies: Record<string, string>;
}
const manifest = async (name: string) =>
  JSON.parse(await readFile(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as Manifest;
const sdk = await manifest('@ngrok/ngrok');
const libsql = await manifest('libsql');

describe('the ngrok binary a packaged app needs', () => {
  it.each([
    ['darwin', 'x64', '@ngrok/ngrok-darwin-universal'],
    ['darwin', 'arm64', '@ngrok/ngrok-darwin-universal'],
    ['darwin', 'universal', '@ngrok/ngrok-darwin-universal'],
    ['linux', 'x64', '@ngrok/ngrok-linux-x64-gnu'],
    ['linux', 'arm64', '@ngrok/ngrok-linux-arm64-gnu'],
    ['win32', 'x64', '@ngrok/ngrok-win32-x64-msvc'],
    ['win32', 'arm64', '@ngrok/ngrok-win32-arm64-msvc'],
  ])('%s %s loads %s, a package the SDK publishes', (platform, arch, name) => {
    expect(ngrokPackageFor(platform, arch)).toBe(name);
    expect(sdk.optionalDependencies[name]).toBe(sdk.version);
  });

  it('names no binary for a target ngrok does not build', () => {
    expect(() => ngrokPackageFor('linux', 'ia32')).toThrow('ngrok ships no binary for linux ia32.');
  });
});

describe('the SQLite (libsql) binaries a packaged app needs', () => {
  it.each([
    ['darwin', 'universal', ['@libsql/darwin-x64', '@libsql/darwin-arm64']],
    ['darwin', 'arm64', ['@libsql/darwin-x64', '@libsql/darwin-arm64']],
    ['linux', 'x64', ['@libsql/linux-x64-gnu']],
    ['linux', 'arm64', ['@libsql/linux-arm64-gnu']],
    ['linux', 'armv7l', ['@libsql/linux-arm-gnueabihf']],
    ['win32', 'x64', ['@libsql/win32-x64-msvc']],
  ])('%s %s loads %j, packages libsql publishes', (platform, arch, names) => {
    expect(libsqlPackagesFor(platform, arch)).toEqual(names);
    for (const name of names) expect(libsql.optionalDependencies[name]).toBe(libsql.version);
  });

  it('names no binary for a target libsql does not build', () => {
    expect(() => libsqlPackagesFor('win32', 'arm64')).toThrow('libsql ships no binary for win32 arm64.');
  });
});

const scratch: string[] = [];
afterAll(async () => Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true }))));

/**
 * A copy of the project with stand-ins for what `npm run build` and the Electron download would
 * provide, so electron-builder packs it here, offline but for the npm registry.
 */
async function stagedProject(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ohi-pack-'));
  scratch.push(dir);
  for (const file of ['package.json', 'scripts/native-targets.mjs', 'build'])
    await cp(path.join(ROOT, file), path.join(dir, file), { recursive: true });
  for (const scope of ['@ngrok', '@libsql'])
    for (const name of await readdir(path.join(ROOT, 'node_modules', scope)))
      await cp(path.join(ROOT, 'node_modules', scope, name), path.join(dir, 'node_modules', scope, name), {
        recursive: true,
      });
  await cp(path.join(ROOT, 'node_modules/libsql'), path.join(dir, 'node_modules/libsql'), {
    recursive: true,
  });
  for (const file of [
    'dist/renderer/index.html',
    'dist-electron/main.cjs',
    'dist-electron/preload.cjs',
    'dist-electron/ngrok-agent.cjs',
  ]) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), '// stand-in for the build\n');
  }
  const electron = path.join(dir, 'electron-dist');
  await mkdir(path.join(electron, 'resources'), { recursive: true });
  await writeFile(path.join(electron, 'electron'), '#!/bin/sh\n');
  await chmod(path.join(electron, 'electron'), 0o755);
  const config = load(await readFile(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<
    string,
    unknown
  >;
  // The stand-in Electron has no fuses to flip.
  Object.assign(config, { electronDist: electron, electronVersion: '45.5.0', electronFuses: null });
  await writeFile(path.join(dir, 'builder.json'), JSON.stringify(config));
  return dir;
}

describe('packaging for another architecture', () => {
  const arch = process.arch === 'arm64' ? 'x64' : 'arm64';
  const binaries = NATIVE_MODULES.flatMap((module) =>
    module.packagesFor('linux', arch).map((name) => `node_modules/${module.binaryOf(name)}`),
  );

  it(`packs ${binaries.join(' and ')}, unpacked from the asar`, { timeout: 180_000 }, async () => {
    const dir = await stagedProject();
    const cli = path.join(ROOT, 'node_modules/electron-builder/cli.js');
    const args = [cli, '--linux', 'dir', `--${arch}`, '--config', 'builder.json', '--publish', 'never'];
    const env = { ...process.env, ELECTRON_BUILDER_CACHE: path.join(dir, '.cache') };
    await promisify(execFile)(process.execPath, args, { cwd: dir, env }).catch(
      (error: Error & { stdout?: string; stderr?: string }) => {
        throw new Error(`electron-builder failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
      },
    );
    const resources = path.join(dir, 'release', `linux-${arch}-unpacked`, 'resources');
    const inAsar = listPackage(path.join(resources, 'app.asar'), { isPack: false });
    const unpacked = await readdir(path.join(resources, 'app.asar.unpacked'), { recursive: true });
    for (const binary of binaries) {
      expect(inAsar).toContain(`/${binary}`);
      expect(unpacked).toContain(binary);
    }
  });
});
