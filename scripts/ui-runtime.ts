/**
 * The renderer is written against React's API (and typed by @types/react) and runs on Preact's
 * compatibility layer: on a cold start the page evaluates and renders a third of the code, and
 * the first row is drawn ~45 ms sooner (docs/ui-runtime.md). Vite resolves React's modules to
 * these; `ui-runtime.test.ts` checks that every React API the renderer uses exists in them.
 */
export const REACT_ON_PREACT = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react(-dom)?$/, replacement: 'preact/compat' },
];

/** The module the renderer's `import … from specifier` runs, or the specifier when not aliased. */
export function runtimeModule(specifier: string): string {
  return REACT_ON_PREACT.find(({ find }) => find.test(specifier))?.replacement ?? specifier;
}

/**
 * Preact in a chunk of its own, named for what it is: the Electron scan reviews a finding in it
 * by that name (scripts/electronegativity-reviewed.json), whatever else the app's chunks hold.
 */
export const UI_RUNTIME_CHUNK = { name: 'ui-runtime', test: /[\\/]node_modules[\\/]preact[\\/]/ };
