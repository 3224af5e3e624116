import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above this file with a package.json: this file runs bundled in bench/.build, and from source in tests. */
function projectRoot(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('bench: no package.json above this file');
  }
}

export const ROOT = projectRoot();
export const BUILD_DIR = path.join(ROOT, 'bench/.build');
export const RESULTS_FILE = path.join(ROOT, 'bench/README.md');
/** The synthetic Okta payloads the tests use too. */
export const FIXTURES = path.join(ROOT, 'shared/okta/fixtures');
export const HEADLESS = path.join(ROOT, 'dist-electron/headless.mjs');
