import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The benchmarks run from a bundle in bench/.build; paths are relative to the project root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILD_DIR = path.join(ROOT, 'bench/.build');
export const RESULTS_FILE = path.join(ROOT, 'bench/README.md');
/** The synthetic Okta payloads the tests use too. */
export const FIXTURES = path.join(ROOT, 'shared/okta/fixtures');
export const HEADLESS = path.join(ROOT, 'dist-electron/headless.mjs');
