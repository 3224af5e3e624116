// Runs Doyensec's Electronegativity over what the desktop app ships (the files electron-builder
// packs: package.json, dist-electron, dist/renderer) and fails on any finding that has not been
// reviewed in scripts/electronegativity-reviewed.json. Run after `node scripts/build.mjs`.
// The network check AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK is excluded: it downloads Electron's
// release list from GitHub, which CI cannot reach; Electron updates are tracked with the toolchain.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PACKAGE = '@doyensec/electronegativity';
const root = path.resolve(import.meta.dirname, '..');
/** @type {{ devDependencies?: Record<string, string> }} */
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
/** @type {Record<string, string>} check id -> why it is acceptable */
const reviewed = JSON.parse(readFileSync(path.join(root, 'scripts/electronegativity-reviewed.json'), 'utf8'));

/**
 * @typedef {{ id: string, where: string, message: string }} Finding
 * @typedef {{ ruleId: string, message?: { text?: string },
 *   locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }} SarifResult
 */

/** The scanner's entry point, or null while it is not a declared devDependency. */
function scannerBin() {
  const declared = manifest.devDependencies?.[PACKAGE] !== undefined;
  try {
    const require = createRequire(path.join(root, 'package.json'));
    const packageJson = require.resolve(`${PACKAGE}/package.json`);
    const { bin } = JSON.parse(readFileSync(packageJson, 'utf8'));
    return path.join(path.dirname(packageJson), typeof bin === 'string' ? bin : bin.electronegativity);
  } catch (error) {
    if (declared)
      throw new Error(`${PACKAGE} is in devDependencies but not installed: run npm ci.`, { cause: error });
    return null;
  }
}

/** A folder laid out like the packaged app, so the scanner sees exactly what ships. */
function stageApp() {
  for (const built of ['dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(root, built)))
      throw new Error(`${built} is missing: run node scripts/build.mjs first.`);
  }
  const stage = mkdtempSync(path.join(tmpdir(), 'ohi-eng-'));
  cpSync(path.join(root, 'package.json'), path.join(stage, 'package.json'));
  for (const file of ['main.cjs', 'preload.cjs']) {
    cpSync(path.join(root, 'dist-electron', file), path.join(stage, 'dist-electron', file));
  }
  cpSync(path.join(root, 'dist/renderer'), path.join(stage, 'dist/renderer'), { recursive: true });
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
    [bin, '-i', stage, '-r', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', output],
    { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (run.status !== 0 || !existsSync(output))
    throw new Error(`electronegativity failed (exit ${run.status}).`);
  /** @type {{ runs?: { results?: SarifResult[] }[] }} */
  const sarif = JSON.parse(readFileSync(output, 'utf8'));
  return (sarif.runs ?? [])
    .flatMap((r) => r.results ?? [])
    .map((result) => ({
      id: result.ruleId,
      where: result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? 'N/A',
      message: result.message?.text ?? '',
    }));
}

const bin = scannerBin();
if (bin === null) {
  process.stdout.write(
    `electronegativity: not run, ${PACKAGE} is not a devDependency yet (npm i -D ${PACKAGE}@1.10.3).\n`,
  );
  process.exit(0);
}
const stage = stageApp();
try {
  const findings = scan(bin, stage);
  const open = findings.filter((f) => reviewed[f.id] === undefined);
  for (const f of findings) {
    const verdict = reviewed[f.id] === undefined ? 'NOT REVIEWED' : 'reviewed';
    process.stdout.write(`${verdict.padEnd(12)} ${f.id} ${f.where}: ${f.message}\n`);
  }
  process.stdout.write(`electronegativity: ${findings.length} findings, ${open.length} not reviewed.\n`);
  process.exitCode = open.length === 0 ? 0 : 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
