import type { Plugin, Rolldown } from 'vite';

/** The chunk of React and the app that renderer/src/main.ts imports. */
export const UI_CHUNK = 'render-app';

/**
 * At the top of a file, V8 compiles all of its functions while the file streams in, off the
 * main thread, instead of each on the main thread at its first call
 * (https://github.com/WICG/explicit-javascript-compile-hints-file-based).
 */
export const COMPILE_ALL = '//# allFunctionsCalledOnLoad\n';

/** What the first screen runs after the entry: the UI's chunk and every chunk it imports but the entry. */
export function firstScreenChunks(bundle: Rolldown.OutputBundle): Rolldown.OutputChunk[] {
  const chunks = new Map<string, Rolldown.OutputChunk>();
  for (const output of Object.values(bundle))
    if (output.type === 'chunk') chunks.set(output.fileName, output);
  const found = new Map<string, Rolldown.OutputChunk>();
  const add = (chunk: Rolldown.OutputChunk | undefined) => {
    if (!chunk || chunk.isEntry || found.has(chunk.fileName)) return;
    found.set(chunk.fileName, chunk);
    for (const imported of chunk.imports) add(chunks.get(imported));
  };
  add([...chunks.values()].find((chunk) => chunk.name === UI_CHUNK));
  return [...found.values()];
}

/**
 * Makes the first screen's chunks ready while the entry runs. The entry imports the UI's chunk
 * only once the engine has been asked for the list's first page (renderer/src/main.ts): the
 * page preloads it and what it imports, so they are downloaded by then, and their functions
 * are compiled as they come (nearly all of them run in the first render). Not the entry: it is
 * small, and should be parsed and run first. Nor the chunks of the parts loaded later
 * (dialogs, panels, an exchange's detail).
 */
export function firstScreen(): Plugin {
  return {
    name: 'first-screen',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of firstScreenChunks(bundle)) chunk.code = COMPILE_ALL + chunk.code;
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle = {} }) =>
        firstScreenChunks(bundle).map((chunk) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` },
          injectTo: 'head' as const,
        })),
    },
  };
}
