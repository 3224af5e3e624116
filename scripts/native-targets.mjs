// electron-builder's beforePack hook: puts the target's native binaries (@ngrok/ngrok's and
// libsql's) into node_modules before the app is packed. npm installs only the build machine's
// binaries (each package's optionalDependencies are filtered by os/cpu), and `npmRebuild: false`
// keeps it that way, so an arm64, universal or other-OS build would ship without them and fail at
// runtime with "Cannot find module". https://www.electron.build/docs/features/hooks/
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** electron-builder's Arch enum, by value. https://www.electron.build/docs/api/builder-util.Enumeration.Arch */
const ARCH = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/**
 * The @ngrok/ngrok platform package a packaged app loads on `platform`/`arch`, as the SDK's own
 * loader (node_modules/@ngrok/ngrok/index.js) picks it: on macOS the universal binary first,
 * which serves x64, arm64 and universal builds alike; glibc builds on Linux (AppImage, deb).
 * @param {string} platform electron-builder's electronPlatformName: darwin, mas, linux, win32
 * @param {string} arch x64, arm64, ia32, armv7l or universal
 */
export function ngrokPackageFor(platform, arch) {
  if (platform === 'darwin' || platform === 'mas') return '@ngrok/ngrok-darwin-universal';
  /** @type {Record<string, Record<string, string>>} */
  const table = {
    linux: { x64: 'linux-x64-gnu', arm64: 'linux-arm64-gnu', armv7l: 'linux-arm-gnueabihf' },
    win32: { x64: 'win32-x64-msvc', arm64: 'win32-arm64-msvc', ia32: 'win32-ia32-msvc' },
  };
  const suffix = table[platform]?.[arch];
  if (suffix === undefined) throw new Error(`ngrok ships no binary for ${platform} ${arch}.`);
  return `@ngrok/ngrok-${suffix}`;
}

/**
 * The @libsql platform packages a packaged app needs on `platform`/`arch`, as libsql's loader
 * (node_modules/libsql/index.js) picks one: glibc builds on Linux; on macOS both, since a
 * universal build merges an x64 and an arm64 build that must hold the same files.
 * @param {string} platform
 * @param {string} arch
 */
export function libsqlPackagesFor(platform, arch) {
  if (platform === 'darwin' || platform === 'mas') return ['@libsql/darwin-x64', '@libsql/darwin-arm64'];
  /** @type {Record<string, Record<string, string>>} */
  const table = {
    linux: { x64: 'linux-x64-gnu', arm64: 'linux-arm64-gnu', armv7l: 'linux-arm-gnueabihf' },
    win32: { x64: 'win32-x64-msvc' },
  };
  const suffix = table[platform]?.[arch];
  if (suffix === undefined) throw new Error(`libsql ships no binary for ${platform} ${arch}.`);
  return [`@libsql/${suffix}`];
}

/**
 * Each native module: the package whose optionalDependencies pin its platform packages, which
 * of them a target needs, and the binary inside one.
 * @type {{ sdk: string; packagesFor: (platform: string, arch: string) => string[]; binaryOf: (name: string) => string }[]}
 */
export const NATIVE_MODULES = [
  {
    sdk: '@ngrok/ngrok',
    packagesFor: (platform, arch) => [ngrokPackageFor(platform, arch)],
    // `@ngrok/ngrok-linux-x64-gnu` → `ngrok.linux-x64-gnu.node`
    binaryOf: (name) => `${name}/ngrok.${name.slice('@ngrok/ngrok-'.length)}.node`,
  },
  { sdk: 'libsql', packagesFor: libsqlPackagesFor, binaryOf: (name) => `${name}/index.node` },
];

/**
 * Make sure node_modules holds `name` at the version `sdk` pins: fetched from the npm registry
 * with `npm pack` and unpacked, without touching the rest of node_modules or the lock file.
 * @param {{ sdk: string; binaryOf: (name: string) => string }} module
 * @param {string} name
 * @param {string} root the project folder
 */
export function ensurePackage(module, name, root = ROOT) {
  const target = path.join(root, 'node_modules', name);
  const binary = path.join(root, 'node_modules', module.binaryOf(name));
  if (existsSync(binary)) return target;
  const sdk = JSON.parse(readFileSync(path.join(root, 'node_modules', module.sdk, 'package.json'), 'utf8'));
  const version = /** @type {{ optionalDependencies: Record<string, string> }} */ (sdk).optionalDependencies[
    name
  ];
  if (version === undefined) throw new Error(`${module.sdk} does not list ${name}.`);
  const scratch = mkdtempSync(path.join(tmpdir(), 'ohi-native-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const file = execFileSync(
      npm,
      ['pack', `${name}@${version}`, '--silent', '--pack-destination', scratch],
      {
        encoding: 'utf8',
        shell: process.platform === 'win32',
      },
    ).trim();
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(scratch, file), '-C', target, '--strip-components=1']);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (!existsSync(binary)) throw new Error(`${name}@${version} holds no ${module.binaryOf(name)}.`);
  return target;
}

/**
 * The hook. `context` is electron-builder's BeforePackContext: electronPlatformName and arch
 * (its Arch enum). https://www.electron.build/docs/api/app-builder-lib.Interface.Hooks
 * @param {{ electronPlatformName: string; arch: number }} context
 */
export function beforePack(context) {
  const arch = ARCH[context.arch];
  if (arch === undefined) throw new Error(`Unknown architecture ${context.arch}.`);
  for (const module of NATIVE_MODULES) {
    for (const name of module.packagesFor(context.electronPlatformName, arch)) {
      ensurePackage(module, name);
      console.log(`  • native binary for the target  ${module.binaryOf(name)}`);
    }
  }
}
