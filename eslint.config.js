// Lint is where the module boundaries between layers are enforced (the per-folder tsconfigs
// enforce the platform split: no Node types in shared/renderer, no DOM in electron/).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Relative imports into a sibling layer, e.g. `../../renderer/…` from shared. */
const intoLayer = (layers, message) => ({
  regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`,
  message,
});

const restrict = ({ paths = [], patterns = [] }) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

/** Production code: every layer's files but their tests. */
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const noTestSupport = {
  regex: '(^|/)test-support(/|$)',
  message: 'Only tests, e2e and bench import test-support/.',
};

const noElectron = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import electron.',
};
const noNgrok = {
  name: '@ngrok/ngrok',
  message: 'Only electron/core/tunnel/ngrok-provider.ts may import the ngrok SDK.',
};
const corePatterns = [
  intoLayer(['main', 'preload', 'headless'], 'The engine must not depend on its hosts.'),
  { regex: '(^|/)renderer(/|$)', message: 'The engine never imports the renderer.' },
];
const nodeOnly = NODE_BUILTINS.map((name) => ({ name, message: 'This layer must stay free of Node APIs.' }));

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'release',
      '.tsbuild',
      'test-results',
      'playwright-report',
      'bench/.build',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          'shared/tsconfig.json',
          'electron/*/tsconfig.json',
          'renderer/tsconfig.json',
          'e2e/tsconfig.json',
          'bench/tsconfig.json',
          'scripts/tsconfig.json',
          'test-support/tsconfig.json',
          'tsconfig.test.json',
          'tsconfig.tools.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      // A composition root may declare what closures read before it can assign it.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Payloads come from the internet: render them as text.',
        },
      ],
      ...restrict({ paths: [noElectron, noNgrok] }),
    },
  },
  {
    files: ['shared/**/*.ts'],
    // Tests run in Node and may read fixtures from disk; the code they test may not.
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: restrict({
      paths: [noElectron, noNgrok, ...nodeOnly],
      patterns: [
        intoLayer(
          ['electron', 'renderer', 'e2e', 'bench'],
          'shared/ imports nothing of ours outside shared/.',
        ),
        noTestSupport,
      ],
    }),
  },
  {
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/tunnel/ngrok-provider.ts', ...TESTS],
    rules: restrict({ paths: [noElectron, noNgrok], patterns: [...corePatterns, noTestSupport] }),
  },
  {
    files: ['electron/core/tunnel/ngrok-provider.ts'],
    rules: restrict({ paths: [noElectron], patterns: [...corePatterns, noTestSupport] }),
  },
  {
    files: ['electron/headless/**/*.ts'],
    ignores: TESTS,
    rules: restrict({
      paths: [noElectron, noNgrok],
      patterns: [
        intoLayer(['main', 'preload'], 'Headless mode runs without Electron.'),
        { regex: '(^|/)renderer(/|$)', message: 'Serve the built renderer; do not import it.' },
        noTestSupport,
      ],
    }),
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: TESTS,
    rules: restrict({
      paths: [
        noNgrok,
        { name: 'electron', importNames: ['ipcRenderer'], message: 'ipcRenderer belongs to the preload.' },
      ],
      patterns: [
        intoLayer(['preload', 'headless'], 'main wires core and Electron only.'),
        { regex: '(^|/)renderer(/|$)', message: 'Load the renderer through app://.' },
        noTestSupport,
      ],
    }),
  },
  {
    // main's tests check its Electron wiring with Electron's types.
    files: ['electron/main/**/*.test.ts'],
    rules: restrict({ paths: [noNgrok] }),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict({
      paths: [noNgrok, { name: 'electron', importNames: ['ipcMain'], message: 'ipcMain belongs to main.' }],
      patterns: [
        intoLayer(['core', 'main', 'headless'], 'The preload exposes the contract and nothing else.'),
        { regex: '(^|/)renderer(/|$)', message: 'The preload never imports the renderer.' },
        { regex: '/shared/(model|okta)/(?!.*\\.ts$)', message: 'Only shared/contract at runtime.' },
        noTestSupport,
      ],
    }),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs['recommended-latest'].rules,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: restrict({
      paths: [noElectron, noNgrok, ...nodeOnly],
      patterns: [
        intoLayer(['electron', 'e2e', 'bench'], 'The renderer talks to the engine only through a Bridge.'),
        noTestSupport,
      ],
    }),
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // expect.any() / expect.stringMatching() are typed any by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      'no-empty-pattern': 'off',
    },
  },
  {
    // Tools that load these files require a default export.
    files: ['*.config.ts', '*.config.js', 'e2e/playwright.config.ts', 'e2e/global-setup.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
  // Plain JS is type-checked by tsc (checkJs); lint it without the type-aware rules.
  { files: ['eslint.config.js', 'scripts/**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
