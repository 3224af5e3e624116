import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Which Node.js runs what, derived from the `engines` of the packages each use needs, and held
 * against what the README and package.json say. The floors themselves were run: the build and
 * every unit test on Node 20.19.2, Electron's download path on 22.12.0.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const engines = (name: string) =>
  (
    JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      engines?: { node?: string };
    }
  ).engines?.node ?? '*';

const BUILD_AND_TEST = [
  'vite',
  '@vitejs/plugin-react',
  'esbuild',
  'typescript',
  'vitest',
  'eslint',
  'prettier',
  '@playwright/test',
  '@ngrok/ngrok',
];
const USES = {
  headless: BUILD_AND_TEST,
  // `npm start` downloads Electron with Node; `npm run dist` downloads it too, through electron-builder.
  desktop: [...BUILD_AND_TEST, 'electron', '@electron/get', 'electron-builder'],
};
/**
 * The receiver relies on Node's HTTP parser (llhttp 9) to refuse malformed header names with
 * 400. Node 20.19.0 and 20.19.1 ship llhttp 8, which accepts `X Bad: 1`: hostile-headers.test.ts
 * fails there.
 */
const RECEIVER_PARSER = '^20.19.2 || >=22.12.0';

const PROBES = [
  '18.20.0',
  '20.18.3',
  '20.19.0',
  '20.19.1',
  '20.19.2',
  '21.7.3',
  '22.11.0',
  '22.12.0',
  '22.13.0',
  '23.11.1',
  '24.0.0',
  '25.0.0',
];

const parts = (version: string) => version.split('.').map(Number);
const compare = (a: string, b: string) =>
  parts(a)
    .map((part, i) => part - (parts(b)[i] ?? 0))
    .find((d) => d !== 0) ?? 0;

/** The range forms the engines fields use; anything else fails the test rather than passing it. */
function satisfies(range: string, version: string): boolean {
  return range.split('||').some((raw) => {
    const clause = raw.trim().replace(/^>=\s+/, '>=');
    if (clause === '*') return true;
    const caret = /^\^(\d+(?:\.\d+){0,2})$/.exec(clause);
    if (caret?.[1]) return parts(version)[0] === parts(caret[1])[0] && compare(version, caret[1]) >= 0;
    const atLeast = /^>=(\d+(?:\.\d+){0,2})$/.exec(clause);
    if (atLeast?.[1]) return compare(version, atLeast[1]) >= 0;
    throw new Error(`an engines range this test does not read: "${raw}"`);
  });
}

/** The Node versions a use runs on: every package's engines, and the receiver's parser. */
const accepted = (packages: string[]) =>
  PROBES.filter(
    (version) =>
      satisfies(RECEIVER_PARSER, version) && packages.every((name) => satisfies(engines(name), version)),
  );

/** The lowest probe on each major line a use runs on, e.g. ['20.19.2', '22.13', '24']. */
function floors(packages: string[]): string[] {
  const lowest = new Map<number, string>();
  for (const version of accepted(packages))
    if (!lowest.has(parts(version)[0]!)) lowest.set(parts(version)[0]!, version);
  return [...lowest.values()].map((v) => v.replace(/\.0$/, '').replace(/^(\d+)\.0$/, '$1'));
}

/** '20.19.2+, 22.13+ or 24+', as the README writes it (Node 25 is implied by 24+). */
const said = (list: string[]) => {
  const shown = list.filter((_, i) => i === 0 || !/^\d+$/.test(list[i - 1] ?? ''));
  const plus = shown.map((v) => `${v}+`);
  return plus.length === 1 ? plus[0] : `${plus.slice(0, -1).join(', ')} or ${plus.at(-1)}`;
};

/** The README's table row for `use` (Prettier pads the cells). */
const row = (readme: string, use: string) =>
  new RegExp(`^\\|\\s*${use}\\s*\\|\\s*([^|]+?)\\s*\\|$`, 'm').exec(readme)?.[1];

describe('the Node.js versions the README states', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it('headless mode, the build and the tests: what their tools and the receiver need', () => {
    expect(floors(USES.headless)).toEqual(['20.19.2', '22.13', '24', '25']);
    expect(row(readme, 'Headless mode, the build and the tests')).toBe(said(floors(USES.headless)));
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(PROBES.filter((v) => satisfies(pkg.engines.node, v))).toEqual(accepted(USES.headless));
  });

  it("the desktop app from source and the installers: Electron's download needs more", () => {
    expect(floors(USES.desktop)).toEqual(['22.13', '24', '25']);
    expect(row(readme, 'The desktop app from source, the installers')).toBe(said(floors(USES.desktop)));
  });
});
