// Runs Doyensec's Electronegativity over the desktop app: the main and preload sources (precise
// locations) and what ships (package.json, the bundles, the built renderer), and fails on any
// finding that is not reviewed, per check and file, in scripts/electronegativity-reviewed.json.
// Run after `node scripts/build.mjs`. It runs offline (scripts/offline-scan.mjs); the check
// AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, which needs Electron's release list from the internet,
// is excluded: Electron updates are tracked with the toolchain.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PACKAGE = '@doyensec/electronegativity';
const root = path.resolve(import.meta.dirname, '..');
/** @type {{ check: string, file: string, reason: string }[]} */
const reviewed = JSON.parse(readFileSync(path.join(root, 'scripts/electronegativity-reviewed.json'), 'utf8'));
const reviewedKeys = new Set(reviewed.map((r) => `${r.check} ${r.file}`));

/**
 * @typedef {{ id: string, where: string, message: string }} Finding
 * @typedef {{ ruleId: string, message?: { text?: string },
 *   locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }} SarifResult
 */

/** The scanner's entry point (a devDependency). */
function scannerBin() {
  const require = createRequire(path.join(root, 'package.json'));
  const packageJson = require.resolve(`${PACKAGE}/package.json`);
  const { bin } = JSON.parse(readFileSync(packageJson, 'utf8'));
  return path.join(path.dirname(packageJson), typeof bin === 'string' ? bin : bin.electronegativity);
}

/**
 * A folder with what to scan. The bundles are named .js: the scanner skips .cjs files, which
 * would make their scan silently empty.
 */
function stageApp() {
  for (const built of ['dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(root, built))) {
      throw new Error(`${built} is missing: run node scripts/build.mjs first.`);
    }
  }
  const stage = mkdtempSync(path.join(tmpdir(), 'ohi-eng-'));
  /** @param {string} from @param {string} [to] */
  const copy = (from, to = from) => cpSync(path.join(root, from), path.join(stage, to), { recursive: true });
  copy('package.json');
  copy('electron/main');
  copy('electron/preload');
  copy('dist-electron/main.cjs', 'dist-electron/main.js');
  copy('dist-electron/preload.cjs', 'dist-electron/preload.js');
  copy('dist/renderer');
  return stage;
}

/**
 * @param {string} bin
 * @param {string} stage
 * @returns {Finding[]}
 */
function scan(bin, stage) {
  const output = path.join(stage, 'findings.sarif');
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      path.join(root, 'scripts/offline-scan.mjs'),
      bin,
      ...['-i', stage, '-r', '-v', 'false', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', output],
    ],
    { cwd: stage, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (run.status !== 0 || !existsSync(output))
    throw new Error(`electronegativity failed (exit ${run.status}).`);
  /** @type {{ runs?: { results?: SarifResult[] }[] }} */
  const sarif = JSON.parse(readFileSync(output, 'utf8'));
  return (sarif.runs ?? [])
    .flatMap((r) => r.results ?? [])
    .map((result) => ({
      id: result.ruleId,
      // Global checks point at no file; SARIF spells that "file:///".
      where: (result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? 'file:///')
        .replace(/^file:\/\/\/$/, 'N/A')
        // A renderer chunk is reviewed by its name, not by the hash of its content.
        .replace(/^(dist\/renderer\/assets\/.+)-[\w-]{8}\.js$/, '$1-[hash].js'),
      message: result.message?.text ?? '',
    }));
}

const bin = scannerBin();
const stage = stageApp();
try {
  const findings = scan(bin, stage);
  const keys = new Set(findings.map((f) => `${f.id} ${f.where}`));
  const open = findings.filter((f) => !reviewedKeys.has(`${f.id} ${f.where}`));
  for (const f of findings) {
    const verdict = reviewedKeys.has(`${f.id} ${f.where}`) ? 'reviewed' : 'NOT REVIEWED';
    process.stdout.write(`${verdict.padEnd(12)} ${f.id} ${f.where}: ${f.message}\n`);
  }
  for (const stale of reviewed.filter((r) => !keys.has(`${r.check} ${r.file}`))) {
    process.stdout.write(`no longer found (remove from the reviewed list): ${stale.check} ${stale.file}\n`);
  }
  process.stdout.write(`electronegativity: ${findings.length} findings, ${open.length} not reviewed.\n`);
  process.exitCode = open.length === 0 ? 0 : 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
