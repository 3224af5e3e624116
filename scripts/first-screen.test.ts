import type { Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { firstScreen, firstScreenChunks, UI_CHUNK } from './first-screen';

const chunk = (fileName: string, options: { name?: string; isEntry?: boolean; imports?: string[] } = {}) =>
  ({
    type: 'chunk',
    fileName,
    name: options.name ?? fileName.replace(/\.js$/, ''),
    isEntry: options.isEntry ?? false,
    imports: options.imports ?? [],
    code: '',
  }) as unknown as Rolldown.OutputChunk;

/** An entry, the UI's chunk with the React it shares with a dialog, and the dialog's chunk. */
const bundle = (): Rolldown.OutputBundle =>
  Object.fromEntries(
    [
      chunk('index.js', { isEntry: true }),
      chunk('render-app.js', { name: UI_CHUNK, imports: ['react.js', 'index.js'] }),
      chunk('react.js'),
      chunk('settings-form.js', { imports: ['react.js', 'render-app.js'] }),
    ].map((output) => [output.fileName, output]),
  );

describe('first screen chunks', () => {
  it('are the UI and what it imports, not the entry nor the parts loaded later', () => {
    const names = firstScreenChunks(bundle()).map((output) => output.fileName);
    expect(names.sort()).toEqual(['react.js', 'render-app.js']);
  });

  it('are preloaded by the page', () => {
    const plugin = firstScreen() as unknown as {
      transformIndexHtml: {
        handler(html: string, context: { bundle: Rolldown.OutputBundle }): { attrs: { href: string } }[];
      };
    };
    const tags = plugin.transformIndexHtml.handler('', { bundle: bundle() });
    expect(tags.map((tag) => tag.attrs.href).sort()).toEqual(['./react.js', './render-app.js']);
  });
});
