import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { firstScreen } from './scripts/first-screen.ts';
import { REACT_ON_PREACT, UI_RUNTIME_CHUNK } from './scripts/ui-runtime.ts';

/** Builds the renderer (one bundle for Electron and the headless browser UI) and hosts Vitest. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), firstScreen()],
  resolve: { alias: REACT_ON_PREACT },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No inline scripts or eval: the CSP forbids them.
    modulePreload: { polyfill: false },
    sourcemap: false,
    // Rolldown warns when a plugin is slow, which on a busy 2-core machine is every build that
    // `npm start` runs: advice to profile the build, read by a newcomer as a failure.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      output: { codeSplitting: { groups: [UI_RUNTIME_CHUNK] } },
    },
  },
  test: {
    root: '.',
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/src/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    setupFiles: ['vitest.setup.ts'],
    globalSetup: ['vitest.global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    passWithNoTests: false,
  },
});
