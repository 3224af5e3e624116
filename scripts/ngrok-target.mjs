// electron-builder's beforePack hook: puts the target's @ngrok/ngrok native binary into
// node_modules before the app is packed. npm installs only the build machine's binary (the
// package's optionalDependencies are filtered by os/cpu), and `npmRebuild: false` keeps it that
// way, so an arm64, universal or other-OS build would ship without one and fail at runtime with
// "Cannot find module". https://www.electron.build/docs/features/hooks/
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

/** The .node file inside a platform package: `@ngrok/ngrok-linux-x64-gnu` → `ngrok.linux-x64-gnu.node`. */
export const binaryOf = (/** @type {string} */ name) =>
  `${name}/ngrok.${name.slice('@ngrok/ngrok-'.length)}.node`;

/**
 * Make sure node_modules holds `name` at the SDK's version: fetched from the npm registry with
 * `npm pack` and unpacked, without touching the rest of node_modules or the lock file.
 * @param {string} name
 * @param {string} root the project folder
 */
export function ensurePackage(name, root = ROOT) {
  const target = path.join(root, 'node_modules', name);
  if (existsSync(path.join(root, 'node_modules', binaryOf(name)))) return target;
  const sdk = JSON.parse(readFileSync(path.join(root, 'node_modules/@ngrok/ngrok/package.json'), 'utf8'));
  const version = /** @type {{ optionalDependencies: Record<string, string> }} */ (sdk).optionalDependencies[
    name
  ];
  if (version === undefined) throw new Error(`@ngrok/ngrok does not list ${name}.`);
  const scratch = mkdtempSync(path.join(tmpdir(), 'ohi-ngrok-'));
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
  if (!existsSync(path.join(root, 'node_modules', binaryOf(name))))
    throw new Error(`${name}@${version} holds no ${binaryOf(name)}.`);
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
  const name = ngrokPackageFor(context.electronPlatformName, arch);
  ensurePackage(name);
  console.log(`  • ngrok binary for the target  ${binaryOf(name)}`);
}
