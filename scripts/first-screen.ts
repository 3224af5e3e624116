import type { Plugin, Rolldown } from 'vite';

/** The chunk of the UI runtime and the app that renderer/src/main.ts imports. */
export const UI_CHUNK = 'render-app';

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
 * The page preloads the first screen's chunks: the entry imports the UI's chunk only once the
 * engine has been asked for the list's first page (renderer/src/main.ts), and by then it is
 * downloaded and parsed. Not the chunks of the parts loaded later (dialogs, panels, an
 * exchange's detail). (V8's hint to compile every function of a file as it streams in,
 * `//# allFunctionsCalledOnLoad`, made the first row later here: on two cores, that compile
 * held up the import.)
 */
export function firstScreen(): Plugin {
  return {
    name: 'first-screen',
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
