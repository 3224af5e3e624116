// Run by `npm start` as a child process: downloads Electron's zip into @electron/get's cache,
// printing progress as JSON lines, so the parent can show it and give up when it stalls. The
// package's own install.js then finds the zip in that cache and unpacks it.
import { createRequire } from 'node:module';
import { execSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const packageJson = require.resolve('electron/package.json');
const electron = /** @type {{ version: string }} */ (require(packageJson));
const { downloadArtifact } = /** @type {typeof import('@electron/get')} */ (
  await import(pathToFileURL(createRequire(packageJson).resolve('@electron/get')).href)
);

/** The platform and architecture exactly as electron/install.js picks them, so its cache lookup hits. */
function target() {
  const env = process.env;
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
  let arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch;
  if (platform === 'darwin' && process.platform === 'darwin' && arch === 'x64' && !env.npm_config_arch) {
    try {
      if (execSync('sysctl -in sysctl.proc_translated').toString().trim() === '1') arch = 'arm64';
    } catch {
      // Not under Rosetta.
    }
  }
  return { platform, arch };
}

const send = (/** @type {object} */ message) => process.stdout.write(`${JSON.stringify(message)}\n`);

try {
  const useRemote =
    process.env.electron_use_remote_checksums || process.env.npm_config_electron_use_remote_checksums;
  await downloadArtifact({
    version: electron.version,
    artifactName: 'electron',
    ...target(),
    ...(process.env.electron_config_cache ? { cacheRoot: process.env.electron_config_cache } : {}),
    ...(useRemote ? {} : { checksums: require(path.join(path.dirname(packageJson), 'checksums.json')) }),
    downloadOptions: {
      quiet: true,
      getProgressCallback: (/** @type {{ transferred: number; total: number | null }} */ progress) =>
        Promise.resolve(send({ transferred: progress.transferred, total: progress.total })),
    },
  });
  send({ done: true });
} catch (error) {
  // fetch says only "fetch failed"; what failed (DNS, refused, TLS) is in its cause.
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  send({ error: `${error instanceof Error ? error.message : String(error)}${cause}` });
  process.exitCode = 1;
}
