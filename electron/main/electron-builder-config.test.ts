import Ajv from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

/** The packaging configuration, checked without building: building needs the Electron download. */

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

interface BuilderConfig {
  appId?: string;
  productName?: string;
  icon?: string;
  files?: string[];
  asarUnpack?: string[];
  asar?: boolean;
  electronFuses?: Record<string, unknown>;
  linux?: { target?: string[]; maintainer?: string };
  mac?: {
    target?: string;
    hardenedRuntime?: boolean;
    entitlements?: string;
    entitlementsInherit?: string;
    x64ArchFiles?: string;
  };
  beforePack?: string;
  win?: { target?: string };
}

const config = load(read('electron-builder.yml')) as BuilderConfig;
const pkg = JSON.parse(read('package.json')) as {
  productName: string;
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    const schema = JSON.parse(read('node_modules/app-builder-lib/scheme.json')) as object;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('names the app as package.json does, with an icon large enough for every platform', () => {
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe(pkg.productName);
    const png = readFileSync(new URL(config.icon ?? '', root));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20; macOS wants 1024 px.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });

  it('builds AppImage and deb, a hardened dmg with its entitlements, and an nsis installer', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    // A deb without a maintainer is refused by electron-builder.
    expect(config.linux?.maintainer).toMatch(/<[^@\s]+@[^>\s]+>$/);
    expect(config.mac).toMatchObject({ target: 'dmg', hardenedRuntime: true });
    // Only V8's JIT; library validation stays on (the ngrok .node is signed with the app).
    for (const plist of [config.mac?.entitlements, config.mac?.entitlementsInherit]) {
      expect([...read(plist ?? '').matchAll(/<key>([^<]+)<\/key>/g)].map(([, key]) => key)).toEqual([
        'com.apple.security.cs.allow-jit',
      ]);
    }
    expect(config.win?.target).toBe('nsis');
  });

  it('packs what the main process loads and nothing of the sources', () => {
    const main = read('electron/main/index.ts');
    const loaded = [...main.matchAll(/path\.join\(__dirname, '([^']+)'\)/g)].map(([, file]) =>
      `dist-electron/${file}`.replace('dist-electron/../', ''),
    );
    expect(loaded).toEqual([
      'dist/renderer',
      'dist-electron/preload.cjs',
      'dist-electron/ngrok-agent.cjs',
      'dist-electron/index-worker.cjs',
    ]);
    const files = config.files ?? [];
    for (const file of [...loaded, pkg.main, 'package.json']) {
      expect(files.some((pattern) => pattern === file || pattern === `${file}/**`)).toBe(true);
    }
    expect(files.filter((pattern) => /^(electron|renderer|shared|e2e|scripts)\//.test(pattern))).toEqual([]);
  });

  it('unpacks the native modules (ngrok, SQLite), the only dependencies left outside the bundles', () => {
    expect(Object.keys(pkg.dependencies)).toEqual(['@ngrok/ngrok', 'libsql']);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['node_modules/@ngrok/**', 'node_modules/@libsql/**']),
    );
    // The target's binaries are added before packing (scripts/native-targets.test.ts packs one), and a
    // universal macOS build may hold the same binary in both halves.
    expect(config.beforePack).toBe('./scripts/native-targets.mjs');
    expect(config.mac?.x64ArchFiles).toBe(
      'Contents/Resources/app.asar.unpacked/node_modules/{@ngrok,@libsql}/**',
    );
    for (const dependency of Object.keys(pkg.dependencies))
      expect(existsSync(new URL(`node_modules/${dependency}/package.json`, root))).toBe(true);
  });

  it('sets every Electron fuse deliberately, in a packed asar as the integrity fuses need', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar ?? true).toBe(true);
  });

  it('has `npm run dist` build the app first, then the installers, without publishing', () => {
    expect(pkg.scripts.dist).toBe('node scripts/build.mjs --quiet && electron-builder --publish never');
  });
});
