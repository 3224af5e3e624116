import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { satisfies } from './node-range';

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

interface LockEntry {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  engines?: { node?: string } | string[];
}

const LOCK = (
  JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  }
).packages;

/** Where npm put `name` for the package at `from`: the nearest node_modules up the tree. */
function lockPath(from: string, name: string): string | undefined {
  for (let at = from; ; at = at.slice(0, Math.max(0, at.lastIndexOf('/node_modules/')))) {
    const candidate = `${at === '' ? '' : `${at}/`}node_modules/${name}`;
    if (candidate in LOCK) return candidate;
    if (at === '') return undefined;
  }
}

/** Every package `npm ci` installs for our own dependencies, except those under `leaving`. */
function installed(leaving: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (at: string) => {
    const entry = LOCK[at] ?? {};
    const names = Object.keys({
      ...entry.dependencies,
      ...entry.devDependencies,
      ...entry.optionalDependencies,
      ...entry.peerDependencies,
    });
    for (const name of names.filter((n) => at !== '' || !leaving.includes(n))) {
      const found = lockPath(at, name);
      if (found !== undefined && !seen.has(found)) {
        seen.add(found);
        visit(found);
      }
    }
  };
  visit('');
  return seen;
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

describe('the engines of what npm ci installs', () => {
  it('accept every Node.js version package.json does, apart from the desktop path', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    const supported = PROBES.filter((v) => satisfies(pkg.engines.node, v));
    const refusing = [...installed(['electron', 'electron-builder'])].flatMap((at) => {
      const engines = LOCK[at]?.engines;
      const range = Array.isArray(engines) ? undefined : engines?.node;
      const refused = range === undefined ? [] : supported.filter((v) => !satisfies(range, v));
      return refused.length === 0 ? [] : [`${at} (${range ?? ''}) refuses ${refused.join(', ')}`];
    });
    // npm ci warns EBADENGINE for each: a warning users learn to ignore, or a real break.
    expect(refusing).toEqual([]);
  });
});
